package io.flowsdk.client.reliability;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.testing.VirtualTime;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * close() x the state a call is in. After close() returns, no request of the client leaves the
 * machine, and every call in progress ends at once with a {@link FlowsTransportException} saying
 * the client was closed: a blocking call waiting out {@code Retry-After: 2}, an async call whose
 * retry is scheduled, an iteration blocked on a page (sequential or parallel), await and
 * awaitAsync between polls or in a poll, a call waiting for its token, a call in flight. Time is
 * virtual and manual: a wait that close() did not end would never end (the test would see the
 * thread still blocked); afterwards time is moved on by an hour so that any retry or poll still
 * scheduled would fire; then the requests that left after close() are counted (by the server and
 * by OkHttp's own events): none.
 */
class CloseTest {
    private static final AtomicInteger REQUESTS_AFTER_CLOSE = new AtomicInteger();
    private static final AtomicInteger CASES = new AtomicInteger();

    private static StreamServer server;
    private static volatile Function<StreamServer.Request, StreamServer.Reply> answer;

    @BeforeAll
    static void start() throws IOException {
        server = new StreamServer(r -> answer.apply(r));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        System.out.println("[close] " + CASES + " cases, requests after close: " + REQUESTS_AFTER_CLOSE);
    }

    /** The state of the call when close() runs, and the server that puts it there. */
    private static final int PARALLELISM = 3;

    enum Stage {
        /** 503/429 with Retry-After: 2: the call waits to retry. */
        RETRY_WAIT,
        /** The server never answers. */
        IN_FLIGHT,
        /** The token request never answers: the call waits for its token. */
        TOKEN_WAIT
    }

    enum Op {
        GET(false, false), COMPLETE(false, true), CREATE(false, true), CANCEL_FLOW(false, true),
        ITERATE(false, false), ITERATE_PARALLEL(false, false), COUNT(false, false), AWAIT(false, false),
        GET_ASYNC(true, false), COMPLETE_ASYNC(true, true), CANCEL_FLOW_ASYNC(true, true), FIRST_PAGE_ASYNC(true, false),
        AWAIT_ASYNC(true, false);

        final boolean async;
        final boolean post;

        Op(boolean async, boolean post) {
            this.async = async;
            this.post = post;
        }
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(Stage.values()).flatMap(s -> Arrays.stream(Op.values()).map(op -> Arguments.of(s, op)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("matrix")
    void afterCloseNothingLeavesAndEveryCallEnds(Stage stage, Op op) throws Exception {
        runCase(stage, op, null, 1);
    }

    /** Several calls at once, in different states: all end. */
    @Test
    void manyCallsInProgressAllEnd() throws Exception {
        runCase(Stage.IN_FLIGHT, Op.GET, null, 8);
        runCase(Stage.RETRY_WAIT, Op.COMPLETE_ASYNC, null, 8);
    }

    /**
     * close() ends every call even when cancelling one throws (an EventListener of the caller's
     * OkHttp client runs inside cancel()), and still shuts the client down.
     */
    @Test
    void aCancelThatThrowsDoesNotStopClose() throws Exception {
        OkHttpClient throwing = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void canceled(Call call) {
                throw new IllegalStateException("a listener's bug");
            }
        }).build();
        runCase(Stage.IN_FLIGHT, Op.GET_ASYNC, throwing, 3);
        runCase(Stage.IN_FLIGHT, Op.GET, throwing, 3);
    }

    /** An iteration between pages when the client closes: its next page is refused, nothing is sent. */
    @Test
    void anIterationBetweenPagesSendsNothingMore() {
        answer = r -> StreamServer.json(200, Support.taskList((int) r.longQuery("startIndex"), 2, 10));
        FlowsClient c = builder(null, VirtualTime.manual(), null).build();
        var it = c.tasks().list().pageSize(2).iterator();
        it.next();
        it.next();
        int before = server.count();
        c.close();
        assertThrows(IllegalStateException.class, it::hasNext);
        assertEquals(before, server.count());
    }

    private void runCase(Stage stage, Op op, OkHttpClient shared, int calls) throws Exception {
        CASES.incrementAndGet();
        answer = r -> serve(stage, op, r);
        VirtualTime time = VirtualTime.manual();
        AtomicLong closedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger sentAfterClose = new AtomicInteger();
        OkHttpClient base = shared != null ? shared : new OkHttpClient();
        OkHttpClient counting = base.newBuilder().eventListenerFactory(call -> new EventListener() {
            @Override
            public void requestHeadersStart(Call call) {
                if (System.nanoTime() > closedAt.get()) {
                    sentAfterClose.incrementAndGet();
                }
            }

            @Override
            public void canceled(Call call) {
                if (shared != null) {
                    throw new IllegalStateException("a listener's bug");
                }
            }
        }).build();
        FlowsClient c = builder(stage, time, counting).build();
        int before = server.count();
        List<CompletableFuture<?>> futures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> blockingOutcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < calls; i++) {
            if (op.async) {
                futures.add(startAsync(c, op));
            } else {
                Thread t = new Thread(() -> {
                    try {
                        runBlocking(c, op);
                        blockingOutcomes.add(new AssertionError("the call returned"));
                    } catch (Throwable e) {
                        blockingOutcomes.add(e);
                    }
                }, "caller-" + i);
                threads.add(t);
                t.start();
            }
        }
        // wait (bounded) for the fact that every call is in its state: its request arrived, and for waits, it waits
        int expected = before + calls * requestsBeforeTheState(stage, op);
        assertTrue(server.awaitRequests(expected, Duration.ofSeconds(10)), stage + " " + op + ": requests "
                + (server.count() - before));
        boolean awaiting = op == Op.AWAIT || op == Op.AWAIT_ASYNC;
        if (stage == Stage.RETRY_WAIT) {
            awaitWaits(time, calls * pagesInFlight(op)); // a retry (of each page in flight), or for await the next poll
        }
        assertFalse(awaiting && stage != Stage.RETRY_WAIT && !time.waits().isEmpty());

        try {
            c.close();
        } catch (IllegalStateException listenersBug) {
            // close() reports the listener's failure after it has ended every call
        }
        closedAt.set(System.nanoTime());
        int atClose = server.count();

        for (CompletableFuture<?> f : futures) {
            assertTrue(f.isDone(), "an async call ended within close()");
            assertClosed(assertThrows(ExecutionException.class, () -> f.get(0, TimeUnit.SECONDS)).getCause());
        }
        for (Thread t : threads) {
            t.join(5_000);
            assertFalse(t.isAlive(), stage + " " + op + ": a blocking call still waits after close()");
        }
        blockingOutcomes.forEach(CloseTest::assertClosed);
        // A retry scheduled on an OkHttp thread while close() ran is called off by that thread right
        // after it schedules it (it sees the call ended): wait (bounded) for that fact, then make
        // sure nothing scheduled would send anything.
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (time.pending() > 0 && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertEquals(0, time.pending(), "a retry or a poll is still scheduled");

        time.advance(Duration.ofHours(1)); // anything still scheduled would run now
        int after = server.count() - atClose;
        REQUESTS_AFTER_CLOSE.addAndGet(after + sentAfterClose.get());
        assertEquals(0, after, "requests arrived after close()");
        assertEquals(0, sentAfterClose.get(), "OkHttp sent request headers after close()");
    }

    private static void assertClosed(Throwable t) {
        assertInstanceOf(FlowsTransportException.class, t, () -> "outcome " + t);
        assertTrue(t.getMessage().contains("the FlowsClient was closed"), t.getMessage());
        assertFalse(((FlowsTransportException) t).isRetryable());
        Support.assertNoToken(t);
    }

    /** Waits (bounded, for a fact) until {@code n} waits of the client are pending on the virtual clock. */
    private static void awaitWaits(VirtualTime time, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (time.waits().size() < n && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertTrue(time.waits().size() >= n, "the calls wait: " + time.waits());
    }

    /**
     * The page requests of one call after its first page: a parallel iteration has all of them in
     * the state before close(), so that none is still on its way to the server (it would arrive
     * after close() without having been sent after it) and the iterating thread waits for a page
     * rather than starting the next request.
     */
    private static int pagesInFlight(Op op) {
        return op == Op.ITERATE_PARALLEL ? PARALLELISM : 1;
    }

    private static int requestsBeforeTheState(Stage stage, Op op) {
        if (stage == Stage.TOKEN_WAIT) {
            return 1; // the token request; the call itself never leaves
        }
        if (op == Op.ITERATE || op == Op.ITERATE_PARALLEL) {
            return 1 + pagesInFlight(op); // the first page, then the ones it waits for
        }
        return 1;
    }

    private static StreamServer.Reply serve(Stage stage, Op op, StreamServer.Request r) {
        if (r.path().endsWith("/oauth2/token")) {
            return stage == Stage.TOKEN_WAIT ? server.hold() : StreamServer.json(200,
                    "{\"access_token\":\"" + Support.TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        }
        boolean list = r.path().endsWith("/flows/tasks") || r.path().endsWith("/flows/");
        if (list && "1".equals(r.query("startIndex")) && (op == Op.ITERATE || op == Op.ITERATE_PARALLEL)) {
            return StreamServer.json(200, Support.taskList(1, 2, 100)); // the first page comes back
        }
        if (op == Op.AWAIT || op == Op.AWAIT_ASYNC) {
            if (stage == Stage.IN_FLIGHT) {
                return server.hold();
            }
            return StreamServer.json(200, Support.task("t-1")); // never what await waits for: it waits to poll again
        }
        if (stage == Stage.RETRY_WAIT) {
            String body = "{\"code\":503,\"message\":\"busy\"}";
            return StreamServer.bytes(op.post ? 429 : 503, Map.of("Retry-After", "2", "Content-Type",
                    "application/json"), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return server.hold();
    }

    private static FlowsClient.Builder builder(Stage stage, VirtualTime time, OkHttpClient http) {
        FlowsClient.Builder b = FlowsClient.builder().baseUrl(server.baseUrl()).retryPolicy(RetryPolicy.defaults())
                .timeout(Duration.ofSeconds(30)).clock(time);
        if (http != null) {
            b.httpClient(http);
        }
        if (stage == Stage.TOKEN_WAIT) {
            return b.credentials(ClientCredentials.builder().clientId("client").clientSecret("s3cr3t-value")
                    .tokenUrl(server.baseUrl() + "/oauth2/token").build());
        }
        return b.bearerToken(Support.TOKEN);
    }

    private static void runBlocking(FlowsClient c, Op op) {
        switch (op) {
            case GET -> c.tasks().get("t-1");
            case COMPLETE -> c.tasks().complete("t-1", Map.of("approved", true));
            case CREATE -> c.tasks().create(new Task().displayName("Approve"));
            case CANCEL_FLOW -> c.flows().cancel("f-1");
            case ITERATE -> c.tasks().list().pageSize(2).forEach(t -> { });
            case ITERATE_PARALLEL -> c.tasks().list().pageSize(2).parallelism(PARALLELISM).forEach(t -> { });
            case COUNT -> c.tasks().list().count();
            case AWAIT -> c.tasks().await("t-1", t -> false, Duration.ofHours(2));
            default -> throw new AssertionError(op);
        }
    }

    private static CompletableFuture<?> startAsync(FlowsClient c, Op op) {
        switch (op) {
            case GET_ASYNC:
                return c.tasks().getAsync("t-1");
            case COMPLETE_ASYNC:
                return c.tasks().completeAsync("t-1", Map.of("approved", true));
            case CANCEL_FLOW_ASYNC:
                return c.flows().cancelAsync("f-1");
            case FIRST_PAGE_ASYNC:
                return c.tasks().list().firstPageAsync();
            case AWAIT_ASYNC:
                return c.tasks().awaitAsync("t-1", t -> false, Duration.ofHours(2));
            default:
                throw new AssertionError(op);
        }
    }
}
