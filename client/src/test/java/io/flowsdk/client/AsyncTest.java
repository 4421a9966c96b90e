package io.flowsdk.client;

import io.flowsdk.client.testing.BarrierServer;
import io.flowsdk.client.testing.VirtualTime;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.error.UnauthorizedException;
import io.flowsdk.client.model.Task;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.flowsdk.client.WireMockSupport.FLOW_JSON;
import static io.flowsdk.client.WireMockSupport.TASK_JSON;
import static io.flowsdk.client.WireMockSupport.TOKEN;
import static io.flowsdk.client.WireMockSupport.json;
import static io.flowsdk.client.WireMockSupport.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The asynchronous forms: the same requests and results as the blocking forms, errors through
 * the future, retries without a blocked thread, and cancellation that reaches the HTTP call.
 */
class AsyncTest extends WireMockTestBase {
    private static final String CANCEL_207 = "{\"flowId\":\"flow-1\",\"flowStatus\":\"canceled\","
            + "\"canceledJobs\":[\"j1\"],\"notCanceledJobs\":[\"j2\"],\"taskIds\":[\"task-1\"]}";

    /** One operation in both forms; {@code async} must send exactly what {@code sync} sends. */
    record Pair(String name, Function<FlowsClient, Object> sync, Function<FlowsClient, CompletableFuture<?>> async) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> pairs() {
        Change change = Change.reason("approved by manager").withCorrelation("/tickets/42");
        Map<String, Object> vars = Map.of("approved", true, "level", 2);
        return Stream.of(
                new Pair("getTask", c -> c.tasks().get("task 1/x"), c -> c.tasks().getAsync("task 1/x")),
                new Pair("findTask", c -> c.tasks().find("task-1"), c -> c.tasks().findAsync("task-1")),
                new Pair("createTask", c -> c.tasks().create(new Task().displayName("Approve").assigneeId("u1")),
                        c -> c.tasks().createAsync(new Task().displayName("Approve").assigneeId("u1"))),
                new Pair("createTaskWithChange", c -> c.tasks().create(new Task().displayName("A"), change),
                        c -> c.tasks().createAsync(new Task().displayName("A"), change)),
                new Pair("completeTask", c -> c.tasks().complete("task-1"), c -> c.tasks().completeAsync("task-1")),
                new Pair("completeTaskWithVariables", c -> c.tasks().complete("task-1", vars),
                        c -> c.tasks().completeAsync("task-1", vars)),
                new Pair("completeTaskWithChange", c -> c.tasks().complete("task-1", vars, change),
                        c -> c.tasks().completeAsync("task-1", vars, change)),
                new Pair("cancelTask", c -> c.tasks().cancel("task-1"), c -> c.tasks().cancelAsync("task-1")),
                new Pair("cancelTaskWithChange", c -> c.tasks().cancel("task-1", change),
                        c -> c.tasks().cancelAsync("task-1", change)),
                new Pair("getFlow", c -> c.flows().get("flow-1"), c -> c.flows().getAsync("flow-1")),
                new Pair("findFlow", c -> c.flows().find("flow-1"), c -> c.flows().findAsync("flow-1")),
                new Pair("cancelFlow", c -> c.flows().cancel("flow-1"), c -> c.flows().cancelAsync("flow-1")),
                new Pair("cancelFlowWithChange", c -> c.flows().cancel("flow-1", change),
                        c -> c.flows().cancelAsync("flow-1", change)),
                new Pair("firstPageOfTasks", c -> c.tasks().list().filter("status eq \"pending\"").pageSize(7)
                        .sortBy("due", SortOrder.DESCENDING).attributes("id", "status").firstPage(),
                        c -> c.tasks().list().filter("status eq \"pending\"").pageSize(7)
                                .sortBy("due", SortOrder.DESCENDING).attributes("id", "status").firstPageAsync()),
                new Pair("firstPageOfFlows", c -> c.flows().list().startIndex(3).limit(2).firstPage(),
                        c -> c.flows().list().startIndex(3).limit(2).firstPageAsync()),
                new Pair("countTasks", c -> c.tasks().list().filter("status eq \"pending\"").count(),
                        c -> c.tasks().list().filter("status eq \"pending\"").countAsync())
        ).map(Arguments::of);
    }

    private void stubEverything() {
        wm.stubFor(get(anyUrl()).atPriority(5).willReturn(json(TASK_JSON)));
        wm.stubFor(get("/api/v1/flows/flow-1").willReturn(json(FLOW_JSON)));
        wm.stubFor(post(anyUrl()).atPriority(5).willReturn(json(TASK_JSON)));
        wm.stubFor(post("/api/v1/flows/flow-1/.cancel").willReturn(json(207, CANCEL_207)));
        String page = "{\"Resources\":[" + TASK_JSON + "],\"totalResults\":7,\"startIndex\":1,\"itemsPerPage\":1}";
        wm.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/flows/tasks"))
                .willReturn(json(page)));
        String flows = "{\"Resources\":[" + FLOW_JSON + "],\"totalResults\":9,\"startIndex\":3,\"itemsPerPage\":1}";
        wm.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/flows/"))
                .willReturn(json(flows)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void asyncSendsWhatSyncSendsAndReturnsTheSameValue(Pair pair) throws Exception {
        stubEverything();
        Object expected = pair.sync().apply(client);
        LoggedRequest syncRequest = requests(wm).get(0);
        wm.resetRequests();

        CompletableFuture<?> future = pair.async().apply(client);
        Object actual = future.get(10, TimeUnit.SECONDS);
        List<LoggedRequest> sent = requests(wm);
        assertEquals(1, sent.size(), "exactly one request");
        LoggedRequest asyncRequest = sent.get(0);

        assertEquals(syncRequest.getMethod(), asyncRequest.getMethod());
        assertEquals(syncRequest.getUrl(), asyncRequest.getUrl());
        assertEquals(syncRequest.getBodyAsString(), asyncRequest.getBodyAsString());
        for (String h : List.of("Authorization", "User-Agent", "Accept", "Content-Type")) {
            assertEquals(syncRequest.getHeader(h), asyncRequest.getHeader(h), h);
        }
        assertEquals("Bearer " + TOKEN, asyncRequest.getHeader("Authorization"));
        assertEquals(String.valueOf(expected), String.valueOf(actual));
    }

    @Test
    void partialFlowCancellationCompletesNormally() throws Exception {
        wm.stubFor(post(anyUrl()).willReturn(json(207, CANCEL_207)));
        FlowCancellation c = client.flows().cancelAsync("flow-1").get(10, TimeUnit.SECONDS);
        assertEquals(207, c.statusCode());
        assertTrue(c.isPartial());
        assertEquals(List.of("j2"), c.notCanceledJobs());
    }

    // ---- errors arrive through the future, typed as in the blocking form ----

    private static Throwable failureOf(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void notFoundFailsGetAndEmptiesFind() throws Exception {
        wm.stubFor(get(anyUrl()).willReturn(json(404, "{\"code\":404,\"message\":\"no such task\"}")));
        NotFoundException e = assertInstanceOf(NotFoundException.class, failureOf(client.tasks().getAsync("t-9")));
        assertEquals(404, e.statusCode());
        assertEquals(Optional.empty(), client.tasks().findAsync("t-9").get(10, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), client.flows().findAsync("f-9").get(10, TimeUnit.SECONDS));
    }

    @Test
    void findDoesNotHideOtherErrors() {
        wm.stubFor(get(anyUrl()).willReturn(json(401, "{\"code\":\"401\",\"message\":\"bad token " + TOKEN + "\"}")));
        Throwable t = failureOf(client.tasks().findAsync("t-1"));
        assertInstanceOf(UnauthorizedException.class, t);
        assertFalse(t.getMessage().contains(TOKEN), t.getMessage());
        assertFalse(String.valueOf(((UnauthorizedException) t).responseBody()).contains(TOKEN));
    }

    @Test
    void malformedBodyAndTransportFailureAreTyped() {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html>login</html>")));
        MalformedResponseException m = assertInstanceOf(MalformedResponseException.class,
                failureOf(client.tasks().getAsync("t-1")));
        assertEquals(200, m.statusCode());

        wm.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        FlowsTransportException t = assertInstanceOf(FlowsTransportException.class,
                failureOf(client.flows().getAsync("f-1")));
        assertTrue(t.getMessage().contains("GET"), t.getMessage());
    }

    @Test
    void countFailsWhenTheAnswerHasNoTotal() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"Resources\":[]}")));
        assertInstanceOf(io.flowsdk.client.error.FlowsException.class, failureOf(client.tasks().list().countAsync()));
    }

    // ---- bad input and a closed client fail at once, before anything is sent ----

    @Test
    void badArgumentsThrowAtOnceAndSendNothing() {
        assertThrows(NullPointerException.class, () -> client.tasks().getAsync(null));
        assertThrows(IllegalArgumentException.class, () -> client.tasks().getAsync(" "));
        assertThrows(IllegalArgumentException.class, () -> client.tasks().findAsync(".."));
        assertThrows(IllegalArgumentException.class, () -> client.flows().getAsync("tasks"));
        assertThrows(IllegalArgumentException.class, () -> client.flows().cancelAsync("."));
        assertThrows(NullPointerException.class, () -> client.tasks().createAsync(null));
        assertThrows(NullPointerException.class, () -> client.tasks().createAsync(new Task(), null));
        assertThrows(NullPointerException.class, () -> client.tasks().completeAsync("t", null));
        assertThrows(NullPointerException.class, () -> client.tasks().completeAsync("t", Map.of(), null));
        assertThrows(NullPointerException.class, () -> client.tasks().cancelAsync("t", null));
        assertThrows(NullPointerException.class, () -> client.flows().cancelAsync("f", null));
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void aClosedClientThrowsAtOnce() {
        client.close();
        assertThrows(IllegalStateException.class, () -> client.tasks().getAsync("t-1"));
        assertThrows(IllegalStateException.class, () -> client.flows().cancelAsync("f-1"));
        assertThrows(IllegalStateException.class, () -> client.tasks().list().firstPageAsync());
        assertThrows(IllegalStateException.class, () -> client.tasks().awaitAsync("t-1", t -> true, Duration.ofSeconds(1)));
        assertEquals(0, wm.getAllServeEvents().size());
    }

    // ---- non-blocking, retries, cancellation ----

    @Test
    void returnsBeforeTheServerAnswers() throws Exception {
        wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON).withFixedDelay(700)));
        long t0 = System.nanoTime();
        CompletableFuture<Task> f = client.tasks().getAsync("task-1");
        long returnedMs = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(f.isDone());
        assertTrue(returnedMs < 500, "returned after " + returnedMs + " ms");
        assertEquals("task-1", f.get(10, TimeUnit.SECONDS).getId());
    }

    @Test
    void manyCallsToOneHostRunConcurrently() throws Exception {
        // the server answers only once all 12 requests wait at the same time: OkHttp's default of
        // 5 calls per host would never get there
        try (BarrierServer server = new BarrierServer(12, TASK_JSON);
             FlowsClient c = FlowsClient.builder().baseUrl("http://localhost:" + server.port() + "/api/v1")
                     .retryPolicy(RetryPolicy.none()).build()) {
            List<CompletableFuture<Task>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                all.add(c.tasks().getAsync("t-" + i));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            assertEquals(12, server.arrived());
        }
    }

    @Test
    void retriesAGetThenSucceedsHonouringRetryAfter() throws Exception {
        VirtualTime time = VirtualTime.auto();
        try (FlowsClient c = WireMockSupport.builder(wm).retryPolicy(RetryPolicy.defaults()).clock(time).build()) {
            wm.stubFor(get(anyUrl()).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(json(503, "{}")).willSetStateTo("limited"));
            wm.stubFor(get(anyUrl()).inScenario("r").whenScenarioStateIs("limited")
                    .willReturn(json(429, "{}").withHeader("Retry-After", "2")).willSetStateTo("ok"));
            wm.stubFor(get(anyUrl()).inScenario("r").whenScenarioStateIs("ok").willReturn(json(TASK_JSON)));
            assertEquals("task-1", c.tasks().getAsync("task-1").get(10, TimeUnit.SECONDS).getId());
            assertEquals(3, requests(wm).size());
            assertEquals(2, time.waits().size());
            assertEquals(Duration.ofSeconds(2), time.waits().get(1), "Retry-After honoured");
        }
    }

    @Test
    void aPostIsNotRetriedOnA503ButIsOnA429() throws Exception {
        try (FlowsClient c = WireMockSupport.builder(wm).retryPolicy(RetryPolicy.defaults()).build()) {
            wm.stubFor(post(anyUrl()).willReturn(json(503, "{}")));
            assertInstanceOf(ServerException.class, failureOf(c.tasks().completeAsync("t-1")));
            assertEquals(1, requests(wm).size());

            wm.resetAll();
            wm.stubFor(post(anyUrl()).willReturn(json(429, "{}").withHeader("Retry-After", "0")));
            RateLimitedException e = assertInstanceOf(RateLimitedException.class,
                    failureOf(c.tasks().cancelAsync("t-1")));
            assertEquals(429, e.statusCode());
            assertEquals(3, requests(wm).size(), "maxAttempts");
        }
    }

    @Test
    void theTokenProviderIsAskedForEveryAttempt() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).retryPolicy(RetryPolicy.defaults())
                .tokenProvider(() -> "tok-" + n.incrementAndGet()).build()) {
            wm.stubFor(get(anyUrl()).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(json(503, "{}")).willSetStateTo("ok"));
            wm.stubFor(get(anyUrl()).inScenario("t").whenScenarioStateIs("ok").willReturn(json(TASK_JSON)));
            c.tasks().getAsync("task-1").get(10, TimeUnit.SECONDS);
            assertEquals(2, n.get());
            assertEquals(java.util.Set.of("Bearer tok-1", "Bearer tok-2"), requests(wm).stream()
                    .map(r -> r.getHeader("Authorization")).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void aFailingTokenProviderFailsTheFuture() {
        try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).tokenProvider(() -> {
            throw new IllegalStateException("vault unreachable");
        }).build()) {
            Throwable t = failureOf(c.tasks().getAsync("task-1"));
            assertInstanceOf(io.flowsdk.client.error.AuthenticationException.class, t);
            assertEquals("vault unreachable", t.getCause().getMessage());
            assertEquals(0, requests(wm).size());
        }
    }

    @Test
    void totalTimeoutEndsTheFuture() {
        wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON).withFixedDelay(3_000)));
        try (FlowsClient c = WireMockSupport.builder(wm).retryPolicy(RetryPolicy.defaults())
                .timeout(Duration.ofMillis(200)).totalTimeout(Duration.ofMillis(600)).build()) {
            long t0 = System.nanoTime();
            assertInstanceOf(FlowsTransportException.class, failureOf(c.tasks().getAsync("task-1")));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 2_000, "took " + ms + " ms");
        }
    }

    /** Records calls that OkHttp reports as cancelled. */
    private static final class CancelListener extends EventListener {
        final CountDownLatch cancelled = new CountDownLatch(1);

        @Override
        public void canceled(Call call) {
            cancelled.countDown();
        }
    }

    @Test
    void cancellingTheFutureCancelsTheCall() throws Exception {
        wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON).withFixedDelay(5_000)));
        CancelListener listener = new CancelListener();
        OkHttpClient http = new OkHttpClient.Builder().eventListener(listener).build();
        try (FlowsClient c = WireMockSupport.builder(wm).httpClient(http).build()) {
            CompletableFuture<Optional<Task>> f = c.tasks().findAsync("task-1"); // a derived future
            waitForRequests(1);
            assertTrue(f.cancel(true));
            assertTrue(listener.cancelled.await(2, TimeUnit.SECONDS), "the HTTP call was cancelled");
            assertThrows(CancellationException.class, f::join);
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void cancellingDuringARetryWaitStopsFurtherAttempts() throws Exception {
        wm.stubFor(get(anyUrl()).willReturn(json(503, "{}")));
        VirtualTime time = VirtualTime.manual();
        try (FlowsClient c = WireMockSupport.builder(wm)
                .retryPolicy(RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(400))
                        .maxBackoff(Duration.ofMillis(400)).build())
                .clock(time).build()) {
            CompletableFuture<Task> f = c.tasks().getAsync("task-1");
            awaitPending(time, 1);
            f.cancel(true);
            assertEquals(0, time.pending(), "the scheduled retry was called off");
            time.advance(Duration.ofMinutes(1));
            assertEquals(1, requests(wm).size(), "no attempt after cancel");
        }
    }

    @Test
    void closingTheClientEndsEveryPendingFuture() throws Exception {
        wm.stubFor(get("/api/v1/flows/tasks/slow").willReturn(json(TASK_JSON).withFixedDelay(5_000)));
        wm.stubFor(get("/api/v1/flows/tasks/flaky").willReturn(json(503, "{}")));
        VirtualTime time = VirtualTime.manual();
        FlowsClient c = WireMockSupport.builder(wm)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofSeconds(2))
                        .maxBackoff(Duration.ofSeconds(2)).build())
                .random(() -> 1.0).clock(time).build();
        CompletableFuture<Task> inFlight = c.tasks().getAsync("slow");
        CompletableFuture<Task> waitingToRetry = c.tasks().getAsync("flaky");
        CompletableFuture<Task> polling = c.tasks().awaitAsync("slow", t -> false, Duration.ofMinutes(1));
        waitForRequests(3);
        awaitPending(time, 1);
        c.close();
        // all three end at once (no timer has to fire, no answer has to come), as failures of the call
        assertTrue(inFlight.isCompletedExceptionally() && waitingToRetry.isCompletedExceptionally()
                && polling.isCompletedExceptionally(), "every pending future ended within close()");
        assertInstanceOf(FlowsTransportException.class, failureOf(inFlight));
        assertInstanceOf(FlowsTransportException.class, failureOf(waitingToRetry));
        assertInstanceOf(FlowsTransportException.class, failureOf(polling));
        assertTrue(failureOf(waitingToRetry).getMessage().contains("closed"), failureOf(waitingToRetry).getMessage());
        time.advance(Duration.ofMinutes(2));
        assertEquals(3, requests(wm).size(), "nothing was sent after close()");
    }

    @Test
    void retryWaitsHoldNoThread() throws Exception {
        // 20 calls each waiting 300 ms (virtual) before their retry: no thread may wait for them
        wm.stubFor(get(anyUrl()).willReturn(json(503, "{}")));
        VirtualTime time = VirtualTime.manual();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (FlowsClient c = WireMockSupport.builder(wm)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(300))
                        .maxBackoff(Duration.ofMillis(300)).build())
                .random(() -> 1.0).clock(time).build()) {
            List<CompletableFuture<Task>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                all.add(c.tasks().getAsync("t-" + i));
            }
            awaitPending(time, 20);
            long waitingInSdk = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> !before.contains(e.getKey()))
                    .filter(e -> Stream.of(e.getValue()).anyMatch(f -> f.getClassName().startsWith("io.flowsdk.client")
                            && !f.getClassName().startsWith("io.flowsdk.client.testing")))
                    .filter(e -> e.getKey().getState() != Thread.State.RUNNABLE)
                    .count();
            assertEquals(0, waitingInSdk, "threads parked inside the SDK while calls wait to retry");
            time.advance(Duration.ofMillis(300));
            for (CompletableFuture<Task> f : all) {
                assertInstanceOf(ServerException.class, failureOf(f));
            }
            assertEquals(40, requests(wm).size());
        }
    }

    /** Waits (really, briefly) until the client has scheduled {@code n} retries on the virtual clock. */
    private static void awaitPending(VirtualTime time, int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (time.pending() < n) {
            if (System.nanoTime() > until) {
                throw new AssertionError("only " + time.pending() + " of " + n + " retries were scheduled");
            }
            Thread.sleep(5);
        }
    }

    private static void waitForRequests(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (wm.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount() < n) {
            if (System.nanoTime() > until) {
                throw new AssertionError("fewer than " + n + " requests arrived");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void httpLoggerMasksTheTokenOnDispatcherThreads() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        wm.stubFor(any(anyUrl()).willReturn(json(TASK_JSON).withHeader("X-Echo", "Bearer " + TOKEN)));
        try (FlowsClient c = WireMockSupport.builder(wm).httpLogger(lines::add).build()) {
            c.tasks().getAsync("task-1").get(10, TimeUnit.SECONDS);
            c.tasks().completeAsync("task-1").get(10, TimeUnit.SECONDS);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("X-Echo")), String.valueOf(lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("/flows/tasks/task-1/.complete")), String.valueOf(lines));
        for (String line : lines) {
            assertFalse(line.contains(TOKEN), line);
        }
    }
}
