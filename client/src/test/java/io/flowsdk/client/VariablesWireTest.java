package io.flowsdk.client;

import com.google.gson.JsonParser;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.flowsdk.client.WireMockSupport.TASK_JSON;
import static io.flowsdk.client.WireMockSupport.json;
import static io.flowsdk.client.WireMockSupport.onlyRequest;
import static io.flowsdk.client.WireMockSupport.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Variables (and every any-typed field of a model sent) are written by one documented mapping of
 * Java values to JSON, independent of the JVM's locale and time zone; values JSON cannot hold are
 * refused with a message naming where they are, before anything is sent.
 */
class VariablesWireTest extends WireMockTestBase {
    enum Color { RED }

    record Approval(String by, String note, int level) {
    }

    static class Plain {
        String name = "p";
        transient String skipped = "no";
        Long unset;
        List<Integer> values = List.of(1, 2);
    }

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.123Z");

    private String sentBody(Runnable call) {
        wm.stubFor(any(anyUrl()).willReturn(json(TASK_JSON)));
        call.run();
        return onlyRequest(wm).getBodyAsString();
    }

    @Test
    void everyKindOfValueIsWrittenByTheTable() throws Exception {
        TimeZone zone = TimeZone.getDefault();
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Asia/Kolkata"));
        calendar.setTimeInMillis(AT.toEpochMilli());
        Map<Object, Object> keys = new LinkedHashMap<>();
        keys.put(Color.RED, 1);
        keys.put(2, "two");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("s", "text");
        v.put("c", 'x');
        v.put("b", true);
        v.put("i", 1);
        v.put("l", 12345678901234L);
        v.put("big", new BigInteger("123456789012345678901234567890"));
        v.put("dec", new BigDecimal("0.1000"));
        v.put("f", 0.1f);
        v.put("d", 2.5);
        v.put("instant", AT);
        v.put("date", Date.from(AT));
        v.put("calendar", calendar);
        v.put("odt", OffsetDateTime.parse("2026-01-02T03:04:00+02:00"));
        v.put("zdt", ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneId.of("Europe/Paris")));
        v.put("localDate", LocalDate.of(2026, 1, 2));
        v.put("localDateTime", LocalDateTime.of(2026, 1, 2, 3, 4));
        v.put("localTime", LocalTime.of(9, 30));
        v.put("duration", Duration.ofMinutes(90));
        v.put("period", Period.of(1, 2, 3));
        v.put("optional", Optional.of("x"));
        v.put("empty", Optional.empty());
        v.put("optionalInt", OptionalInt.of(4));
        v.put("nothing", null);
        v.put("enum", Color.RED);
        v.put("keys", keys);
        v.put("list", List.of(1, "a"));
        v.put("set", Set.of("only"));
        v.put("ints", new int[]{1, 2});
        v.put("strings", new String[]{"a", null});
        v.put("uuid", UUID.fromString("6f1c2a9e-51c4-4d8e-9a57-1d2e3f4a5b6c"));
        v.put("uri", URI.create("https://example.com/a?b=c"));
        v.put("url", new URL("https://example.com/x"));
        v.put("json", JsonParser.parseString("{\"a\":[1,null],\"n\":null}"));
        v.put("record", new Approval("alice", null, 3));
        v.put("plain", new Plain());
        String expected = "{\"variables\":{\"s\":\"text\",\"c\":\"x\",\"b\":true,\"i\":1,\"l\":12345678901234,"
                + "\"big\":123456789012345678901234567890,\"dec\":0.1000,\"f\":0.1,\"d\":2.5,"
                + "\"instant\":\"2026-01-02T03:04:05.123Z\",\"date\":\"2026-01-02T03:04:05.123Z\","
                + "\"calendar\":\"2026-01-02T03:04:05.123Z\",\"odt\":\"2026-01-02T03:04:00+02:00\","
                + "\"zdt\":\"2026-01-02T03:04:05+01:00\",\"localDate\":\"2026-01-02\","
                + "\"localDateTime\":\"2026-01-02T03:04:00\",\"localTime\":\"09:30:00\",\"duration\":\"PT1H30M\","
                + "\"period\":\"P1Y2M3D\",\"optional\":\"x\",\"empty\":null,\"optionalInt\":4,\"nothing\":null,"
                + "\"enum\":\"RED\",\"keys\":{\"RED\":1,\"2\":\"two\"},\"list\":[1,\"a\"],\"set\":[\"only\"],"
                + "\"ints\":[1,2],\"strings\":[\"a\",null],\"uuid\":\"6f1c2a9e-51c4-4d8e-9a57-1d2e3f4a5b6c\","
                + "\"uri\":\"https://example.com/a?b=c\",\"url\":\"https://example.com/x\","
                + "\"json\":{\"a\":[1,null],\"n\":null},\"record\":{\"by\":\"alice\",\"level\":3},"
                + "\"plain\":{\"name\":\"p\",\"values\":[1,2]}}}";
        try {
            for (String tz : new String[]{"UTC", "America/Los_Angeles", "Asia/Kolkata"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(tz));
                wm.resetAll();
                assertEquals(expected, sentBody(() -> client.tasks().complete("t-1", v)), tz);
            }
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void anyTypedFieldsOfACreatedTaskFollowTheSameTable() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("when", Date.from(AT));
        v.put("wait", Duration.ofSeconds(5));
        v.put("none", null);
        Task task = new Task().displayName("d").variables(v).putAdditionalProperty("extraAt", AT);
        assertEquals("{\"displayName\":\"d\",\"variables\":{\"when\":\"2026-01-02T03:04:05.123Z\",\"wait\":\"PT5S\","
                + "\"none\":null},\"extraAt\":\"2026-01-02T03:04:05.123Z\"}", sentBody(() -> client.tasks().create(task)));
    }

    @Test
    void aValueThatContainsItselfIsRefusedWithItsPath() {
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("by", "alice");
        approval.put("self", approval);
        assertRefused(() -> client.tasks().complete("t-1", Map.of("approval", approval)), "variables.approval.self");

        List<Object> list = new ArrayList<>();
        list.add(1);
        list.add(list);
        assertRefused(() -> client.tasks().complete("t-1", Map.of("list", list)), "variables.list[1]");

        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("inner", List.of(Map.of("back", loop)));
        assertRefused(() -> client.tasks().create(new Task().variables(loop)), "variables.inner[0].back");
    }

    @Test
    void numbersJsonCannotHoldAreRefusedWithTheirPath() {
        assertRefused(() -> client.tasks().complete("t-1", Map.of("list", List.of(1, 2, Double.NaN))), "variables.list[2]");
        assertRefused(() -> client.tasks().complete("t-1", Map.of("score", Float.POSITIVE_INFINITY)), "variables.score");
        assertRefused(() -> client.tasks().create(new Task().variables(Map.of("x", Double.NEGATIVE_INFINITY))),
                "variables.x");
    }

    @Test
    void valuesWithoutAJsonFormAreRefusedWithTheirPath() {
        assertRefused(() -> client.tasks().complete("t-1", Map.of("lock", new Object())), "variables.lock");
        assertRefused(() -> client.tasks().complete("t-1", Map.of("m", Map.of(true, 1))), "variables.m");
        Map<String, Object> nullKey = new LinkedHashMap<>();
        nullKey.put(null, 1);
        assertRefused(() -> client.tasks().complete("t-1", Map.of("m", nullKey)), "variables.m");
        assertRefused(() -> client.tasks().complete("t-1", nullKey), "variables");
    }

    @Test
    void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
        List<Object> deep = new ArrayList<>();
        List<Object> current = deep;
        for (int i = 0; i < 100_000; i++) {
            List<Object> next = new ArrayList<>();
            current.add(next);
            current = next;
        }
        assertRefused(() -> client.tasks().complete("t-1", Map.of("deep", deep)), "variables.deep[0][0]");
    }

    private static void assertRefused(Executable call, String path) {
        wm.stubFor(any(anyUrl()).willReturn(json(TASK_JSON)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(path), e.getMessage());
        assertEquals(0, requests(wm).size());
    }
}
