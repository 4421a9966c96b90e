package io.flowsdk.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Build-time generator, run by client/pom.xml in generate-sources with Java's source launcher
 * ({@code java -cp snakeyaml.jar SpecConstants.java <spec> <output dir> <package>}). From the API
 * spec it writes:
 *
 * <ul>
 * <li>{@code <Resource>Attributes} for every schema a list operation returns in {@code Resources}
 *     (the resources one filters and sorts): one {@code String} constant per property and per
 *     sub-attribute of an object property ({@code META_LAST_MODIFIED = "meta.lastModified"});</li>
 * <li>one class per component schema with {@code x-known-values}, extending the hand-written
 *     {@code io.flowsdk.client.ExpandableValue}: a constant per known value, {@code fromString},
 *     {@code values()} and, for each resource property referring to the schema, {@code of(resource)}.</li>
 * </ul>
 *
 * openapi-generator cannot do this with templates alone: a model template sees its own
 * properties but not the properties of the schemas they refer to, so sub-attributes such as
 * {@code meta.created} would be out of reach. The output goes to target/ and is never committed.
 */
public final class SpecConstants {

    private final Map<String, Object> spec;
    private final String pkg;
    private final Map<String, String> files = new TreeMap<>();

    private SpecConstants(Map<String, Object> spec, String pkg) {
        this.spec = spec;
        this.pkg = pkg;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: SpecConstants <openapi.yaml> <output dir> <package>");
        }
        Map<String, Object> spec;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        SpecConstants generator = new SpecConstants(spec, args[2]);
        generator.generate();
        Path dir = Path.of(args[1]).resolve(args[2].replace('.', '/'));
        Files.createDirectories(dir);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "*.java")) {
            for (Path f : stale) {
                Files.delete(f);
            }
        }
        for (Map.Entry<String, String> file : generator.files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey() + ".java"), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------ what to generate

    private void generate() {
        List<String> resources = resources();
        if (resources.isEmpty()) {
            throw new IllegalStateException("no list operation returns Resources: nothing to generate");
        }
        for (String resource : resources) {
            files.put(resource + "Attributes", attributesClass(resource));
        }
        for (Map.Entry<String, Object> schema : map(map(spec.get("components")).get("schemas")).entrySet()) {
            Object known = map(schema.getValue()).get("x-known-values");
            if (known != null) {
                files.put(schema.getKey(), valueClass(schema.getKey(), map(schema.getValue()), known, resources));
            }
        }
    }

    /** The schemas that list operations (GET, 200) return as the items of {@code Resources}, sorted. */
    private List<String> resources() {
        List<String> names = new ArrayList<>();
        for (Object pathItem : map(spec.get("paths")).values()) {
            Map<String, Object> ok = map(map(map(map(pathItem).get("get")).get("responses")).get("200"));
            Map<String, Object> body = map(resolve(map(map(map(resolve(ok).get("content")).get("application/json"))
                    .get("schema"))));
            Object items = map(map(body.get("properties")).get("Resources")).get("items");
            String name = refName(items);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    // ------------------------------------------------------------ <Resource>Attributes

    private String attributesClass(String resource) {
        String className = resource + "Attributes";
        Map<String, String> constants = new LinkedHashMap<>(); // name -> declaration
        for (Map.Entry<String, Object> property : properties(schema(resource)).entrySet()) {
            String path = property.getKey();
            Map<String, Object> schema = map(property.getValue());
            addConstant(constants, path, schema);
            Map<String, Object> target = resolve(schema);
            if ("array".equals(target.get("type"))) {
                target = resolve(map(target.get("items")));
            }
            for (Map.Entry<String, Object> sub : properties(target).entrySet()) {
                addConstant(constants, path + "." + sub.getKey(), map(sub.getValue()));
            }
        }
        StringBuilder sb = header();
        sb.append("/**\n")
                .append(" * The attribute paths of a {@code ").append(resource).append("}, for filters, {@code sortBy} and\n")
                .append(" * {@code attributes}: its properties and the sub-attributes of its object properties, for example\n")
                .append(" * {@code Filter.pr(").append(className).append(".").append(firstConstant(constants))
                .append(")}.\n")
                .append(" *\n")
                .append(" * <p>Generated from the API spec ({@code openapi.yaml}, schema {@code ").append(resource)
                .append("}); do not edit.\n")
                .append(" */\n")
                .append("public final class ").append(className).append(" {\n\n");
        for (String declaration : constants.values()) {
            sb.append(declaration).append('\n');
        }
        sb.append("    private ").append(className).append("() {\n    }\n}\n");
        return sb.toString();
    }

    private static String firstConstant(Map<String, String> constants) {
        return constants.keySet().iterator().next();
    }

    private void addConstant(Map<String, String> constants, String path, Map<String, Object> schema) {
        String name = constantName(path);
        if (constants.containsKey(name)) {
            throw new IllegalStateException("two attributes map to the constant " + name + ", one is " + path);
        }
        Map<String, Object> target = resolve(schema);
        String description = text(schema.get("description") != null ? schema.get("description") : target.get("description"));
        constants.put(name, comment("    ", code(path) + " (" + typeOf(schema) + ")"
                + (description.isEmpty() ? "." : ": " + javadoc(description)))
                + "    public static final String " + name + " = " + literal(path) + ";\n");
    }

    private String typeOf(Map<String, Object> schema) {
        String ref = refName(schema);
        Map<String, Object> target = resolve(schema);
        if (ref != null && target.containsKey("x-known-values")) {
            return "string, see {@link " + ref + "}";
        }
        Object type = target.get("type");
        if ("array".equals(type)) {
            return "array of " + typeOf(map(target.get("items")));
        }
        if ("string".equals(type) && "date-time".equals(target.get("format"))) {
            return "date-time";
        }
        if (type == null) {
            return target.containsKey("properties") ? "object" : "any JSON";
        }
        return String.valueOf(type);
    }

    // ------------------------------------------------------------ known values

    private String valueClass(String className, Map<String, Object> schema, Object knownNode, List<String> resources) {
        if (!"string".equals(schema.get("type")) || !(knownNode instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException(className + ": x-known-values needs a string schema and a non-empty list");
        }
        Map<String, String> constants = new LinkedHashMap<>(); // constant -> value
        for (Object v : list) {
            String value = String.valueOf(v);
            String name = constantName(value);
            if (constants.containsKey(name) || constants.containsValue(value)) {
                throw new IllegalStateException(className + ": the known value " + value + " repeats or clashes");
            }
            constants.put(name, value);
        }
        StringBuilder sb = header();
        sb.append("import io.flowsdk.client.ExpandableValue;\n")
                .append("import java.util.List;\n")
                .append("import java.util.Objects;\n\n")
                .append("/**\n");
        List<String> shown = new ArrayList<>();
        constants.forEach((name, value) -> shown.add("{@link #" + name + "}"));
        wrap(sb, " * ", javadoc(text(schema.get("description"))));
        sb.append(" *\n");
        wrap(sb, " * ", "<p>The known values are constants (" + String.join(", ", shown) + "); {@link #fromString(String)}"
                + " returns one of them or, for a value a newer server sends, a new instance that keeps it, so nothing"
                + " is lost. Two instances are equal when their values are (case-sensitive); {@code toString()} is the"
                + " value as sent. Immutable and thread-safe.");
        sb.append(" *\n");
        wrap(sb, " * ", "<p>Generated from the API spec ({@code openapi.yaml}, schema {@code " + className
                + "} and its {@code x-known-values}); do not edit.");
        sb.append(" */\n")
                .append("public final class ").append(className).append(" extends ExpandableValue {\n\n");
        constants.forEach((name, value) -> sb.append("    /** ").append(code(value)).append(". */\n")
                .append("    public static final ").append(className).append(' ').append(name).append(" = new ")
                .append(className).append('(').append(literal(value)).append(");\n\n"));
        sb.append("    private static final List<").append(className).append("> KNOWN = List.of(")
                .append(String.join(", ", constants.keySet())).append(");\n\n")
                .append("    private ").append(className).append("(String value) {\n")
                .append("        super(value);\n")
                .append("    }\n\n")
                .append("    /**\n")
                .append("     * Returns the instance for a value: a constant when the value is known.\n")
                .append("     *\n")
                .append("     * @param value the value as sent, for example ").append(code(list.get(0).toString()))
                .append("\n")
                .append("     * @return a known constant, or a new instance holding the value\n")
                .append("     * @throws NullPointerException if {@code value} is null\n")
                .append("     */\n")
                .append("    public static ").append(className).append(" fromString(String value) {\n")
                .append("        Objects.requireNonNull(value, \"value must not be null\");\n")
                .append("        for (").append(className).append(" known : KNOWN) {\n")
                .append("            if (known.value().equals(value)) {\n")
                .append("                return known;\n")
                .append("            }\n")
                .append("        }\n")
                .append("        return new ").append(className).append("(value);\n")
                .append("    }\n\n")
                .append("    /**\n")
                .append("     * Returns the known values, in the order the API spec lists them.\n")
                .append("     *\n")
                .append("     * @return an unmodifiable list\n")
                .append("     */\n")
                .append("    public static List<").append(className).append("> values() {\n")
                .append("        return KNOWN;\n")
                .append("    }\n\n")
                .append("    @Override\n")
                .append("    public boolean isKnown() {\n")
                .append("        return KNOWN.contains(this);\n")
                .append("    }\n");
        for (String resource : resources) {
            for (Map.Entry<String, Object> property : properties(schema(resource)).entrySet()) {
                if (className.equals(refName(property.getValue()))) {
                    sb.append(accessor(className, resource, property.getKey()));
                }
            }
        }
        return sb.append("}\n").toString();
    }

    private static String accessor(String className, String resource, String property) {
        String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        String parameter = Character.toLowerCase(resource.charAt(0)) + resource.substring(1);
        return "\n"
                + "    /**\n"
                + "     * Returns the {@code " + property + "} of a {@code " + resource + "}.\n"
                + "     *\n"
                + "     * @param " + parameter + " the {@code " + resource + "}\n"
                + "     * @return its " + property + ", or {@code null} if it has none\n"
                + "     * @throws NullPointerException if {@code " + parameter + "} is null\n"
                + "     */\n"
                + "    public static " + className + " of(" + resource + " " + parameter + ") {\n"
                + "        String value = Objects.requireNonNull(" + parameter + ", \"" + parameter + " must not be null\")."
                + getter + "();\n"
                + "        return value == null ? null : fromString(value);\n"
                + "    }\n";
    }

    // ------------------------------------------------------------ helpers

    private StringBuilder header() {
        return new StringBuilder("package ").append(pkg).append(";\n\n");
    }

    private Map<String, Object> schema(String name) {
        Map<String, Object> schema = map(map(map(spec.get("components")).get("schemas")).get(name));
        if (schema.isEmpty()) {
            throw new IllegalStateException("no schema " + name);
        }
        return schema;
    }

    private Map<String, Object> properties(Map<String, Object> schema) {
        return map(resolve(schema).get("properties"));
    }

    /** Follows local $refs. */
    private Map<String, Object> resolve(Map<String, Object> node) {
        Map<String, Object> current = node;
        for (int hops = 0; current.get("$ref") != null; hops++) {
            if (hops > 20) {
                throw new IllegalStateException("$ref cycle at " + node);
            }
            current = schema(refName(current));
        }
        return current;
    }

    private static String refName(Object node) {
        Object ref = map(node).get("$ref");
        if (ref == null) {
            return null;
        }
        String s = ref.toString();
        if (!s.startsWith("#/components/schemas/")) {
            throw new IllegalStateException("only local schema $refs are supported: " + s);
        }
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** {@code meta.lastModified} -> {@code META_LAST_MODIFIED}; {@code in-progress} -> {@code IN_PROGRESS}. */
    static String constantName(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                boolean wordStart = i > 0 && Character.isUpperCase(c)
                        && (Character.isLowerCase(s.charAt(i - 1)) || Character.isDigit(s.charAt(i - 1))
                            || (i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1))
                                && Character.isUpperCase(s.charAt(i - 1))));
                if (wordStart && sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                    sb.append('_');
                }
                sb.append(Character.toUpperCase(c));
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        if (sb.length() == 0) {
            throw new IllegalStateException("no constant name for '" + s + "'");
        }
        if (Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    private static String text(Object description) {
        return description == null ? "" : description.toString().trim().replaceAll("\\s+", " ");
    }

    /** Text that is safe inside a Javadoc comment: HTML and tags escaped. */
    private static String javadoc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;").replace("{", "&#123;").replace("}", "&#125;");
    }

    /** A Javadoc comment: on one line when it fits, else wrapped. */
    private static String comment(String indent, String text) {
        String oneLine = indent + "/** " + text + " */\n";
        if (oneLine.length() <= 101) {
            return oneLine;
        }
        StringBuilder sb = new StringBuilder(indent).append("/**\n");
        wrap(sb, indent + " * ", text);
        return sb.append(indent).append(" */\n").toString();
    }

    /**
     * Appends text in lines of at most 100 characters, each with the prefix; an inline tag such as
     * {@code {@code a b}} and a word longer than a line stay whole.
     */
    private static void wrap(StringBuilder sb, String prefix, String text) {
        List<String> words = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (c == ' ' && depth == 0) {
                words.add(text.substring(start, i));
                start = i + 1;
            }
        }
        words.add(text.substring(start));
        StringBuilder line = new StringBuilder(prefix);
        for (String word : words) {
            if (line.length() > prefix.length() && line.length() + 1 + word.length() > 100) {
                sb.append(line).append('\n');
                line.setLength(0);
                line.append(prefix);
            }
            if (line.length() > prefix.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        sb.append(line).append('\n');
    }

    /** Code in a Javadoc comment: {@code ...} when that is safe, else escaped HTML. */
    private static String code(String s) {
        return s.matches("[A-Za-z0-9._$ -]*") ? "{@code " + s + "}" : "<code>" + javadoc(s) + "</code>";
    }

    /** A Java string literal. */
    private static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
