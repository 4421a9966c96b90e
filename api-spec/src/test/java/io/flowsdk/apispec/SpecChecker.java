package io.flowsdk.apispec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flowsdk.apispec.SeedReference.Operation;
import io.flowsdk.apispec.SeedReference.Param;
import io.flowsdk.apispec.SeedReference.Response;

/**
 * Compares an OpenAPI document (as loaded by snakeyaml) with the seed's operations and returns
 * every difference found as a readable problem; an empty list means the spec covers the seed.
 * {@code $ref}s are resolved here, against the document itself.
 */
final class SpecChecker {

    /** Fields the seed shows only as placeholders but which carry arbitrary JSON. */
    static final Set<String> ANY_JSON_FIELDS = Set.of("variables");
    /** Fields whose items carry arbitrary JSON (strings or objects). */
    static final Set<String> ANY_JSON_ITEM_FIELDS = Set.of("StatusExplanations");

    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final Map<String, Object> root;
    private final List<String> problems = new ArrayList<>();

    private SpecChecker(Map<String, Object> root) {
        this.root = root;
    }

    static List<String> check(Map<String, Object> spec, List<Operation> seed) {
        SpecChecker c = new SpecChecker(spec);
        c.checkGlobal();
        String basePath = c.basePath();
        Set<String> seen = new LinkedHashSet<>();
        for (Operation op : seed) {
            c.checkOperation(op, basePath);
            seen.add(op.method() + " " + c.specPath(op.path(), basePath));
        }
        // the reverse direction: the spec invents no operation the seed does not have
        for (Map.Entry<String, Object> path : map(spec.get("paths")).entrySet()) {
            for (String method : map(path.getValue()).keySet()) {
                if (METHODS.contains(method) && !seen.contains(method + " " + path.getKey())) {
                    c.problem("spec operation " + method + " " + path.getKey() + " is not in the seed");
                }
            }
        }
        return c.problems;
    }

    // ---- document-wide --------------------------------------------------------------------

    private void checkGlobal() {
        Map<String, Object> schemes = map(map(root.get("components")).get("securitySchemes"));
        Set<String> bearer = new LinkedHashSet<>();
        schemes.forEach((name, s) -> {
            Map<String, Object> scheme = map(s);
            if ("http".equals(scheme.get("type"))
                    && "bearer".equalsIgnoreCase(String.valueOf(scheme.get("scheme")))
                    && "JWT".equals(scheme.get("bearerFormat"))) {
                bearer.add(name);
            }
        });
        if (bearer.isEmpty()) {
            problem("security: no http bearer (JWT) security scheme");
        }
        boolean required = list(root.get("security")).stream()
                .anyMatch(req -> map(req).keySet().stream().anyMatch(bearer::contains));
        if (!required) {
            problem("security: the top-level security does not require the bearer scheme");
        }

        List<Object> servers = list(root.get("servers"));
        if (servers.isEmpty()) {
            problem("servers: none");
        } else {
            Map<String, Object> server = map(servers.get(0));
            String url = String.valueOf(server.get("url"));
            if (!url.contains("{tenant}")) {
                problem("servers: url " + url + " has no {tenant} variable");
            }
            Map<String, Object> tenant = map(map(server.get("variables")).get("tenant"));
            if (tenant.get("default") == null) {
                problem("servers: variable 'tenant' is missing or has no default");
            }
        }
        findPlaceholders(root, "#", false);
    }

    /** No "..." from the seed may survive in an example: examples must look real. */
    private void findPlaceholders(Object node, String where, boolean inExample) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                findPlaceholders(v, where + "/" + key, inExample || key.equals("example") || key.equals("examples"));
            });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                findPlaceholders(l.get(i), where + "/" + i, inExample);
            }
        } else if (inExample && node instanceof String s && s.contains("...")) {
            problem("example " + where + " contains the placeholder \"...\": " + s);
        }
    }

    private String basePath() {
        List<Object> servers = list(root.get("servers"));
        if (servers.isEmpty()) {
            return "";
        }
        String url = String.valueOf(map(servers.get(0)).get("url"));
        Matcher m = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+(/.*)?$").matcher(url);
        String path = m.matches() && m.group(1) != null ? m.group(1) : "";
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private String specPath(String seedPath, String basePath) {
        return seedPath.startsWith(basePath) ? seedPath.substring(basePath.length()) : seedPath;
    }

    // ---- one operation ---------------------------------------------------------------------

    private void checkOperation(Operation op, String basePath) {
        String where = op.title() + " (" + op.method().toUpperCase(Locale.ROOT) + " " + op.path() + ")";
        if (!op.path().startsWith(basePath + "/")) {
            problem(where + ": seed path does not start with the server's base path " + basePath);
        }
        String path = specPath(op.path(), basePath);
        Map<String, Object> pathItem = map(map(root.get("paths")).get(path));
        if (pathItem.isEmpty()) {
            problem(where + ": path " + path + " missing from the spec");
            return;
        }
        Map<String, Object> operation = map(pathItem.get(op.method()));
        if (operation.isEmpty()) {
            problem(where + ": method " + op.method() + " missing on path " + path);
            return;
        }
        checkParameters(where, op, pathItem, operation);
        checkRequestBody(where, op, operation);
        checkResponses(where, op, operation);
    }

    private void checkParameters(String where, Operation op, Map<String, Object> pathItem,
                                 Map<String, Object> operation) {
        Map<String, Map<String, Object>> declared = new LinkedHashMap<>();
        for (Object p : list(pathItem.get("parameters"))) {
            Map<String, Object> param = map(resolve(p));
            declared.put(param.get("in") + ":" + param.get("name"), param);
        }
        for (Object p : list(operation.get("parameters"))) {
            Map<String, Object> param = map(resolve(p));
            declared.put(param.get("in") + ":" + param.get("name"), param);
        }
        for (Param sp : op.params()) {
            if (sp.in().equals("body")) {
                continue;
            }
            String what = where + ": " + sp.in() + " parameter '" + sp.name() + "'";
            Map<String, Object> param = declared.get(sp.in() + ":" + sp.name());
            if (param == null) {
                boolean elsewhere = declared.keySet().stream().anyMatch(k -> k.endsWith(":" + sp.name()));
                problem(what + (elsewhere ? " declared with another location" : " missing"));
                continue;
            }
            if (sp.required() && !Boolean.TRUE.equals(param.get("required"))) {
                problem(what + " must be required");
            }
            Map<String, Object> schema = map(resolve(param.get("schema")));
            String type = (String) schema.get("type");
            switch (sp.dataType().toLowerCase(Locale.ROOT)) {
                case "integer" -> {
                    if (!"integer".equals(type) || !"int64".equals(schema.get("format"))) {
                        problem(what + " must be type integer, format int64 (is " + type + "/" + schema.get("format") + ")");
                    }
                }
                case "array" -> {
                    if (!"array".equals(type)) {
                        problem(what + " must be type array (is " + type + ")");
                    }
                    String style = (String) param.getOrDefault("style", "form");
                    Object explode = param.getOrDefault("explode", style.equals("form"));
                    if (!"form".equals(style) || !Boolean.TRUE.equals(explode)) {
                        problem(what + " must be a repeated parameter (style form, explode true)");
                    }
                }
                case "string" -> {
                    if (!"string".equals(type)) {
                        problem(what + " must be type string (is " + type + ")");
                    }
                    String description = sp.description().toLowerCase(Locale.ROOT);
                    if ((description.contains("date time") || description.contains("date-time"))
                            && !"date-time".equals(schema.get("format"))) {
                        problem(what + " is a date time and must have format date-time");
                    }
                    int allowed = sp.description().indexOf("Allowed values are");
                    if (allowed >= 0) {
                        String tail = sp.description().substring(allowed);
                        int end = tail.indexOf('.');
                        Matcher m = QUOTED.matcher(end > 0 ? tail.substring(0, end) : tail);
                        List<Object> values = new ArrayList<>();
                        while (m.find()) {
                            values.add(m.group(1));
                        }
                        if (!values.equals(schema.get("enum"))) {
                            problem(what + " enum must be exactly " + values + " (is " + schema.get("enum") + ")");
                        }
                    }
                }
                default -> problem(what + " has seed data type '" + sp.dataType() + "' this checker does not know");
            }
        }
    }

    private void checkRequestBody(String where, Operation op, Map<String, Object> operation) {
        Map<String, Object> body = map(resolve(operation.get("requestBody")));
        Param bodyRow = op.params().stream().filter(p -> p.in().equals("body")).findFirst().orElse(null);
        if (bodyRow == null) {
            if (!body.isEmpty()) {
                problem(where + ": spec has a requestBody the seed does not have");
            }
            return;
        }
        if (body.isEmpty()) {
            problem(where + ": requestBody missing");
            return;
        }
        if (bodyRow.required() && !Boolean.TRUE.equals(body.get("required"))) {
            problem(where + ": requestBody must be required");
        }
        Object schemaNode = map(map(map(body.get("content")).get("application/json"))).get("schema");
        if (schemaNode == null) {
            problem(where + ": requestBody has no application/json schema");
            return;
        }
        String linked = bodyRow.linkedSchema();
        if (!linked.isEmpty() && !linked.equalsIgnoreCase(refName(schemaNode))) {
            problem(where + ": requestBody schema must be " + linked + " (is " + refName(schemaNode) + ")");
        }
        for (Object example : op.requestExamples()) {
            checkValue(where + ": request example", example, schemaNode, true);
        }
    }

    private void checkResponses(String where, Operation op, Map<String, Object> operation) {
        Map<String, Object> responses = map(operation.get("responses"));
        List<Object> successSchemas = new ArrayList<>();
        for (Response sr : op.responses()) {
            Object responseNode = responses.get(String.valueOf(sr.status()));
            if (responseNode == null) {
                responseNode = responses.get(sr.status()); // unquoted YAML key
            }
            if (responseNode == null) {
                problem(where + ": response " + sr.status() + " missing");
                continue;
            }
            Object schemaNode = map(map(map(resolve(responseNode)).get("content")).get("application/json")).get("schema");
            if (schemaNode == null) {
                problem(where + ": response " + sr.status() + " has no application/json schema");
                continue;
            }
            if (sr.status() < 300) {
                successSchemas.add(schemaNode);
                if (!sr.schema().isEmpty() && !sr.schema().equalsIgnoreCase(refName(schemaNode))) {
                    problem(where + ": response " + sr.status() + " schema must be " + sr.schema() + " (is " + refName(schemaNode) + ")");
                }
            } else if (!sr.schema().isEmpty() && !sr.schema().equalsIgnoreCase(refName(responseNode))
                    && !sr.schema().equalsIgnoreCase(refName(schemaNode))) {
                problem(where + ": response " + sr.status() + " must be " + sr.schema()
                        + " (is " + refName(responseNode) + "/" + refName(schemaNode) + ")");
            }
        }
        // every error answer of the spec (seed-listed or not) carries the error body
        responses.forEach((status, responseNode) -> {
            String code = String.valueOf(status);
            if (code.startsWith("4") || code.startsWith("5")) {
                Object schemaNode = map(map(map(resolve(responseNode)).get("content")).get("application/json")).get("schema");
                checkErrorSchema(where + ": response " + code, schemaNode);
            }
        });
        for (Object example : op.responseExamples()) {
            if (successSchemas.isEmpty()) {
                problem(where + ": response example but no 2xx schema to hold it");
            }
            for (Object schemaNode : successSchemas) {
                checkValue(where + ": response example", example, schemaNode, false);
            }
        }
    }

    private void checkErrorSchema(String where, Object schemaNode) {
        Map<String, Object> props = properties(schemaNode);
        for (String field : List.of("code", "message", "status")) {
            if (!props.containsKey(field)) {
                problem(where + ": error schema has no field '" + field + "'");
            }
        }
        Map<String, Object> code = map(resolve(props.get("code")));
        if (props.containsKey("code") && !acceptsNumberAndString(code)) {
            problem(where + ": error field 'code' must accept both a number and a string (is " + code.get("type") + ")");
        }
    }

    private boolean acceptsNumberAndString(Map<String, Object> schema) {
        if (!schema.containsKey("type")) {
            for (String key : List.of("oneOf", "anyOf")) {
                if (schema.containsKey(key)) {
                    Set<Object> types = new LinkedHashSet<>();
                    list(schema.get(key)).forEach(s -> types.add(map(resolve(s)).get("type")));
                    return (types.contains("integer") || types.contains("number")) && types.contains("string");
                }
            }
            return true; // no type at all: any JSON value
        }
        return false;
    }

    // ---- example values against schemas ---------------------------------------------------

    private void checkValue(String where, Object value, Object schemaNode, boolean request) {
        String name = refName(schemaNode);
        String label = where + (name == null ? "" : " [" + name + "]");
        if (schemaNode != null && resolve(schemaNode) == null) {
            problem(label + ": $ref does not resolve");
            return;
        }
        Map<String, Object> schema = map(resolve(schemaNode));
        if (isAny(schema) || value == null) {
            return;
        }
        Object type = schema.get("type");
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> props = properties(schemaNode);
            if (!"object".equals(type) && props.isEmpty()) {
                problem(label + ": is an object in the seed but type " + type + " in the spec");
                return;
            }
            object.forEach((k, v) -> {
                String key = String.valueOf(k);
                String at = where + "." + key;
                if (!props.containsKey(key)) {
                    problem(at + ": field missing from schema " + (name == null ? "(inline)" : name));
                    return;
                }
                Object propNode = props.get(key);
                if (ANY_JSON_FIELDS.contains(key)) {
                    checkAnyJson(at, map(resolve(propNode)), request);
                } else if (ANY_JSON_ITEM_FIELDS.contains(key)) {
                    Map<String, Object> arr = map(resolve(propNode));
                    if (!"array".equals(arr.get("type")) || !isAny(map(resolve(arr.get("items"))))) {
                        problem(at + ": must be an array whose items accept any JSON (no type)");
                    }
                } else {
                    checkValue(at, v, propNode, request);
                }
            });
        } else if (value instanceof List<?> array) {
            if (!"array".equals(type)) {
                problem(label + ": is an array in the seed but type " + type + " in the spec");
                return;
            }
            for (Object item : array) {
                checkValue(where + "[]", item, schema.get("items"), request);
            }
        } else if (value instanceof String s) {
            if (!"string".equals(type)) {
                problem(label + ": is a string in the seed but type " + type + " in the spec");
            } else if (DATE_TIME.matcher(s).matches() && !"date-time".equals(schema.get("format"))) {
                problem(label + ": is a date-time in the seed but format " + schema.get("format") + " in the spec");
            }
        } else if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            if (!"integer".equals(type)) {
                problem(label + ": is an integer in the seed but type " + type + " in the spec");
            }
        } else if (value instanceof Number) {
            if (!"number".equals(type)) {
                problem(label + ": is a number in the seed but type " + type + " in the spec");
            }
        } else if (value instanceof Boolean) {
            if (!"boolean".equals(type)) {
                problem(label + ": is a boolean in the seed but type " + type + " in the spec");
            }
        }
    }

    /**
     * An any-JSON field must have no type. A request body may narrow it to a free-form object
     * (the complete-task body's variables map), as the seed's request example sends {}.
     */
    private void checkAnyJson(String where, Map<String, Object> schema, boolean request) {
        if (isAny(schema)) {
            return;
        }
        boolean freeFormObject = "object".equals(schema.get("type")) && !schema.containsKey("properties")
                && (Boolean.TRUE.equals(schema.get("additionalProperties"))
                    || (schema.get("additionalProperties") instanceof Map<?, ?> ap && ap.isEmpty()));
        if (!(request && freeFormObject)) {
            problem(where + ": must accept any JSON (no type), is type " + schema.get("type"));
        }
    }

    /** A schema that accepts any JSON value: no type and no structure. */
    private static boolean isAny(Map<String, Object> schema) {
        return !schema.containsKey("type") && !schema.containsKey("properties") && !schema.containsKey("items")
                && !schema.containsKey("oneOf") && !schema.containsKey("anyOf") && !schema.containsKey("allOf")
                && !schema.containsKey("enum");
    }

    /** The properties of a schema, its allOf parts included. */
    private Map<String, Object> properties(Object schemaNode) {
        Map<String, Object> schema = map(resolve(schemaNode));
        Map<String, Object> props = new LinkedHashMap<>(map(schema.get("properties")));
        for (Object part : list(schema.get("allOf"))) {
            props.putAll(properties(part));
        }
        return props;
    }

    // ---- $ref resolution -------------------------------------------------------------------

    /** Follows local $refs ("#/a/b") until a node without one; null if a $ref does not resolve. */
    Object resolve(Object node) {
        Object current = node;
        for (int hops = 0; current instanceof Map<?, ?> m && m.containsKey("$ref"); hops++) {
            if (hops > 20) {
                throw new IllegalStateException("$ref cycle at " + node);
            }
            current = pointer(root, String.valueOf(m.get("$ref")));
        }
        return current;
    }

    /** Resolves a local JSON pointer against the document; null if any step is missing. */
    static Object pointer(Map<String, Object> document, String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        Object current = document;
        for (String token : ref.substring(2).split("/")) {
            String key = token.replace("~1", "/").replace("~0", "~");
            if (current instanceof Map<?, ?> m) {
                Object next = m.get(key);
                if (next == null && key.matches("\\d+")) {
                    next = m.get(Integer.valueOf(key));
                }
                current = next;
            } else if (current instanceof List<?> l && key.matches("\\d+") && Integer.parseInt(key) < l.size()) {
                current = l.get(Integer.parseInt(key));
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** The last segment of a node's $ref, or null if it is inline. */
    private static String refName(Object node) {
        if (node instanceof Map<?, ?> m && m.get("$ref") != null) {
            String ref = String.valueOf(m.get("$ref"));
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        return null;
    }

    private void problem(String message) {
        problems.add(message);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> l ? (List<Object>) l : List.of();
    }

}
