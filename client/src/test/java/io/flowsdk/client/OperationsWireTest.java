package io.flowsdk.client;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.flowsdk.client.WireMockSupport.FLOW_JSON;
import static io.flowsdk.client.WireMockSupport.TASK_JSON;
import static io.flowsdk.client.WireMockSupport.TOKEN;
import static io.flowsdk.client.WireMockSupport.json;
import static io.flowsdk.client.WireMockSupport.onlyRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every one of the 8 operations: method, exact path, query, headers, exact body, typed result. */
class OperationsWireTest extends WireMockTestBase {

    private static void assertCommonHeaders(LoggedRequest r) {
        assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
        String ua = r.getHeader("User-Agent");
        assertTrue(ua.startsWith("flows-java/"), ua);
        assertTrue(r.getHeader("Accept").contains("application/json"), r.getHeader("Accept"));
    }

    private static void assertJsonPost(LoggedRequest r, String exactBody) {
        assertEquals("POST", r.getMethod().getName());
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
        assertEquals(exactBody, r.getBodyAsString());
    }

    @Test
    void getTask() {
        wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON)));
        Task t = client.tasks().get("task-1");
        LoggedRequest r = onlyRequest(wm);
        assertEquals("GET", r.getMethod().getName());
        assertEquals("/api/v1/flows/tasks/task-1", r.getUrl());
        assertCommonHeaders(r);
        assertEquals("", r.getBodyAsString());
        assertEquals("task-1", t.getId());
        assertEquals("Approve access", t.getDisplayName());
        assertEquals("pending", t.getStatus());
        assertEquals(List.of("g1"), t.getGroupsIds());
        assertEquals(2L, t.getMeta().getRevision());
        assertEquals(OffsetDateTime.parse("2021-02-25T20:49:09.170Z"), t.getMeta().getCreated());
        assertEquals("fik", t.getFlow().getFlowInstanceKey());
        assertEquals(Map.of("a", 1L), t.getVariables());
    }

    @Test
    void findTask() {
        wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON)));
        Optional<Task> t = client.tasks().find("task-1");
        LoggedRequest r = onlyRequest(wm);
        assertEquals("GET", r.getMethod().getName());
        assertEquals("/api/v1/flows/tasks/task-1", r.getUrl());
        assertCommonHeaders(r);
        assertEquals("task-1", t.orElseThrow().getId());
    }

    @Test
    void listTasksFirstPage() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"Resources\":[" + TASK_JSON + "],\"totalResults\":7,"
                + "\"startIndex\":1,\"itemsPerPage\":1}")));
        Page<Task> p = client.tasks().list().firstPage();
        LoggedRequest r = onlyRequest(wm);
        assertEquals("GET", r.getMethod().getName());
        assertEquals("/api/v1/flows/tasks", r.getUrl().replaceAll("\\?.*", ""));
        assertEquals("100", r.queryParameter("count").firstValue());
        assertEquals("1", r.queryParameter("startIndex").firstValue());
        assertCommonHeaders(r);
        assertEquals(1, p.items().size());
        assertEquals("task-1", p.items().get(0).getId());
        assertEquals(7, p.totalResults());
        assertEquals(1, p.startIndex());
        assertEquals(1, p.itemsPerPage());
        assertTrue(p.hasNext());
    }

    @Test
    void createTaskSendsOnlyTheFieldsSet() {
        wm.stubFor(post(anyUrl()).willReturn(json(201, TASK_JSON)));
        Task t = client.tasks().create(new Task().displayName("x"));
        LoggedRequest r = onlyRequest(wm);
        assertEquals("/api/v1/flows/tasks", r.getUrl());
        assertCommonHeaders(r);
        assertJsonPost(r, "{\"displayName\":\"x\"}");
        assertEquals("task-1", t.getId());
        assertEquals("u1", t.getAssigneeId());
    }

    @Test
    void createTaskWithSeveralFields() {
        wm.stubFor(post(anyUrl()).willReturn(json(TASK_JSON)));
        client.tasks().create(new Task().displayName("Approve access").assigneeId("u1"));
        wm.verify(postRequestedFor(urlEqualTo("/api/v1/flows/tasks"))
                .withRequestBody(equalToJson("{\"displayName\":\"Approve access\",\"assigneeId\":\"u1\"}")));
        assertFalse(onlyRequest(wm).getBodyAsString().contains("groupsIds"));
    }

    @Test
    void completeTask() {
        wm.stubFor(post(anyUrl()).willReturn(json(TASK_JSON.replace("pending", "completed"))));
        Task t = client.tasks().complete("task-1", Map.of("approved", true));
        LoggedRequest r = onlyRequest(wm);
        assertEquals("/api/v1/flows/tasks/task-1/.complete", r.getUrl());
        assertCommonHeaders(r);
        assertJsonPost(r, "{\"variables\":{\"approved\":true}}");
        assertEquals("completed", t.getStatus());
    }

    @Test
    void completeTaskWithoutVariables() {
        wm.stubFor(post(anyUrl()).willReturn(json(TASK_JSON)));
        client.tasks().complete("task-1");
        assertJsonPost(onlyRequest(wm), "{\"variables\":{}}");
    }

    @Test
    void completeTaskWithNestedVariables() {
        wm.stubFor(post(anyUrl()).willReturn(json(TASK_JSON)));
        client.tasks().complete("task-1", Map.of("m", Map.of("k", List.of(1, "two", false))));
        assertJsonPost(onlyRequest(wm), "{\"variables\":{\"m\":{\"k\":[1,\"two\",false]}}}");
    }

    @Test
    void cancelTask() {
        wm.stubFor(post(anyUrl()).willReturn(json(TASK_JSON.replace("pending", "canceled"))));
        Task t = client.tasks().cancel("task-1");
        LoggedRequest r = onlyRequest(wm);
        assertEquals("/api/v1/flows/tasks/task-1/.cancel", r.getUrl());
        assertCommonHeaders(r);
        assertJsonPost(r, "{}");
        assertEquals("canceled", t.getStatus());
    }

    @Test
    void getFlow() {
        wm.stubFor(get(anyUrl()).willReturn(json(FLOW_JSON)));
        FlowInstance f = client.flows().get("flow-1");
        LoggedRequest r = onlyRequest(wm);
        assertEquals("GET", r.getMethod().getName());
        assertEquals("/api/v1/flows/flow-1", r.getUrl());
        assertCommonHeaders(r);
        assertEquals("flow-1", f.getId());
        assertEquals("running", f.getStatus());
        assertEquals(2L, f.getFlow().getVersion());
        assertEquals(List.of("ok"), f.getStatusExplanations());
        assertEquals(OffsetDateTime.parse("2021-02-25T20:49:09.170Z"), f.getStartedAt());
        assertNull(f.getEndedAt());
    }

    @Test
    void findFlow() {
        wm.stubFor(get(anyUrl()).willReturn(json(FLOW_JSON)));
        assertEquals("flow-1", client.flows().find("flow-1").orElseThrow().getId());
        LoggedRequest r = onlyRequest(wm);
        assertEquals("/api/v1/flows/flow-1", r.getUrl());
        assertCommonHeaders(r);
    }

    @Test
    void listFlowsFirstPageUsesTrailingSlash() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"Resources\":[" + FLOW_JSON + "," + FLOW_JSON.replace("flow-1", "flow-2")
                + "],\"totalResults\":2,\"startIndex\":1,\"itemsPerPage\":2}")));
        Page<FlowInstance> p = client.flows().list().firstPage();
        LoggedRequest r = onlyRequest(wm);
        assertEquals("GET", r.getMethod().getName());
        assertTrue(r.getUrl().startsWith("/api/v1/flows/?"), r.getUrl());
        assertCommonHeaders(r);
        assertEquals(List.of("flow-1", "flow-2"), p.items().stream().map(FlowInstance::getId).toList());
        assertEquals(2, p.totalResults());
        assertFalse(p.hasNext());
    }

    @Test
    void cancelFlow() {
        wm.stubFor(post(anyUrl()).willReturn(json("{\"flowId\":\"flow-1\",\"flowStatus\":\"canceled\","
                + "\"canceledJobs\":[\"j1\",\"j2\"],\"notCanceledJobs\":[],\"taskIds\":[\"t1\"]}")));
        FlowCancellation c = client.flows().cancel("flow-1");
        LoggedRequest r = onlyRequest(wm);
        assertEquals("/api/v1/flows/flow-1/.cancel", r.getUrl());
        assertCommonHeaders(r);
        assertJsonPost(r, "{}");
        assertEquals(200, c.statusCode());
        assertFalse(c.isPartial());
        assertEquals("flow-1", c.flowId());
        assertEquals("canceled", c.flowStatus());
        assertEquals(List.of("j1", "j2"), c.canceledJobs());
        assertEquals(List.of(), c.notCanceledJobs());
        assertEquals(List.of("t1"), c.taskIds());
        assertEquals(c, c.orThrow());
    }

    @Test
    void userAgentEndsWithCallersSuffix() {
        client.close();
        client = WireMockSupport.builder(wm).userAgent("my-app/1.2").build();
        wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON)));
        client.tasks().get("task-1");
        String ua = onlyRequest(wm).getHeader("User-Agent");
        assertTrue(ua.startsWith("flows-java/"), ua);
        assertTrue(ua.endsWith(" my-app/1.2"), ua);
        assertEquals(ua, client.userAgent());
    }

    // ---- Change: every overload, on every mutating call ----

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("none", Change.none(), null, null),
                Arguments.of("reason", Change.reason("approved by manager"), "approved by manager", null),
                Arguments.of("correlation", Change.correlation("/tickets/42"), null, "/tickets/42"),
                Arguments.of("of both", Change.of("r & s=1", "c+d#e"), "r & s=1", "c+d#e"),
                Arguments.of("of reason only", Change.of("r", null), "r", null),
                Arguments.of("of correlation only", Change.of(null, "c"), null, "c"),
                Arguments.of("reason.withCorrelation", Change.reason("r").withCorrelation("/tickets/42"), "r", "/tickets/42"),
                Arguments.of("correlation.withReason", Change.correlation("c").withReason("ünï %"), "ünï %", "c"),
                Arguments.of("none.withReason", Change.none().withReason("r2"), "r2", null),
                Arguments.of("none.withCorrelation", Change.none().withCorrelation("c2"), null, "c2"));
    }

    static Stream<Arguments> mutations() {
        BiConsumer<FlowsClient, Change> create = (c, ch) -> c.tasks().create(new Task().displayName("x"), ch);
        BiConsumer<FlowsClient, Change> complete = (c, ch) -> c.tasks().complete("task-1", Map.of("a", 1), ch);
        BiConsumer<FlowsClient, Change> cancelTask = (c, ch) -> c.tasks().cancel("task-1", ch);
        BiConsumer<FlowsClient, Change> cancelFlow = (c, ch) -> c.flows().cancel("flow-1", ch);
        return Stream.of(
                Arguments.of("create", create, "/api/v1/flows/tasks", "{\"displayName\":\"x\"}"),
                Arguments.of("complete", complete, "/api/v1/flows/tasks/task-1/.complete", "{\"variables\":{\"a\":1}}"),
                Arguments.of("cancel task", cancelTask, "/api/v1/flows/tasks/task-1/.cancel", "{}"),
                Arguments.of("cancel flow", cancelFlow, "/api/v1/flows/flow-1/.cancel", "{}"));
    }

    static Stream<Arguments> mutationsTimesChanges() {
        return mutations().flatMap(m -> changes().map(c -> Arguments.of(
                m.get()[0] + " / " + c.get()[0], m.get()[1], m.get()[2], m.get()[3], c.get()[1], c.get()[2], c.get()[3])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutationsTimesChanges")
    void changeBecomesReasonAndCorrelationQueryParameters(String name, BiConsumer<FlowsClient, Change> call,
                                                          String path, String body, Change change,
                                                          String reason, String correlation) {
        wm.stubFor(any(anyUrl()).willReturn(json(path.endsWith("flow-1/.cancel")
                ? "{\"flowId\":\"flow-1\"}" : TASK_JSON)));
        call.accept(client, change);
        LoggedRequest r = onlyRequest(wm);
        assertEquals(path, r.getUrl().replaceAll("\\?.*", ""));
        assertJsonPost(r, body);
        assertCommonHeaders(r);
        if (reason == null) {
            assertFalse(r.queryParameter("reason").isPresent(), r.getUrl());
        } else {
            assertEquals(List.of(reason), r.queryParameter("reason").values());
        }
        if (correlation == null) {
            assertFalse(r.queryParameter("correlation").isPresent(), r.getUrl());
        } else {
            assertEquals(List.of(correlation), r.queryParameter("correlation").values());
        }
        if (reason == null && correlation == null) {
            assertFalse(r.getUrl().contains("?"), r.getUrl());
        }
        // nothing else in the query
        String query = r.getUrl().contains("?") ? r.getUrl().substring(r.getUrl().indexOf('?') + 1) : "";
        long params = query.isEmpty() ? 0 : query.split("&").length;
        assertEquals((reason == null ? 0 : 1) + (correlation == null ? 0 : 1), params, r.getUrl());
    }

    @Test
    void changeQueryIsStrictlyPercentEncoded() {
        wm.stubFor(post(anyUrl()).willReturn(json(TASK_JSON)));
        client.tasks().complete("task-1", Map.of("approved", true),
                Change.reason("approved by manager").withCorrelation("/tickets/42"));
        assertEquals("/api/v1/flows/tasks/task-1/.complete?reason=approved%20by%20manager&correlation=%2Ftickets%2F42",
                onlyRequest(wm).getUrl());
    }

    @Test
    void wireMockMatchersAgree() {
        // the same facts through WireMock's own matchers, as a cross-check of the helpers above
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks/task-1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("User-Agent", matching("flows-java/.+"))
                .willReturn(json(TASK_JSON)));
        client.tasks().get("task-1");
        wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/flows/tasks/task-1")));
    }
}
