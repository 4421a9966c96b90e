package io.flowsdk.client;

import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.flowsdk.client.WireMockSupport.TASK_JSON;
import static io.flowsdk.client.WireMockSupport.json;
import static io.flowsdk.client.WireMockSupport.onlyRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Responses are read liberally; numbers in any-typed JSON keep their exact value both ways. */
class ToleranceTest extends WireMockTestBase {

    @Test
    void unknownFieldsAtTopLevelAndNestedAreIgnored() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"t-1\",\"brandNew\":{\"deep\":[1,{\"x\":null}]},"
                + "\"alsoNew\":true,\"newNumber\":3,\"newString\":\"s\",\"newArray\":[\"a\"],"
                + "\"meta\":{\"revision\":4,\"metaExtra\":{\"a\":1},\"etag\":\"W/1\"},"
                + "\"flow\":{\"flowKey\":\"fk\",\"flowExtra\":[1,2]}}")));
        Task t = client.tasks().get("t-1");
        assertEquals("t-1", t.getId());
        assertEquals(4L, t.getMeta().getRevision());
        assertEquals("fk", t.getFlow().getFlowKey());
        assertEquals(true, t.getAdditionalProperty("alsoNew"));
        assertEquals("W/1", t.getMeta().getAdditionalProperty("etag"));
    }

    @Test
    void unknownFieldsInAListAndInFlowReferenceAreIgnored() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
                + "\"Resources\":[{\"id\":\"f-1\",\"x\":{},\"flow\":{\"id\":\"f\",\"version\":2,\"extra\":{\"k\":[]}}}],"
                + "\"totalResults\":1,\"startIndex\":1,\"itemsPerPage\":1,\"nextCursor\":\"abc\"}")));
        Page<FlowInstance> p = client.flows().list().firstPage();
        assertEquals("f-1", p.items().get(0).getId());
        assertEquals(2L, p.items().get(0).getFlow().getVersion());
    }

    @Test
    void statusExplanationsItemsMayBeObjects() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"f-1\",\"StatusExplanations\":["
                + "{\"code\":\"E1\",\"message\":\"job failed\",\"details\":{\"attempt\":2}},\"plain\",7,null]}")));
        FlowInstance f = client.flows().get("f-1");
        List<Object> ex = f.getStatusExplanations();
        assertEquals(4, ex.size());
        assertInstanceOf(Map.class, ex.get(0));
        assertEquals("job failed", ((Map<?, ?>) ex.get(0)).get("message"));
        assertEquals(Map.of("attempt", 2L), ((Map<?, ?>) ex.get(0)).get("details"));
        assertEquals("plain", ex.get(1));
        assertEquals(7L, ex.get(2));
        assertNull(ex.get(3));
    }

    @Test
    void variablesMayBeNestedObjectsAndArrays() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"t-1\",\"variables\":{\"a\":{\"b\":[1,2.5,\"c\",true,null,"
                + "{\"d\":[]}]},\"e\":[[1],[2]]}}")));
        Task t = client.tasks().get("t-1");
        Map<?, ?> vars = (Map<?, ?>) t.getVariables();
        List<?> b = (List<?>) ((Map<?, ?>) vars.get("a")).get("b");
        assertEquals(1L, b.get(0));
        assertEquals(2.5, b.get(1));
        assertEquals("c", b.get(2));
        assertEquals(true, b.get(3));
        assertNull(b.get(4));
        assertEquals(Map.of("d", List.of()), b.get(5));
        assertEquals(List.of(List.of(1L), List.of(2L)), vars.get("e"));
    }

    @Test
    void variablesMayBeAString() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"t-1\",\"variables\":\"...\"}")));
        assertEquals("...", client.tasks().get("t-1").getVariables());
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"f-1\",\"variables\":\"...\"}")));
        assertEquals("...", client.flows().get("f-1").getVariables());
    }

    @Test
    void variablesMayBeAnArrayOrANumber() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"t-1\",\"variables\":[1,\"x\"]}")));
        assertEquals(List.of(1L, "x"), client.tasks().get("t-1").getVariables());
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"t-1\",\"variables\":12}")));
        assertEquals(12L, client.tasks().get("t-1").getVariables());
    }

    @Test
    void numbersSentAsStringsForTypedFields() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"t-1\",\"meta\":{\"revision\":\"2\"}}")));
        assertEquals(2L, client.tasks().get("t-1").getMeta().getRevision());

        wm.stubFor(get(anyUrl()).willReturn(json("{\"Resources\":[],\"totalResults\":\"3\",\"startIndex\":\"1\","
                + "\"itemsPerPage\":\"0\"}")));
        Page<Task> p = client.tasks().list().firstPage();
        assertEquals(3, p.totalResults());
        assertEquals(1, p.startIndex());

        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"f-1\",\"flow\":{\"version\":\"5\"}}")));
        assertEquals(5L, client.flows().get("f-1").getFlow().getVersion());
    }

    @Test
    void dateTimesWithAndWithoutOffset() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"t-1\",\"due\":\"2021-02-25T20:49:09.170+02:00\","
                + "\"ended\":\"2021-02-25T20:49:09\",\"meta\":{\"created\":\"2021-02-25T20:49:09Z\","
                + "\"lastModified\":\"2021-02-25T20:49:09.123456789-05:30\"}}")));
        Task t = client.tasks().get("t-1");
        assertEquals(OffsetDateTime.parse("2021-02-25T20:49:09.170+02:00"), t.getDue());
        assertEquals(OffsetDateTime.parse("2021-02-25T20:49:09Z"), t.getEnded());
        assertEquals(OffsetDateTime.parse("2021-02-25T20:49:09Z"), t.getMeta().getCreated());
        assertEquals(OffsetDateTime.parse("2021-02-25T20:49:09.123456789-05:30"), t.getMeta().getLastModified());
    }

    @Test
    void missingListsAreEmpty() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"totalResults\":0}")));
        Page<Task> p = client.tasks().list().firstPage();
        assertEquals(List.of(), p.items());
        wm.stubFor(get(anyUrl()).willReturn(json("{}")));
        assertEquals(List.of(), client.flows().list().firstPage().items());
    }

    // ---- exact numbers ----

    @Test
    void integralNumbersReadBackAsLongWithEveryDigit() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"t-1\",\"variables\":{\"one\":1,\"big\":12345678901234567,"
                + "\"neg\":-42,\"huge\":123456789012345678901234567890,\"dec\":0.1,"
                + "\"longDec\":3.14159265358979323846264338327950288}}")));
        Map<?, ?> v = (Map<?, ?>) client.tasks().get("t-1").getVariables();
        assertEquals(Long.valueOf(1), v.get("one"));
        assertInstanceOf(Long.class, v.get("one"));
        assertEquals(12345678901234567L, v.get("big"));
        assertEquals(-42L, v.get("neg"));
        assertEquals(new BigInteger("123456789012345678901234567890"), v.get("huge"));
        assertEquals(0.1, v.get("dec"));
        assertEquals(0, new BigDecimal("3.14159265358979323846264338327950288")
                .compareTo(new BigDecimal(v.get("longDec").toString())));
    }

    @Test
    void exactNumbersInsideStatusExplanationsAndUnknownFields() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"f-1\",\"StatusExplanations\":[{\"n\":12345678901234567}],"
                + "\"extra\":{\"n\":12345678901234567}}")));
        FlowInstance f = client.flows().get("f-1");
        assertEquals(12345678901234567L, ((Map<?, ?>) f.getStatusExplanations().get(0)).get("n"));
        assertEquals(12345678901234567L, ((Map<?, ?>) f.getAdditionalProperty("extra")).get("n"));
    }

    @Test
    void longVariablesAreWrittenExactly() {
        wm.stubFor(post(anyUrl()).willReturn(json(TASK_JSON)));
        client.tasks().complete("t-1", Map.of("n", 12345678901234567L));
        assertEquals("{\"variables\":{\"n\":12345678901234567}}", onlyRequest(wm).getBodyAsString());
    }

    @Test
    void otherNumberTypesAreWrittenExactly() {
        wm.stubFor(post(anyUrl()).willReturn(json(TASK_JSON)));
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("i", 1);
        vars.put("big", new BigInteger("123456789012345678901234567890"));
        vars.put("dec", new BigDecimal("0.10"));
        vars.put("d", 2.5);
        vars.put("s", "<&>");
        client.tasks().complete("t-1", vars);
        assertEquals("{\"variables\":{\"i\":1,\"big\":123456789012345678901234567890,\"dec\":0.10,\"d\":2.5,"
                + "\"s\":\"<&>\"}}", onlyRequest(wm).getBodyAsString());
    }

    @Test
    void variablesReadBackCanBeSentBackUnchanged() {
        String vars = "{\"n\":12345678901234567,\"one\":1,\"m\":{\"l\":[1,2]}}";
        wm.stubFor(get(anyUrl()).willReturn(json("{\"id\":\"t-1\",\"variables\":" + vars + "}")));
        wm.stubFor(post(anyUrl()).willReturn(json(TASK_JSON)));
        @SuppressWarnings("unchecked")
        Map<String, ?> read = (Map<String, ?>) client.tasks().get("t-1").getVariables();
        client.tasks().complete("t-1", read);
        String body = WireMockSupport.requests(wm).stream().filter(r -> r.getMethod().getName().equals("POST"))
                .findFirst().orElseThrow().getBodyAsString();
        assertEquals("{\"variables\":" + vars + "}", body);
    }
}
