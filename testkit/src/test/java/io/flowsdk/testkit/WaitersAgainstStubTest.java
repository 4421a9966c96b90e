package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.WaitTimeoutException;
import io.flowsdk.client.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code await} and {@code awaitAsync} against the stateful stub: the state changes because
 * another thread acts on the API, not because a script says so. The stub's clock is frozen, so
 * the clients it hands out wait on virtual time: every pause moves the stub's clock instead of
 * sleeping, and the tests measure time on that clock.
 */
@ExtendWith(FlowsStubExtension.class)
class WaitersAgainstStubTest {
    private static final Predicate<Task> COMPLETED = t -> "completed".equals(t.getStatus());
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private final FlowsStub stub;

    WaitersAgainstStubTest(FlowsStub stub) {
        this.stub = stub;
    }

    @BeforeEach
    void freezeTime() {
        stub.clock().set(T0);
    }

    private Task awaitTask(FlowsClient client, boolean async, String id, Duration timeout) throws Exception {
        if (!async) {
            return client.tasks().await(id, COMPLETED, timeout);
        }
        CompletableFuture<Task> f = client.tasks().awaitAsync(id, COMPLETED, timeout);
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    /** Completes the task through the API from another thread once the waiter has polled {@code polls} times. */
    private CompletableFuture<Task> completeAfterPolls(String id, int polls) {
        return CompletableFuture.supplyAsync(() -> {
            while (stub.requestCount(Endpoint.GET_TASK) < polls) {
                LockSupport.parkNanos(1_000_000);
            }
            return stub.client().tasks().complete(id, Map.of("approved", true));
        });
    }

    private Duration elapsed() {
        return Duration.between(T0, stub.clock().instant());
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void returnsOnceAnotherThreadCompletesTheTask(boolean async) throws Exception {
        stub.addTask(new Task().id("t-1").displayName("Approve access").status("pending"));
        CompletableFuture<Task> completer = completeAfterPolls("t-1", 3);

        // ten hours of virtual time: hundreds of polls if nobody completed the task, none really waited
        Task done = awaitTask(stub.client(), async, "t-1", Duration.ofHours(10));

        assertEquals("completed", done.getStatus());
        assertEquals(Map.of("approved", true), done.getVariables());
        assertEquals("completed", completer.get(5, TimeUnit.SECONDS).getStatus());
        assertTrue(stub.requestCount(Endpoint.GET_TASK) >= 3, "polled until the change was visible");
        assertEquals(1, stub.requestCount(Endpoint.COMPLETE_TASK));
        assertTrue(elapsed().compareTo(Duration.ofSeconds(1)) > 0 && elapsed().compareTo(Duration.ofHours(10)) < 0,
                "the waiter's pauses moved the stub's clock: " + elapsed());
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void timesOutWithTheLastTaskSeen(boolean async) {
        stub.addTask(new Task().id("t-2").displayName("Never done").status("pending"));
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                () -> awaitTask(stub.client(), async, "t-2", Duration.ofMinutes(5)));
        Task last = e.lastValue(Task.class).orElseThrow();
        assertEquals("t-2", last.getId());
        assertEquals("pending", last.getStatus());
        // the deadline is kept on the monotonic clock, which also counts the few real milliseconds of the polls
        assertTrue(elapsed().compareTo(Duration.ofMinutes(5)) <= 0
                && elapsed().compareTo(Duration.ofMinutes(5).minusSeconds(1)) > 0,
                "gave up at the timeout, on the stub's clock: " + elapsed());
        assertTrue(e.getMessage().endsWith("after 5 min"), e.getMessage());
        // 1, 2, 4, 8, 16, 30, 30 ... s with jitter: about a dozen polls in five minutes
        int polls = stub.requestCount(Endpoint.GET_TASK);
        assertTrue(polls >= 8 && polls <= 40, "polls: " + polls);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aRateLimitMidWaitIsHonouredThenPollingGoesOn(boolean async) throws Exception {
        stub.addTask(new Task().id("t-3").displayName("Approve").status("pending"));
        // the second poll is answered 429 with Retry-After: 3; the client itself does not retry it
        stub.inject(Endpoint.GET_TASK, Fault.rateLimited(3)).afterRequests(1).times(1);
        FlowsClient noRetries = stub.client(b -> b.retryPolicy(RetryPolicy.none()));
        completeAfterPolls("t-3", 2);

        Task done = awaitTask(noRetries, async, "t-3", Duration.ofSeconds(30));

        assertEquals("completed", done.getStatus());
        List<RecordedRequest> polls = stub.requests(Endpoint.GET_TASK);
        // pending, 429 (the second request, by the injected fault), then pending until the other thread's
        // completion is visible
        assertTrue(polls.size() >= 3, "polls: " + polls.size());
        Duration gap = Duration.between(polls.get(1).receivedAt(), polls.get(2).receivedAt());
        // without Retry-After the second pause would be 1-2 s
        assertEquals(Duration.ofSeconds(3), gap, "waited exactly Retry-After after the 429");
    }

    @Test
    void cancellingAnAsyncWaitStopsThePolls() throws Exception {
        stub.addTask(new Task().id("t-4").displayName("Approve").status("pending"));
        CompletableFuture<Task> f = stub.client().tasks().awaitAsync("t-4", COMPLETED, Duration.ofDays(30));
        while (stub.requestCount(Endpoint.GET_TASK) < 3) {
            LockSupport.parkNanos(1_000_000);
        }
        f.cancel(true);
        int polls = stub.requestCount(Endpoint.GET_TASK);
        Instant at = stub.clock().instant();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300)); // polls ran every millisecond or so before
        assertTrue(stub.requestCount(Endpoint.GET_TASK) <= polls + 1, "at most the poll in flight when cancelled");
        assertTrue(Duration.between(at, stub.clock().instant()).compareTo(Duration.ofMinutes(1)) <= 0,
                "no more pauses after the cancel");
        assertInstanceOf(java.util.concurrent.CancellationException.class,
                assertThrows(Exception.class, f::join));
    }
}
