package io.flowsdk.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowsdk.client.ExpandableValue;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.internal.AttributeNames;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The generated constants ({@code TaskAttributes}, {@code FlowInstanceAttributes},
 * {@code TaskStatus}, {@code FlowStatus}) say what the API spec says: the expectations are read
 * from openapi.yaml here, independently of the build-time generator.
 */
class SpecConstantsTest {

    private static final Path SPEC = Path.of("../api-spec/src/main/resources/openapi.yaml");

    private static Map<String, Object> spec;

    @BeforeAll
    static void readSpec() throws IOException {
        try (InputStream in = Files.newInputStream(SPEC)) {
            spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    // ---- attribute names --------------------------------------------------------------------

    @Test
    void attributeConstantsAreThePropertiesAndSubAttributesOfTheListedResources() throws Exception {
        assertEquals(List.of("FlowInstance", "Task"), listedResources());
        assertPaths(expectedPaths("Task"), constants(TaskAttributes.class));
        assertPaths(expectedPaths("FlowInstance"), constants(FlowInstanceAttributes.class));
    }

    @Test
    void constantNamesReadLikeThePaths() {
        assertEquals("status", TaskAttributes.STATUS);
        assertEquals("displayName", TaskAttributes.DISPLAY_NAME);
        assertEquals("meta.lastModified", TaskAttributes.META_LAST_MODIFIED);
        assertEquals("meta.created", TaskAttributes.META_CREATED);
        assertEquals("flow.flowInstanceKey", TaskAttributes.FLOW_FLOW_INSTANCE_KEY);
        assertEquals("StatusExplanations", FlowInstanceAttributes.STATUS_EXPLANATIONS);
        assertEquals("flow.version", FlowInstanceAttributes.FLOW_VERSION);
        assertEquals("startedAt", FlowInstanceAttributes.STARTED_AT);
    }

    @Test
    void everyAttributeConstantIsAValidPathForFiltersAndQueries() throws Exception {
        List<String> all = new ArrayList<>(constants(TaskAttributes.class).values());
        all.addAll(constants(FlowInstanceAttributes.class).values());
        for (String path : all) {
            assertEquals(path, AttributeNames.require(path, "sortBy"));
            assertEquals(path + " pr", Filter.pr(path).toString());
        }
        assertTrue(all.size() > 30, all.toString());
    }

    /** The schemas returned as {@code Resources} items by the spec's list operations. */
    private static List<String> listedResources() {
        List<String> names = new ArrayList<>();
        for (Object pathItem : map(spec.get("paths")).values()) {
            Object schema = map(map(map(map(map(map(pathItem).get("get")).get("responses")).get("200"))
                    .get("content")).get("application/json")).get("schema");
            Object items = map(map(resolve(schema).get("properties")).get("Resources")).get("items");
            if (items != null) {
                names.add(refName(items));
            }
        }
        names.sort(null);
        return names;
    }

    /** Property names, and property.sub for properties that are objects with properties of their own. */
    private static List<String> expectedPaths(String resource) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, Object> p : map(resolve(schema(resource)).get("properties")).entrySet()) {
            paths.add(p.getKey());
            for (String sub : map(resolve(p.getValue()).get("properties")).keySet()) {
                paths.add(p.getKey() + "." + sub);
            }
        }
        return paths;
    }

    /** The public static final String fields, in declaration order, by name. */
    private static Map<String, String> constants(Class<?> c) throws IllegalAccessException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : c.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                out.put(f.getName(), (String) f.get(null));
            }
        }
        return out;
    }

    private static void assertPaths(List<String> expected, Map<String, String> constants) {
        assertEquals(expected, new ArrayList<>(constants.values()));
    }

    // ---- status values ----------------------------------------------------------------------

    @Test
    void knownValuesAreTheSpecsXKnownValues() throws Exception {
        Map<String, List<String>> inSpec = new TreeMap<>();
        for (Map.Entry<String, Object> s : map(map(spec.get("components")).get("schemas")).entrySet()) {
            Object known = map(s.getValue()).get("x-known-values");
            if (known != null) {
                inSpec.put(s.getKey(), ((List<?>) known).stream().map(String::valueOf).collect(Collectors.toList()));
            }
        }
        assertEquals(Map.of(
                "TaskStatus", List.of("pending", "completed", "canceled"),
                "FlowStatus", List.of("running", "completed", "canceled")), inSpec);
        for (Map.Entry<String, List<String>> e : inSpec.entrySet()) {
            Class<?> c = Class.forName("io.flowsdk.client.model." + e.getKey());
            assertTrue(ExpandableValue.class.isAssignableFrom(c), c.getName());
            List<?> values = (List<?>) c.getMethod("values").invoke(null);
            assertEquals(e.getValue(),
                    values.stream().map(v -> ((ExpandableValue) v).value()).collect(Collectors.toList()));
        }
        assertEquals(List.of(TaskStatus.PENDING, TaskStatus.COMPLETED,
                TaskStatus.CANCELED), TaskStatus.values());
        assertEquals(List.of(FlowStatus.RUNNING, FlowStatus.COMPLETED,
                FlowStatus.CANCELED), FlowStatus.values());
        // the resources' status properties are these schemas
        assertEquals("TaskStatus",
                refName(map(resolve(schema("Task")).get("properties")).get("status")));
        assertEquals("FlowStatus",
                refName(map(resolve(schema("FlowInstance")).get("properties")).get("status")));
    }

    @Test
    void knownValuesAreTheConstants() {
        assertSame(TaskStatus.PENDING, TaskStatus.fromString("pending"));
        assertSame(FlowStatus.RUNNING, FlowStatus.fromString("running"));
        assertEquals("pending", TaskStatus.PENDING.value());
        assertEquals("canceled", TaskStatus.CANCELED.toString());
        assertTrue(TaskStatus.COMPLETED.isKnown());
    }

    @Test
    void unknownValuesRoundTrip() {
        TaskStatus escalated = TaskStatus.fromString("escalated");
        assertEquals("escalated", escalated.value());
        assertEquals("escalated", escalated.toString());
        assertFalse(escalated.isKnown());
        assertEquals(escalated, TaskStatus.fromString("escalated"));
        assertEquals(escalated.hashCode(), TaskStatus.fromString("escalated").hashCode());
        assertNotSame(escalated, TaskStatus.fromString("escalated"));
        assertFalse(TaskStatus.values().contains(escalated));
        // values are compared as sent: case matters, and statuses of different kinds differ
        assertNotEquals(TaskStatus.PENDING, TaskStatus.fromString("Pending"));
        assertFalse(TaskStatus.fromString("Pending").isKnown());
        assertNotEquals(TaskStatus.COMPLETED, FlowStatus.COMPLETED);
        assertEquals("", TaskStatus.fromString("").value());
        assertThrows(NullPointerException.class, () -> TaskStatus.fromString(null));
        // through a model and back
        Task task = new Task().status("escalated");
        assertEquals(escalated, TaskStatus.of(task));
        assertEquals("escalated",
                new Task().status(TaskStatus.of(task).value()).getStatus());
    }

    @Test
    void ofReadsTheModelsStatus() {
        assertSame(TaskStatus.PENDING, TaskStatus.of(new Task().status("pending")));
        assertSame(FlowStatus.CANCELED, FlowStatus.of(new FlowInstance().status("canceled")));
        assertNull(TaskStatus.of(new Task()));
        assertNull(FlowStatus.of(new FlowInstance()));
        assertThrows(NullPointerException.class, () -> TaskStatus.of(null));
    }

    @Test
    void filtersReadNaturally() {
        Filter f = Filter.eq(TaskAttributes.STATUS, TaskStatus.PENDING);
        assertEquals("status eq \"pending\"", f.toString());
        assertEquals(Filter.eq("status", "pending"), f);
        assertEquals(f, Filter.parse(f.toString()));
        assertEquals("status ne \"escalated\"",
                Filter.ne(TaskAttributes.STATUS, TaskStatus.fromString("escalated")).toString());
        assertEquals("status eq \"running\" and meta.lastModified pr",
                Filter.eq(FlowInstanceAttributes.STATUS, FlowStatus.RUNNING)
                        .and(Filter.pr(TaskAttributes.META_LAST_MODIFIED)).toString());
        assertTrue(f.matches(new Task().status("pending")));
        assertFalse(f.matches(new Task().status("completed")));
        assertThrows(NullPointerException.class, () -> Filter.eq(TaskAttributes.STATUS, (TaskStatus) null));
        // a value from a server is kept as it is, but one that is not valid Unicode cannot be sent
        TaskStatus broken = TaskStatus.fromString("x\uD800");
        assertEquals("x\uD800", broken.value());
        assertThrows(IllegalArgumentException.class, () -> Filter.eq(TaskAttributes.STATUS, broken));
    }

    // ---- a small reader of the spec ---------------------------------------------------------

    private static Map<String, Object> schema(String name) {
        return map(map(map(spec.get("components")).get("schemas")).get(name));
    }

    private static Map<String, Object> resolve(Object node) {
        Map<String, Object> current = map(node);
        while (current.get("$ref") != null) {
            current = schema(refName(current));
        }
        if ("array".equals(current.get("type"))) {
            return resolve(current.get("items"));
        }
        return current;
    }

    private static String refName(Object node) {
        Object ref = map(node).get("$ref");
        return ref == null ? null : ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
