package io.flowsdk.client.internal;

import io.flowsdk.client.ExpandableValue;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every class of the generated model package, found on the class path (not listed by hand), is
 * written and read by the codec's model rules: no {@code additionalProperties} key is ever sent,
 * extra properties put on a model are top-level fields, and unknown fields survive a round trip.
 */
class ModelCoverageTest {
    private static final String PACKAGE = "io.flowsdk.client.model";
    private final JsonCodec codec = new JsonCodec();

    /** Every top-level class compiled into the model package, and every nested class that is not Gson plumbing. */
    static List<Class<?>> modelPackageClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Task.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(PACKAGE.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            fail("the model package is not a directory on the test class path: " + dir);
        }
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".class")) {
                    continue;
                }
                Class<?> c = Class.forName(PACKAGE + "." + file.substring(0, file.length() - ".class".length()));
                if (c.isAnonymousClass() || TypeAdapterFactory.class.isAssignableFrom(c)
                        || TypeAdapter.class.isAssignableFrom(c)) {
                    continue; // the generated Gson plumbing, which the codec does not use
                }
                if (ExpandableValue.class.isAssignableFrom(c) || c.getSimpleName().endsWith("Attributes")) {
                    continue; // the constants generated from the spec (status values, attribute names): not JSON bodies
                }
                classes.add(c);
            }
        }
        return classes;
    }

    @Test
    void theEnumerationFindsTheWholePackage() throws Exception {
        List<String> names = modelPackageClasses().stream().map(Class::getSimpleName).toList();
        assertTrue(names.containsAll(List.of("Task", "Meta", "TaskFlowReference", "FlowInstance", "FlowReference",
                "FlowCancel", "TasksList", "FlowInstancesList", "ErrorResponse", "CompleteTaskRequest")), names.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelPackageClasses")
    void everyClassIsCovered(Class<?> type) throws Exception {
        if (Modifier.isAbstract(type.getModifiers())) {
            // nothing can be sent or received as it: only its concrete subclasses, which are enumerated too
            assertTrue(type.getSimpleName().startsWith("Abstract"), type + " is abstract but not a generator base class");
            return;
        }
        if (type.isEnum()) {
            fail("the spec has no enums today: decide how " + type + " is written before adding one");
        }
        Object model = filled(type, 0);
        Method put = type.getMethod("putAdditionalProperty", String.class, Object.class);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", List.of(1, "two"));
        put.invoke(model, "extraText", "x");
        put.invoke(model, "extraNumber", 7);
        put.invoke(model, "extraObject", nested);

        String json = codec.toJson(model);
        JsonObject tree = JsonParser.parseString(json).getAsJsonObject();
        assertNoAdditionalPropertiesKey(tree, json);
        assertEquals("x", tree.get("extraText").getAsString(), json);
        assertEquals(7, tree.get("extraNumber").getAsInt(), json);
        assertEquals(JsonParser.parseString("{\"a\":[1,\"two\"]}"), tree.get("extraObject"), json);

        Object read = codec.fromJson(json, type);
        assertEquals("x", type.getMethod("getAdditionalProperty", String.class).invoke(read, "extraText"));
        assertEquals(tree, JsonParser.parseString(codec.toJson(read)), "what was read is written back unchanged");

        String unknown = "{\"unknownField\":{\"deep\":[true,null,2.5,\"s\"]},\"unknownNumber\":12345678901234567890}";
        JsonObject again = JsonParser.parseString(codec.toJson(codec.fromJson(unknown, type))).getAsJsonObject();
        for (Map.Entry<String, JsonElement> field : JsonParser.parseString(unknown).getAsJsonObject().entrySet()) {
            assertEquals(field.getValue(), again.get(field.getKey()), "unknown field " + field.getKey());
        }
    }

    /**
     * The codec names a model field by the generator's {@code SERIALIZED_NAME_*} constant, not by
     * reading its annotation: for every field, the constant is found and says what the annotation
     * says, and no field has alternate names (which only the annotation could carry).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modelPackageClasses")
    void everyFieldIsNamedByItsGeneratedConstant(Class<?> type) {
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("additionalProperties")) {
                continue;
            }
            com.google.gson.annotations.SerializedName sn = f.getAnnotation(com.google.gson.annotations.SerializedName.class);
            assertTrue(sn != null, type.getSimpleName() + "." + f.getName() + " has no @SerializedName");
            assertEquals(sn.value(), JsonNames.fromConstant(f), type.getSimpleName() + "." + f.getName());
            assertEquals(0, sn.alternate().length, type.getSimpleName() + "." + f.getName());
            assertEquals(sn.value(), JsonNames.of(f));
        }
    }

    @Test
    void constantNamesFollowTheGeneratorsRule() {
        assertEquals("ITEMS_PER_PAGE", JsonNames.upperSnake("itemsPerPage"));
        assertEquals("ID", JsonNames.upperSnake("id"));
        assertEquals("HTTP_STATUS", JsonNames.upperSnake("HTTPStatus"));
        assertEquals("V2_NAME", JsonNames.upperSnake("v2Name"));
        assertEquals("A_B_CD", JsonNames.upperSnake("aBCd"));
        // against the generator's rule as it is written there (two regular expressions, then upper case),
        // on every name of up to four characters from a small alphabet that has every case of the rule
        char[] alphabet = {'a', 'z', 'A', 'Z', '1', '-'};
        List<String> names = new ArrayList<>(List.of(""));
        for (int len = 1; len <= 4; len++) {
            List<String> longer = new ArrayList<>();
            for (String prefix : names) {
                if (prefix.length() == len - 1) {
                    for (char c : alphabet) {
                        longer.add(prefix + c);
                    }
                }
            }
            names.addAll(longer);
        }
        for (String name : names) {
            String expected = name.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").replaceAll("([a-z\\d])([A-Z])", "$1_$2")
                    .replace('-', '_').toUpperCase(java.util.Locale.ROOT);
            assertEquals(expected, JsonNames.upperSnake(name), name);
        }
    }

    @Test
    void fieldsOutsideTheModelPackageAreNamedByTheirAnnotation() throws Exception {
        Field annotated = Annotated.class.getDeclaredField("value");
        assertEquals(null, JsonNames.fromConstant(annotated));
        assertEquals("the_value", JsonNames.of(annotated));
        assertEquals("plain", JsonNames.of(Annotated.class.getDeclaredField("plain")));
    }

    @SuppressWarnings("unused")
    private static final class Annotated {
        public static final String SERIALIZED_NAME_VALUE = "not this";
        @com.google.gson.annotations.SerializedName("the_value")
        String value;
        String plain;
    }

    private static void assertNoAdditionalPropertiesKey(JsonElement e, String json) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                assertFalse(m.getKey().equals("additionalProperties"), json);
                assertNoAdditionalPropertiesKey(m.getValue(), json);
            }
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> assertNoAdditionalPropertiesKey(x, json));
        }
    }

    /** An instance with every declared field set, nested models too (each with an extra property of its own). */
    private static Object filled(Class<?> type, int depth) throws Exception {
        Object model = type.getDeclaredConstructor().newInstance();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("additionalProperties")) {
                continue;
            }
            f.setAccessible(true);
            f.set(model, sample(f.getGenericType(), depth));
        }
        if (depth > 0) {
            type.getMethod("putAdditionalProperty", String.class, Object.class).invoke(model, "nestedExtra", depth);
        }
        return model;
    }

    private static Object sample(Type type, int depth) throws Exception {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return "text";
        }
        if (raw == Long.class) {
            return 42L;
        }
        if (raw == Integer.class) {
            return 7;
        }
        if (raw == Boolean.class) {
            return true;
        }
        if (raw == OffsetDateTime.class) {
            return OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 600_000_000, ZoneOffset.ofHours(2));
        }
        if (raw == Object.class) {
            Map<String, Object> any = new LinkedHashMap<>();
            any.put("k", List.of(1, "v"));
            return any;
        }
        if (raw == List.class) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            return new ArrayList<>(List.of(sample(item, depth)));
        }
        if (raw == Map.class) {
            Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("key", sample(value, depth));
            return map;
        }
        if (raw.getPackageName().equals(PACKAGE)) {
            return depth < 3 ? filled(raw, depth + 1) : null;
        }
        throw new AssertionError("no sample for a field of type " + type + ": extend the test");
    }
}
