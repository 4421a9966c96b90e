package io.flowsdk.apispec;

import static io.flowsdk.apispec.SpecChecker.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** openapi.yaml is a well-formed OpenAPI 3.0.3 document, independently of the seed. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void isOpenApi303() {
        assertEquals("3.0.3", SpecDocuments.spec().get("openapi"));
    }

    @Test
    void everyRefResolves() {
        Map<String, Object> spec = SpecDocuments.spec();
        List<String> refs = new ArrayList<>();
        collectRefs(spec, refs);
        List<String> broken = refs.stream().filter(r -> SpecChecker.pointer(spec, r) == null).toList();
        assertEquals(List.of(), broken, "unresolved $refs");
        assertEquals(true, refs.size() > 20, "the walk found the document's $refs: " + refs.size());
    }

    @Test
    void everyOperationHasAUniqueOperationIdAndDeclaresItsPathParameters() {
        Map<String, Object> spec = SpecDocuments.spec();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, Object> path : map(spec.get("paths")).entrySet()) {
            Set<String> templated = new HashSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (m.find()) {
                templated.add(m.group(1));
            }
            for (Map.Entry<String, Object> op : map(path.getValue()).entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey() + " " + path.getKey();
                Object id = map(op.getValue()).get("operationId");
                if (!(id instanceof String s) || s.isBlank()) {
                    problems.add(where + ": no operationId");
                } else if (!ids.add(s)) {
                    problems.add(where + ": duplicate operationId " + s);
                }
                Set<String> declared = new HashSet<>();
                for (Object p : SpecChecker.list(map(path.getValue()).get("parameters"))) {
                    addPathParam(spec, p, declared);
                }
                for (Object p : SpecChecker.list(map(op.getValue()).get("parameters"))) {
                    addPathParam(spec, p, declared);
                }
                if (!declared.equals(templated)) {
                    problems.add(where + ": path parameters declared " + declared + " but templated " + templated);
                }
                if (map(map(op.getValue()).get("responses")).isEmpty()) {
                    problems.add(where + ": no responses");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(true, operations > 0, "the spec has operations");
    }

    private static void addPathParam(Map<String, Object> spec, Object node, Set<String> declared) {
        Map<String, Object> p = map(node);
        if (p.get("$ref") != null) {
            p = map(SpecChecker.pointer(spec, String.valueOf(p.get("$ref"))));
        }
        if ("path".equals(p.get("in"))) {
            declared.add(String.valueOf(p.get("name")));
        }
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    refs.add(String.valueOf(v));
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, refs));
        }
    }
}
