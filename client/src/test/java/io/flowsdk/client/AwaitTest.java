package io.flowsdk.client;

import io.flowsdk.client.error.FlowsInterruptedException;
import io.flowsdk.client.testing.VirtualTime;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.WaitTimeoutException;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
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
        VirtualTime time = VirtualTime.auto();
        try (FlowsClient c = WireMockSupport.builder(wm).clock(time).build()) {
            Task done = c.tasks().await("t-1", t -> "completed".equals(t.getStatus()), Duration.ofSeconds(10));
            assertEquals("completed", done.getStatus());
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/flows/tasks/t-1")));
        assertEquals(1, time.waits().size());
        Duration first = time.waits().get(0);
        assertTrue(first.toMillis() >= 500 && first.toMillis() <= 1_000, "first pause is 0.5-1 s, was " + first);
    }

    @Test
    void pausesGrowExponentiallyUpTo30Seconds() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks/t-9")).willReturn(json("{\"id\":\"t-9\",\"status\":\"pending\"}")));
        VirtualTime time = VirtualTime.auto();
        try (FlowsClient c = TestHooks.random(WireMockSupport.builder(wm).clock(time), () -> 0.999).build()) {
            assertThrows(WaitTimeoutException.class, () -> c.tasks().await("t-9", t -> false, Duration.ofMinutes(3)));
        }
        List<Long> seconds = time.waits().stream().map(Duration::toSeconds).toList();
        assertEquals(List.of(1L, 1L, 3L, 7L, 15L, 29L, 29L, 29L, 29L, 29L), seconds.subList(0, 10),
                "equal jitter over 1, 2, 4, 8, 16, 30, 30 ... s (random 0.999: just under each base)");
        assertEquals(Duration.ofMinutes(3), time.elapsed(), "waited exactly the timeout, the last pause cut short");
    }

    @Test
    void awaitTimesOutWithTheLastValueSeen() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/f-1")).willReturn(json("{\"id\":\"f-1\",\"status\":\"running\"}")));
        VirtualTime time = VirtualTime.auto();
        try (FlowsClient c = WireMockSupport.builder(wm).clock(time).build()) {
            WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                    () -> c.flows().await("f-1", f -> f.getEndedAt() != null, Duration.ofSeconds(2)));
            FlowInstance last = e.lastValue(FlowInstance.class).orElseThrow();
            assertEquals("running", last.getStatus());
            assertEquals(Duration.ofSeconds(2), e.timeout());
            assertTrue(e.getMessage().endsWith("after 2 s"), e.getMessage());
            assertThrows(ClassCastException.class, () -> e.lastValue(Task.class));
        }
        assertEquals(Duration.ofSeconds(2), time.elapsed(), "bounded by the timeout");
    }

    @Test
    void anInterruptedAwaitStopsAndKeepsTheFlag() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks/t-8")).willReturn(json("{\"id\":\"t-8\",\"status\":\"pending\"}")));
        VirtualTime time = VirtualTime.auto().onWait(() -> Thread.currentThread().interrupt());
        try (FlowsClient c = WireMockSupport.builder(wm).clock(time).build()) {
            FlowsInterruptedException e = assertThrows(FlowsInterruptedException.class,
                    () -> c.tasks().await("t-8", t -> false, Duration.ofMinutes(5)));
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertTrue(Thread.interrupted(), "the interrupt flag is kept (and cleared here)");
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/flows/tasks/t-8")));
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
        assertEquals("pending", w.lastValue(Task.class).orElseThrow().getStatus());
    }
}
