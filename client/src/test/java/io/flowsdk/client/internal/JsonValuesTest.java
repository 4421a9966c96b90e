package io.flowsdk.client.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mapping of Java values to JSON, beyond what the wire tests show. */
class JsonValuesTest {
    private static String json(Object value) {
        return JsonValues.toTree(value, "v").toString();
    }

    private static String refusal(Object value) {
        return assertThrows(IllegalArgumentException.class, () -> JsonValues.toTree(value, "v")).getMessage();
    }

    static class Base {
        String inherited = "base";
        String hidden = "base's";
    }

    static class Pojo extends Base {
        @SerializedName("renamed")
        String original = "o";
        String hidden = "pojo's";
        transient String skipped = "t";
        static String notAField = "s";
        Object nothing;
        Map<String, Object> additionalProperties;
    }

    record Renamed(@SerializedName("wire") String java, Integer absent) {
    }

    @Test
    void plainObjectsAreWrittenByTheirFieldsAsGsonDoes() {
        Pojo p = new Pojo();
        assertEquals("{\"renamed\":\"o\",\"hidden\":\"pojo's\",\"inherited\":\"base\"}", json(p));
        p.additionalProperties = new LinkedHashMap<>();
        p.additionalProperties.put("extra", null);
        p.additionalProperties.put("renamed", "loses: the declared field wins");
        p.additionalProperties.put("nothing", "wins: the declared field is not set");
        assertEquals("{\"renamed\":\"o\",\"hidden\":\"pojo's\",\"inherited\":\"base\",\"extra\":null,"
                + "\"nothing\":\"wins: the declared field is not set\"}", json(p));
    }

    @Test
    void recordsAreWrittenByTheirComponents() {
        assertEquals("{\"wire\":\"x\"}", json(new Renamed("x", null)));
    }

    @Test
    void modelsAreWrittenWithTheirExtrasAtTheTopLevelAndNoAdditionalPropertiesKey() {
        Task t = new Task().id("t").variables(List.of(1)).putAdditionalProperty("x", Instant.EPOCH);
        assertEquals("{\"id\":\"t\",\"variables\":[1],\"x\":\"1970-01-01T00:00:00Z\"}", json(t));
    }

    @Test
    void numbersStayExact() {
        assertEquals("[1000,1E+3,12,7,1.5,3.0]", json(List.of(new BigDecimal("1000"), new BigDecimal("1E+3"),
                new AtomicLong(12), adder(7), JsonParser.parseString("1.5"), OptionalDouble.of(3))));
        assertTrue(refusal(List.of(OptionalDouble.of(Double.NaN))).contains("v[0]"));
    }

    private static LongAdder adder(long n) {
        LongAdder a = new LongAdder();
        a.add(n);
        return a;
    }

    @Test
    void timesWithoutAnInstantKeepTheirIsoForm() {
        assertEquals("[\"2026-01-02T03:04:05.5\",\"10:00:00+02:00\",\"2026-01-02T03:04:05.000000007Z\","
                + "\"1970-01-01T00:00:01Z\"]", json(List.of(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 500_000_000),
                OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHours(2)),
                java.sql.Timestamp.from(Instant.parse("2026-01-02T03:04:05.000000007Z")), new java.sql.Date(1000))));
    }

    @Test
    void keysAreWrittenAsStringsWhateverTheirJavaType() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(UUID.fromString("00000000-0000-0000-0000-000000000001"), 1);
        m.put(LocalDate.of(2026, 1, 2), 2);
        m.put(1.5, 3);
        m.put('c', 4);
        assertEquals("{\"00000000-0000-0000-0000-000000000001\":1,\"2026-01-02\":2,\"1.5\":3,\"c\":4}", json(m));
        Map<Object, Object> clash = new LinkedHashMap<>();
        clash.put(1, "a");
        clash.put("1", "b");
        assertTrue(refusal(clash).contains("both written as \"1\""), refusal(clash));
        assertTrue(refusal(Map.of(Double.NaN, 1)).contains("NaN"));
    }

    @Test
    void arraysOfEveryKindAreArrays() {
        assertEquals("[[true],[\"a\",\"b\"],[1,2],[0.5],[[1],[]]]", json(new Object[]{new boolean[]{true},
                new char[]{'a', 'b'}, new byte[]{1, 2}, new double[]{0.5}, new int[][]{{1}, {}}}));
    }

    @Test
    void aValueMetTwiceWithoutACycleIsWrittenTwice() {
        List<Integer> shared = new ArrayList<>(List.of(1));
        assertEquals("{\"a\":[1],\"b\":[1]}", json(twice(shared)));
        assertEquals("[{\"a\":[1],\"b\":[1]},{\"a\":[1],\"b\":[1]}]", json(List.of(twice(shared), twice(shared))));
    }

    private static Map<String, Object> twice(Object shared) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", shared);
        m.put("b", shared);
        return m;
    }

    @Test
    void jsonTreesAreCopiedAndCheckedToo() {
        JsonObject tree = new JsonObject();
        tree.add("list", new JsonArray());
        JsonElement copy = JsonValues.toTree(tree, "v");
        tree.getAsJsonArray("list").add(1);
        assertEquals("{\"list\":[]}", copy.toString());

        JsonObject loop = new JsonObject();
        loop.add("self", loop);
        assertTrue(refusal(loop).contains("v.self"), refusal(loop));
        assertTrue(refusal(new JsonPrimitive(Double.POSITIVE_INFINITY)).contains("Infinity"));
    }

    @Test
    void pathsQuoteKeysThatAreNotPlainNamesAndStayShort() {
        assertTrue(refusal(Map.of("a b", Double.NaN)).startsWith("v[\"a b\"] is NaN"), refusal(Map.of("a b", Double.NaN)));
        assertTrue(refusal(Map.of("x\uD800", Double.NaN)).startsWith("v[\"x\\ud800\"]"));
        List<Object> deep = new ArrayList<>();
        List<Object> at = deep;
        for (int i = 0; i < 1000; i++) {
            List<Object> next = new ArrayList<>();
            at.add(next);
            at = next;
        }
        String message = refusal(deep);
        assertTrue(message.startsWith("v[0][0]") && message.contains("...") && message.length() < 400, message);
    }

    @Test
    void jdkTypesWithoutAJsonFormAreRefusedNotReflectedInto() {
        assertTrue(refusal(Thread.currentThread()).contains("java.lang.Thread"));
        assertTrue(refusal(Stream.of(1)).contains("has no JSON form"));
        Supplier<String> lambda = () -> "x";
        assertTrue(refusal(lambda).contains("has no JSON form"));
    }
}
