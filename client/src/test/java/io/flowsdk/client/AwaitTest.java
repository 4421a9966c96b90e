package io.flowsdk.client;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.WaitTimeoutException;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwaitTest extends WireMockTestBase {
    private void taskGoesPendingThenCompleted(String id) {
        String path = "/api/v1/flows/tasks/" + id;
        wm.stubFor(get(urlPathEqualTo(path)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{\"id\":\"" + id + "\",\"status\":\"pending\"}")).willSetStateTo("second"));
        wm.stubFor(get(urlPathEqualTo(path)).inScenario("s").whenScenarioStateIs("second")
                .willReturn(json("{\"id\":\"" + id + "\",\"status\":\"completed\"}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void awaitPollsUntilTheConditionHolds() {
        taskGoesPendingThenCompleted("t-1");
        long t0 = System.nanoTime();
        Task done = client.tasks().await("t-1", t -> "completed".equals(t.getStatus()), Duration.ofSeconds(10));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("completed", done.getStatus());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/flows/tasks/t-1")));
        assertTrue(ms >= 400 && ms < 3_000, "first pause is 0.5-1 s, was " + ms + " ms");
    }

    @Test
    void awaitTimesOutWithTheLastValueSeen() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/f-1")).willReturn(json("{\"id\":\"f-1\",\"status\":\"running\"}")));
        long t0 = System.nanoTime();
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                () -> client.flows().await("f-1", f -> f.getEndedAt() != null, Duration.ofMillis(300)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        FlowInstance last = e.lastValue();
        assertNotNull(last);
        assertEquals("running", last.getStatus());
        assertTrue(ms < 2_000, "bounded by the timeout, was " + ms + " ms");
        assertEquals(Duration.ofMillis(300), e.timeout());
    }

    @Test
    void awaitPropagatesNotFound() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks/nope")).willReturn(aResponse().withStatus(404)));
        assertThrows(NotFoundException.class, () -> client.tasks().await("nope", t -> true, Duration.ofSeconds(5)));
    }

    @Test
    void awaitChecksItsArgumentsBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> client.tasks().await("..", t -> true, Duration.ofSeconds(1)));
        assertThrows(NullPointerException.class, () -> client.tasks().await("t", null, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> client.tasks().await("t", t -> true, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> client.flows().awaitAsync("tasks", f -> true, Duration.ofSeconds(1)));
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void awaitAsyncCompletesWithoutBlockingTheCaller() throws Exception {
        taskGoesPendingThenCompleted("t-2");
        CompletableFuture<Task> f = client.tasks().awaitAsync("t-2", t -> "completed".equals(t.getStatus()),
                Duration.ofSeconds(10));
        Task done = f.get(5, TimeUnit.SECONDS);
        assertEquals("completed", done.getStatus());
    }

    @Test
    void awaitAsyncTimesOutExceptionally() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks/t-3")).willReturn(json("{\"id\":\"t-3\",\"status\":\"pending\"}")));
        CompletableFuture<Task> f = client.tasks().awaitAsync("t-3", t -> false, Duration.ofMillis(200));
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        WaitTimeoutException w = assertInstanceOf(WaitTimeoutException.class, e.getCause());
        assertEquals("pending", w.<Task>lastValue().getStatus());
    }
}
