package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.WaitTimeoutException;
import io.flowsdk.client.model.Task;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code await} and {@code awaitAsync} against the stateful stub: the state changes because
 * another thread acts on the API, not because a script says so.
 */
@ExtendWith(FlowsStubExtension.class)
class WaitersAgainstStubTest {
    private static final Predicate<Task> COMPLETED = t -> "completed".equals(t.getStatus());

    private final FlowsStub stub;

    WaitersAgainstStubTest(FlowsStub stub) {
        this.stub = stub;
    }

    private Task awaitTask(FlowsClient client, boolean async, String id, Duration timeout) throws Exception {
        if (!async) {
            return client.tasks().await(id, COMPLETED, timeout);
        }
        CompletableFuture<Task> f = client.tasks().awaitAsync(id, COMPLETED, timeout);
        try {
            return f.get(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    /** Completes the task through the API from another thread after {@code delayMs}. */
    private CompletableFuture<Task> completeLater(String id, long delayMs) {
        return CompletableFuture.supplyAsync(() -> stub.client().tasks().complete(id, Map.of("approved", true)),
                CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void returnsOnceAnotherThreadCompletesTheTask(boolean async) throws Exception {
        stub.addTask(new Task().id("t-1").displayName("Approve access").status("pending"));
        CompletableFuture<Task> completer = completeLater("t-1", 700);

        Task done = awaitTask(stub.client(), async, "t-1", Duration.ofSeconds(20));

        assertEquals("completed", done.getStatus());
        assertEquals(Map.of("approved", true), done.getVariables());
        assertEquals("completed", completer.get(5, TimeUnit.SECONDS).getStatus());
        assertTrue(stub.requestCount(Endpoint.GET_TASK) >= 2, "polled until the change was visible");
        assertEquals(1, stub.requestCount(Endpoint.COMPLETE_TASK));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void timesOutWithTheLastTaskSeen(boolean async) {
        stub.addTask(new Task().id("t-2").displayName("Never done").status("pending"));
        long t0 = System.nanoTime();
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                () -> awaitTask(stub.client(), async, "t-2", Duration.ofMillis(1_500)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Task last = e.lastValue();
        assertNotNull(last);
        assertEquals("t-2", last.getId());
        assertEquals("pending", last.getStatus());
        assertTrue(ms >= 1_400 && ms < 5_000, "ended near the timeout, after " + ms + " ms");
        assertTrue(stub.requestCount(Endpoint.GET_TASK) >= 2, "polled more than once");
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aRateLimitMidWaitIsHonouredThenPollingGoesOn(boolean async) throws Exception {
        stub.addTask(new Task().id("t-3").displayName("Approve").status("pending"));
        // the second poll is answered 429 with Retry-After: 3; the client itself does not retry it
        stub.inject(Endpoint.GET_TASK, Fault.rateLimited(3)).afterRequests(1).times(1);
        FlowsClient noRetries = stub.client(b -> b.retryPolicy(RetryPolicy.none()));
        completeLater("t-3", 1_200);

        Task done = awaitTask(noRetries, async, "t-3", Duration.ofSeconds(30));

        assertEquals("completed", done.getStatus());
        List<ServeEvent> polls = stub.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("GET"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
        assertEquals(3, polls.size(), "pending, 429, completed");
        assertEquals(429, polls.get(1).getResponse().getStatus());
        long gapMs = polls.get(2).getRequest().getLoggedDate().getTime()
                - polls.get(1).getRequest().getLoggedDate().getTime();
        // without Retry-After the second pause would be 1-2 s
        assertTrue(gapMs >= 2_900, "waited " + gapMs + " ms after the 429 (Retry-After: 3)");
    }

    @Test
    void cancellingAnAsyncWaitStopsThePolls() throws Exception {
        stub.addTask(new Task().id("t-4").displayName("Approve").status("pending"));
        CompletableFuture<Task> f = stub.client().tasks().awaitAsync("t-4", COMPLETED, Duration.ofMinutes(1));
        Thread.sleep(300);
        f.cancel(true);
        int polls = stub.requestCount(Endpoint.GET_TASK);
        Thread.sleep(2_500); // longer than the first two pauses
        assertEquals(polls, stub.requestCount(Endpoint.GET_TASK));
        assertInstanceOf(java.util.concurrent.CancellationException.class,
                assertThrows(Exception.class, f::join));
    }
}
