package io.flowsdk.client;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.internal.generated.ApiClient;
import io.flowsdk.client.internal.generated.FlowsApi;
import io.flowsdk.client.model.CompleteTaskRequest;
import io.flowsdk.client.model.Task;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The facade builds its own requests; the generated low-level API is the spec's word on what a
 * request looks like. For each of the 8 operations, both must produce the same method, path and
 * query (so the spec and the code cannot drift apart).
 */
class SpecAgreementTest extends WireMockTestBase {
    private FlowsApi generated;
    private ApiClient generatedClient;

    @BeforeEach
    void stubAndGeneratedClient() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"x\",\"Resources\":[],\"totalResults\":0,\"flowId\":\"x\"}")));
        String base = WireMockSupport.baseUrl(wm);
        generatedClient = new ApiClient().setBasePath(base);
        generated = new FlowsApi(generatedClient);
    }

    @AfterEach
    void closeGeneratedClient() {
        generatedClient.getHttpClient().connectionPool().evictAll();
    }

    private void agree(Consumer<FlowsClient> ours, Request theirs) {
        wm.resetRequests();
        ours.accept(client);
        List<LoggedRequest> reqs = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertEquals(1, reqs.size());
        HttpUrl sent = HttpUrl.get(reqs.get(0).getAbsoluteUrl());
        assertEquals(theirs.method(), reqs.get(0).getMethod().getName(), "method");
        assertEquals(theirs.url().encodedPath(), sent.encodedPath(), "path");
        assertEquals(queryOf(theirs.url()), queryOf(sent), "query of " + sent);
    }

    private static Map<String, List<String>> queryOf(HttpUrl url) {
        Map<String, List<String>> q = new TreeMap<>();
        for (String name : url.queryParameterNames()) {
            q.put(name, url.queryParameterValues(name));
        }
        return q;
    }

    @Test
    void listTasks() throws Exception {
        OffsetDateTime t = OffsetDateTime.parse("2026-01-01T00:00:00+02:00");
        agree(c -> c.tasks().list().filter(Filter.eq("status", "pending")).sortBy("due", SortOrder.DESCENDING)
                        .attributes("id", "status").excludedAttributes("variables").forTime(t).pageSize(7).startIndex(3)
                        .firstPage(),
                generated.listTasksCall("status eq \"pending\"", 7L, 3L, "due", "descending", List.of("id", "status"),
                        List.of("variables"), t, null).request());
    }

    @Test
    void listFlowInstances() throws Exception {
        agree(c -> c.flows().list().pageSize(5).firstPage(),
                generated.listFlowInstancesCall(null, 5L, 1L, null, null, null, null, null, null).request());
    }

    @Test
    void getOperations() throws Exception {
        agree(c -> c.tasks().get("task-1"), generated.getTaskCall("task-1", null).request());
        agree(c -> c.flows().get("flow-1"), generated.getFlowInstanceCall("flow-1", null).request());
    }

    @Test
    void mutatingOperations() throws Exception {
        agree(c -> c.tasks().create(new Task().displayName("x"), Change.of("why", "/t/1")),
                generated.createTaskCall(new Task().displayName("x"), "why", "/t/1", null).request());
        agree(c -> c.tasks().complete("task-1", Map.of("a", 1), Change.reason("ok")),
                generated.completeTaskCall("task-1", new CompleteTaskRequest().variables(Map.of("a", 1)), "ok", null,
                        null).request());
        agree(c -> c.tasks().cancel("task-1", Change.correlation("c")),
                generated.cancelTaskCall("task-1", Map.of(), null, "c", null).request());
        agree(c -> c.flows().cancel("flow-1"),
                generated.cancelFlowInstanceCall("flow-1", Map.of(), null, null, null).request());
    }
}
