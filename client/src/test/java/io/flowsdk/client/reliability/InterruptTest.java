package io.flowsdk.client.reliability;

import io.flowsdk.client.Change;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.error.FlowsInterruptedException;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.testing.VirtualTime;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interrupts. A thread that is already interrupted gets {@link FlowsInterruptedException} from
 * every blocking method at once, sends nothing (not even a token request) and keeps its interrupt
 * flag; OkHttp's undeclared {@code InterruptedException} never escapes. A thread blocked in a call
 * (a socket read OkHttp would wait out to the read timeout, a wait between polls, the wait for a
 * token, a parallel iteration's pages) reacts to {@link Thread#interrupt()} within about 100 ms:
 * the call is cancelled (the server sees the connection close), the flag kept. The latency is
 * real time, measured over 20 tries per case and printed; the assertions' bounds are generous
 * (median 250 ms, max 2 s, against 30 s of read timeout without the watchdog).
 */
class InterruptTest {
    private static StreamServer server;
    private static volatile Function<StreamServer.Request, StreamServer.Reply> answer;
    private static final List<String> FIGURES = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws IOException {
        server = new StreamServer(r -> answer.apply(r));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        FIGURES.forEach(System.out::println);
    }

    @BeforeEach
    void notInterrupted() {
        Thread.interrupted();
    }

    enum Auth {
        BEARER, TOKEN_PROVIDER, CLIENT_CREDENTIALS;

        FlowsClient.Builder apply(FlowsClient.Builder b) {
            switch (this) {
                case BEARER:
                    return b.bearerToken(Support.TOKEN);
                case TOKEN_PROVIDER:
                    return b.tokenProvider(() -> Support.TOKEN);
                default:
                    return b.credentials(ClientCredentials.builder().clientId("client").clientSecret("s3cr3t-value")
                            .tokenUrl(server.baseUrl() + "/oauth2/token").build());
            }
        }
    }

    enum Op {
        GET, FIND, COMPLETE, CANCEL, CREATE, FLOW_GET, FLOW_FIND, FLOW_CANCEL, ITERATE, ITERATE_PARALLEL, PAGES,
        STREAM, FIRST_PAGE, COUNT, TO_LIST, AWAIT, FLOW_AWAIT
    }

    private static Object run(FlowsClient c, Op op) {
        switch (op) {
            case GET:
                return c.tasks().get("t-1");
            case FIND:
                return c.tasks().find("t-1");
            case COMPLETE:
                return c.tasks().complete("t-1", Map.of("approved", true), Change.reason("ok"));
            case CANCEL:
                return c.tasks().cancel("t-1");
            case CREATE:
                return c.tasks().create(new Task().displayName("Approve"));
            case FLOW_GET:
                return c.flows().get("f-1");
            case FLOW_FIND:
                return c.flows().find("f-1");
            case FLOW_CANCEL:
                return c.flows().cancel("f-1");
            case ITERATE:
                return c.tasks().list().iterator().hasNext();
            case ITERATE_PARALLEL:
                return c.tasks().list().pageSize(10).parallelism(4).iterator().hasNext();
            case PAGES:
                return c.flows().list().pages().iterator().hasNext();
            case STREAM:
                return c.tasks().list().stream().count();
            case FIRST_PAGE:
                return c.tasks().list().firstPage();
            case COUNT:
                return c.tasks().list().count();
            case TO_LIST:
                return c.flows().list().toList();
            case AWAIT:
                return c.tasks().await("t-1", t -> false, Duration.ofMinutes(5));
            case FLOW_AWAIT:
                return c.flows().await("f-1", f -> false, Duration.ofMinutes(5));
            default:
                throw new AssertionError(op);
        }
    }

    static Stream<Arguments> alreadyInterrupted() {
        return Arrays.stream(Auth.values()).flatMap(a -> Arrays.stream(Op.values()).map(op -> Arguments.of(a, op)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("alreadyInterrupted")
    void anInterruptedCallerIsRefusedAtOnceAndNothingIsSent(Auth auth, Op op) {
        answer = r -> StreamServer.json(200, Support.task("t-1"));
        VirtualTime time = VirtualTime.auto();
        int before = server.count();
        Throwable outcome = null;
        boolean flag;
        try (FlowsClient c = auth.apply(FlowsClient.builder().baseUrl(server.baseUrl()))
                .retryPolicy(RetryPolicy.defaults()).clock(time).build()) {
            Thread.currentThread().interrupt();
            try {
                run(c, op);
            } catch (Throwable t) {
                outcome = t;
            }
            flag = Thread.interrupted();
        }
        Throwable seen = outcome;
        assertInstanceOf(FlowsInterruptedException.class, outcome, () -> "outcome " + seen);
        assertTrue(outcome.getMessage().contains("interrupted"), outcome.getMessage());
        assertTrue(flag, "the interrupt flag is kept");
        assertEquals(before, server.count(), "nothing was sent");
        assertEquals(List.of(), time.waits(), "nothing waited");
        Support.assertNoToken(outcome);
    }

    /**
     * The thread is interrupted after the client's own check, on its way to a new connection
     * (here by an interceptor of a shared OkHttp client): OkHttp throws a checked
     * {@code InterruptedException} it does not declare. It must come out as
     * {@link FlowsInterruptedException}, flag kept, and not be retried.
     */
    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"GET", "COMPLETE", "ITERATE", "COUNT", "AWAIT"})
    void okHttpsUndeclaredInterruptedExceptionDoesNotEscape(Op op) {
        answer = r -> StreamServer.json(200, Support.task("t-1"));
        OkHttpClient interrupting = new OkHttpClient.Builder().addInterceptor(chain -> {
            Thread.currentThread().interrupt();
            return chain.proceed(chain.request());
        }).build();
        VirtualTime time = VirtualTime.auto();
        Throwable outcome = null;
        boolean flag;
        try (FlowsClient c = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(Support.TOKEN)
                .httpClient(interrupting).retryPolicy(RetryPolicy.defaults()).clock(time).build()) {
            try {
                run(c, op);
            } catch (Throwable t) {
                outcome = t;
            }
            flag = Thread.interrupted();
        }
        Throwable seen = outcome;
        assertInstanceOf(FlowsInterruptedException.class, outcome, () -> "outcome " + seen);
        assertTrue(flag, "the interrupt flag is kept");
        assertEquals(List.of(), time.waits(), "not retried");
    }

    // ---- interrupting a blocked call: real time ----

    /** What the thread is blocked in when it is interrupted, and how the server answers meanwhile. */
    enum Blocked {
        GET(1, true), COMPLETE(1, true), COUNT(1, true), ITERATE(1, true),
        /** The first page comes back; the thread waits for the next ones, requested in parallel. */
        ITERATE_PARALLEL(2, true),
        /** await, in the poll's GET. */
        AWAIT_POLLING(1, true),
        /** await, waiting between polls (the first poll's answer did not satisfy it). */
        AWAIT_SLEEPING(1, false),
        /** A call waiting for the access token that another request is fetching. */
        TOKEN_WAIT(1, false);

        final int requestsBeforeBlocking;
        final boolean cancelsARequest;

        Blocked(int requestsBeforeBlocking, boolean cancelsARequest) {
            this.requestsBeforeBlocking = requestsBeforeBlocking;
            this.cancelsARequest = cancelsARequest;
        }
    }

    private static final int TRIES = 20;

    @ParameterizedTest
    @EnumSource(Blocked.class)
    void aBlockedCallReactsToAnInterruptWithinAboutAHundredMilliseconds(Blocked what) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            micros.add(interruptOnce(what, null));
        }
        Collections.sort(micros);
        long median = micros.get(TRIES / 2);
        long max = micros.get(TRIES - 1);
        FIGURES.add(String.format("[interrupt] %-16s median %5.1f ms, max %6.1f ms over %d tries", what,
                median / 1000.0, max / 1000.0, TRIES));
        assertTrue(median < 250_000, what + ": median " + median + " us");
        assertTrue(max < 2_000_000, what + ": max " + max + " us");
    }

    /**
     * The watchdog that cancels interrupted calls survives a call whose cancel() fails (here an
     * EventListener of the caller's OkHttp client that throws): later interrupts still work.
     */
    @Test
    void theWatchdogSurvivesACancelThatThrows() throws Exception {
        OkHttpClient throwing = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void canceled(Call call) {
                throw new IllegalStateException("a listener's bug");
            }
        }).build();
        for (int i = 0; i < 3; i++) {
            assertTrue(interruptOnce(Blocked.GET, throwing) < 2_000_000);
        }
    }

    /** @return microseconds from interrupt() to the call's exception */
    private static long interruptOnce(Blocked what, OkHttpClient shared) throws Exception {
        answer = r -> {
            if (r.path().endsWith("/oauth2/token")) {
                return server.hold();
            }
            switch (what) {
                case ITERATE_PARALLEL:
                    return "1".equals(r.query("startIndex")) ? StreamServer.json(200, Support.taskList(1, 10, 100))
                            : server.hold();
                case AWAIT_SLEEPING:
                    return StreamServer.json(200, Support.task("t-1"));
                default:
                    return server.hold();
            }
        };
        FlowsClient.Builder b = FlowsClient.builder().baseUrl(server.baseUrl()).retryPolicy(RetryPolicy.none())
                .timeout(Duration.ofSeconds(30));
        b = what == Blocked.TOKEN_WAIT ? Auth.CLIENT_CREDENTIALS.apply(b) : b.bearerToken(Support.TOKEN);
        if (shared != null) {
            b.httpClient(shared);
        }
        int before = server.count();
        int disconnects = server.disconnects();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        long[] ended = new long[1];
        boolean[] flag = new boolean[1];
        try (FlowsClient c = b.build()) {
            Thread worker = new Thread(() -> {
                try {
                    switch (what) {
                        case GET -> c.tasks().get("t-1");
                        case COMPLETE -> c.tasks().complete("t-1", Map.of("approved", true));
                        case COUNT -> c.tasks().list().count();
                        case ITERATE -> c.tasks().list().forEach(t -> { });
                        case ITERATE_PARALLEL -> c.tasks().list().pageSize(10).parallelism(3).forEach(t -> { });
                        case AWAIT_POLLING, AWAIT_SLEEPING -> c.tasks().await("t-1", t -> false, Duration.ofMinutes(5));
                        case TOKEN_WAIT -> c.tasks().get("t-1");
                        default -> throw new AssertionError(what);
                    }
                } catch (Throwable t) {
                    ended[0] = System.nanoTime();
                    flag[0] = Thread.currentThread().isInterrupted();
                    outcome.set(t);
                }
            }, "interrupted-caller");
            worker.start();
            assertTrue(server.awaitRequests(before + what.requestsBeforeBlocking, Duration.ofSeconds(10)),
                    "the call reached the server");
            long interruptedAt = System.nanoTime();
            worker.interrupt();
            worker.join(10_000);
            assertFalse(worker.isAlive(), what + ": still blocked 10 s after the interrupt");
            Throwable t = outcome.get();
            assertInstanceOf(FlowsInterruptedException.class, t, () -> what + ": " + t);
            assertTrue(t.getMessage().contains("interrupted"), t.getMessage());
            assertTrue(flag[0], "the flag is kept");
            if (what.cancelsARequest) {
                assertTrue(server.awaitDisconnects(disconnects + 1, Duration.ofSeconds(5)), "the call was cancelled");
            }
            return (ended[0] - interruptedAt) / 1000;
        }
    }
}
