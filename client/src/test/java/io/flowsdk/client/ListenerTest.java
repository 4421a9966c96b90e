package io.flowsdk.client;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.error.UnauthorizedException;
import io.flowsdk.client.event.AttemptEnded;
import io.flowsdk.client.event.AttemptStarted;
import io.flowsdk.client.event.CallEnded;
import io.flowsdk.client.event.CallInfo;
import io.flowsdk.client.event.CallStarted;
import io.flowsdk.client.event.Outcome;
import io.flowsdk.client.event.PartialResult;
import io.flowsdk.client.event.RetryReason;
import io.flowsdk.client.event.RetryScheduled;
import io.flowsdk.client.event.TokenFetchFailed;
import io.flowsdk.client.event.TokenFetchReason;
import io.flowsdk.client.event.TokenFetched;
import io.flowsdk.client.internal.Observer;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.testing.RecordingListener;
import io.flowsdk.client.testing.VirtualTime;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.flowsdk.client.WireMockSupport.TASK_JSON;
import static io.flowsdk.client.WireMockSupport.TOKEN;
import static io.flowsdk.client.WireMockSupport.json;
import static io.flowsdk.client.WireMockSupport.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Listener events of single calls against WireMock: order, fields, threads, retries, failures,
 * asynchronous calls, cancellation, client credentials, 207, headers, and listeners that throw.
 * Paging events are in {@link ListenerPagingTest}.
 */
class ListenerTest extends WireMockTestBase {
    /** An id that must never show up in an event. */
    static final String ID = "task-0815-secret-id";
    static final String TASK_PATH = "/api/v1/flows/tasks/" + ID;
    static final List<String> ONE_ATTEMPT = List.of("callStarted", "attemptStarted", "attemptEnded", "callEnded");

    private final RecordingListener events = new RecordingListener();

    private FlowsClient client(FlowsClient.Builder b) {
        FlowsClient c = b.listener(events).build();
        client.close();
        client = c; // closed after the test
        return c;
    }

    private FlowsClient client() {
        return client(WireMockSupport.builder(wm));
    }

    private static void assertNothingSecret(RecordingListener events) {
        String all = events.toString();
        assertFalse(all.contains(ID), "an id in an event: " + all);
        assertFalse(all.contains(TOKEN), "the token in an event: " + all);
        assertFalse(all.contains("?"), "a query in an event: " + all);
    }

    // ------------------------------------------------------------------ one call

    @Test
    void aSuccessfulCallReportsFourEventsWithItsFields() {
        wm.stubFor(get(urlEqualTo(TASK_PATH)).willReturn(json(TASK_JSON)));
        client().tasks().get(ID);

        assertEquals(ONE_ATTEMPT, events.names());
        CallInfo call = events.of(CallStarted.class).get(0).call();
        assertEquals("tasks.get", call.operation());
        assertEquals("GET", call.method());
        assertEquals("/flows/tasks/{id}", call.pathTemplate());
        assertEquals("localhost", call.serverAddress());
        assertEquals(wm.port(), call.serverPort());
        assertEquals(0, call.iterationId());
        assertFalse(call.isPage());
        assertTrue(call.callId() > 0);

        AttemptStarted as = events.of(AttemptStarted.class).get(0);
        assertSame(call, as.call(), "one CallInfo per call, shared by its events");
        assertEquals(1, as.attempt());
        AttemptEnded ae = events.of(AttemptEnded.class).get(0);
        assertEquals(1, ae.attempt());
        assertEquals(200, ae.statusCode());
        assertEquals(Outcome.SUCCESS, ae.outcome());
        assertNull(ae.exceptionClass());
        assertFalse(ae.duration().isNegative());
        CallEnded ce = events.of(CallEnded.class).get(0);
        assertSame(call, ce.call());
        assertEquals(200, ce.statusCode());
        assertEquals(1, ce.attempts());
        assertEquals(Outcome.SUCCESS, ce.outcome());
        assertNull(ce.exceptionClass());
        assertTrue(ce.duration().compareTo(ae.duration()) >= 0);

        String me = Thread.currentThread().getName();
        assertTrue(events.all().stream().allMatch(s -> s.thread().equals(me)), "blocking: all on the caller's thread");
        assertNothingSecret(events);
    }

    @Test
    void operationsAndTemplatesOfEveryCall() {
        wm.stubFor(get(urlPathMatching("/api/v1/flows/.*")).willReturn(json(TASK_JSON)));
        wm.stubFor(post(urlPathMatching("/api/v1/flows/.*")).willReturn(json(TASK_JSON)));
        wm.stubFor(post(urlEqualTo("/api/v1/flows/flow-1/.cancel")).willReturn(json(
                "{\"flowId\":\"flow-1\",\"flowStatus\":\"canceled\",\"canceledJobs\":[],\"notCanceledJobs\":[]}")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).willReturn(json(
                "{\"totalResults\":0,\"startIndex\":1,\"itemsPerPage\":0,\"Resources\":[]}")));
        FlowsClient c = client();
        c.tasks().get(ID);
        c.tasks().create(new Task().displayName("x"));
        c.tasks().complete(ID, Map.of("ok", true));
        c.tasks().cancel(ID, Change.reason("why"));
        c.flows().get("flow-1");
        c.flows().cancel("flow-1");
        c.tasks().list().count();

        List<String> seen = new ArrayList<>();
        for (CallStarted s : events.of(CallStarted.class)) {
            seen.add(s.call().operation() + " " + s.call().method() + " " + s.call().pathTemplate());
        }
        assertEquals(List.of("tasks.get GET /flows/tasks/{id}", "tasks.create POST /flows/tasks",
                "tasks.complete POST /flows/tasks/{id}/.complete", "tasks.cancel POST /flows/tasks/{id}/.cancel",
                "flows.get GET /flows/{id}", "flows.cancel POST /flows/{id}/.cancel", "tasks.list GET /flows/tasks"),
                seen);
        assertEquals(List.of(), events.of(PartialResult.class), "a 200 cancel without failed jobs is not partial");
        assertNothingSecret(events);
    }

    @Test
    void eachCallHasItsOwnCallId() {
        wm.stubFor(get(urlEqualTo(TASK_PATH)).willReturn(json(TASK_JSON)));
        FlowsClient c = client();
        c.tasks().get(ID);
        c.tasks().get(ID);
        List<CallStarted> started = events.of(CallStarted.class);
        assertTrue(started.get(0).call().callId() != started.get(1).call().callId());
        assertEquals(ONE_ATTEMPT, events.namesOfCall(started.get(1).call().callId()));
    }

    // ------------------------------------------------------------------ retries and failures

    @Test
    void aRetriedCallReportsEachAttemptAndTheRetryBetween() {
        VirtualTime time = VirtualTime.auto();
        wm.stubFor(get(urlEqualTo(TASK_PATH)).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(get(urlEqualTo(TASK_PATH)).inScenario("r").whenScenarioStateIs("ok").willReturn(json(TASK_JSON)));
        client(WireMockSupport.builder(wm).retryPolicy(RetryPolicy.defaults()).clock(time)).tasks().get(ID);

        assertEquals(List.of("callStarted", "attemptStarted", "attemptEnded", "retryScheduled", "attemptStarted",
                "attemptEnded", "callEnded"), events.names());
        List<AttemptEnded> attempts = events.of(AttemptEnded.class);
        assertEquals(503, attempts.get(0).statusCode());
        assertEquals(Outcome.SERVER_ERROR, attempts.get(0).outcome());
        assertEquals(ServerException.class, attempts.get(0).exceptionClass());
        assertEquals(2, attempts.get(1).attempt());
        assertEquals(200, attempts.get(1).statusCode());
        RetryScheduled retry = events.of(RetryScheduled.class).get(0);
        assertEquals(1, retry.failedAttempt());
        assertEquals(RetryReason.SERVER_ERROR, retry.reason());
        assertEquals(503, retry.statusCode());
        assertEquals(time.waits(), List.of(retry.delay()), "the delay the client then waited");
        assertFalse(retry.fromRetryAfter());
        CallEnded end = events.of(CallEnded.class).get(0);
        assertEquals(2, end.attempts());
        assertEquals(Outcome.SUCCESS, end.outcome());
        assertTrue(end.duration().compareTo(retry.delay()) >= 0, "the call's duration includes the wait");
    }

    @Test
    void rateLimitingReportsRetryAfter() {
        VirtualTime time = VirtualTime.auto();
        wm.stubFor(post(urlEqualTo("/api/v1/flows/tasks/" + ID + "/.complete")).inScenario("r")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo("/api/v1/flows/tasks/" + ID + "/.complete")).inScenario("r")
                .whenScenarioStateIs("ok").willReturn(json(TASK_JSON)));
        client(WireMockSupport.builder(wm).retryPolicy(RetryPolicy.defaults()).clock(time)).tasks().complete(ID);

        AttemptEnded first = events.of(AttemptEnded.class).get(0);
        assertEquals(429, first.statusCode());
        assertEquals(Outcome.RATE_LIMITED, first.outcome());
        assertEquals(RateLimitedException.class, first.exceptionClass());
        RetryScheduled retry = events.of(RetryScheduled.class).get(0);
        assertEquals(RetryReason.RATE_LIMITED, retry.reason());
        assertEquals(Duration.ofSeconds(2), retry.delay());
        assertTrue(retry.fromRetryAfter());
        assertEquals(List.of(Duration.ofSeconds(2)), time.waits());
    }

    @Test
    void aFailedCallReportsItsOutcomeAndExceptionClass() {
        wm.stubFor(get(urlEqualTo(TASK_PATH)).willReturn(json(404, "{\"code\":404,\"message\":\"no " + ID + "\"}")));
        assertThrows(NotFoundException.class, () -> client().tasks().get(ID));
        assertEquals(ONE_ATTEMPT, events.names());
        CallEnded end = events.of(CallEnded.class).get(0);
        assertEquals(404, end.statusCode());
        assertEquals(Outcome.CLIENT_ERROR, end.outcome());
        assertEquals(NotFoundException.class, end.exceptionClass());
        assertEquals(1, end.attempts());
        assertNothingSecret(events);
    }

    @Test
    void aConnectionFailureOfAPostIsAnIoErrorWithoutStatus() {
        wm.stubFor(post(urlEqualTo("/api/v1/flows/tasks/" + ID + "/.cancel"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThrows(FlowsTransportException.class,
                () -> client(WireMockSupport.builder(wm).retryPolicy(RetryPolicy.defaults())).tasks().cancel(ID));
        // a POST that may have been sent is not retried; its task is read back to reconcile (here: 404)
        List<String> reconciled = new ArrayList<>(ONE_ATTEMPT);
        reconciled.addAll(ONE_ATTEMPT);
        assertEquals(reconciled, events.names());
        assertEquals("tasks.get", events.of(CallStarted.class).get(1).call().operation());
        CallEnded end = events.of(CallEnded.class).get(0);
        assertEquals(0, end.statusCode());
        assertEquals(Outcome.IO_ERROR, end.outcome());
        assertEquals(FlowsTransportException.class, end.exceptionClass());
    }

    @Test
    void aTimeoutIsReportedAsSuch() {
        wm.stubFor(get(urlEqualTo(TASK_PATH)).willReturn(json(TASK_JSON).withFixedDelay(2_000)));
        assertThrows(FlowsTransportException.class,
                () -> client(WireMockSupport.builder(wm).timeout(Duration.ofMillis(200))).tasks().get(ID));
        assertEquals(Outcome.TIMEOUT, events.of(AttemptEnded.class).get(0).outcome());
        assertEquals(Outcome.TIMEOUT, events.of(CallEnded.class).get(0).outcome());
    }

    // ------------------------------------------------------------------ asynchronous calls

    @Test
    void anAsyncCallReportsTheSameEventsOnOkHttpsThreads() throws Exception {
        VirtualTime time = VirtualTime.auto();
        wm.stubFor(get(urlEqualTo(TASK_PATH)).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        wm.stubFor(get(urlEqualTo(TASK_PATH)).inScenario("r").whenScenarioStateIs("ok").willReturn(json(TASK_JSON)));
        client(WireMockSupport.builder(wm).retryPolicy(RetryPolicy.defaults()).clock(time)).tasks().getAsync(ID)
                .get(10, TimeUnit.SECONDS);

        assertEquals(List.of("callStarted", "attemptStarted", "attemptEnded", "retryScheduled", "attemptStarted",
                "attemptEnded", "callEnded"), events.names());
        List<RecordingListener.Seen> all = events.all();
        String me = Thread.currentThread().getName();
        assertEquals(me, all.get(0).thread(), "callStarted on the caller's thread");
        assertEquals(me, all.get(1).thread(), "the first attempt starts on the caller's thread");
        assertTrue(all.get(2).thread().startsWith("OkHttp"), "attemptEnded on OkHttp's thread: " + all.get(2));
        assertTrue(all.get(3).thread().startsWith("OkHttp"), "retryScheduled with it: " + all.get(3));
        assertFalse(all.get(4).thread().equals(me), "the retry starts off the caller's thread: " + all.get(4));
        assertTrue(all.get(6).thread().startsWith("OkHttp"), "callEnded on OkHttp's thread: " + all.get(6));
        assertEquals(2, events.of(CallEnded.class).get(0).attempts());
    }

    @Test
    void cancellingAnAsyncCallEndsItsAttemptAndTheCallOnceAndNothingComesAfter() throws Exception {
        wm.stubFor(get(urlEqualTo(TASK_PATH)).willReturn(json(TASK_JSON).withFixedDelay(5_000)));
        OkHttpClient shared = new OkHttpClient();
        CountDownLatch idle = new CountDownLatch(1);
        try {
            FlowsClient c = client(WireMockSupport.builder(wm).httpClient(shared));
            CompletableFuture<Task> f = c.tasks().getAsync(ID);
            assertEquals(List.of("callStarted", "attemptStarted"), events.names(), "the attempt is in flight");
            shared.dispatcher().setIdleCallback(idle::countDown);
            assertTrue(f.cancel(true));
            // OkHttp reports the cancelled request's failure to the SDK, then goes idle
            assertTrue(idle.await(10, TimeUnit.SECONDS), "OkHttp finished the cancelled call");

            assertEquals(ONE_ATTEMPT, events.names(), "the attempt ends before the call; nothing after callEnded");
            assertEquals(Outcome.CANCELLED, events.of(AttemptEnded.class).get(0).outcome());
            CallEnded end = events.of(CallEnded.class).get(0);
            assertEquals(Outcome.CANCELLED, end.outcome());
            assertEquals(FlowsTransportException.class, end.exceptionClass());
            assertEquals(1, end.attempts());
            assertEquals(Thread.currentThread().getName(), events.all().get(3).thread(),
                    "callEnded on the thread that cancelled");
        } finally {
            shared.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void closingTheClientEndsCallsInFlightAsCancelled() throws Exception {
        wm.stubFor(get(urlEqualTo(TASK_PATH)).willReturn(json(TASK_JSON).withFixedDelay(5_000)));
        FlowsClient c = client();
        CompletableFuture<Task> f = c.tasks().getAsync(ID);
        assertEquals(List.of("callStarted", "attemptStarted"), events.names(), "the attempt is in flight");
        c.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertInstanceOf(FlowsTransportException.class, e.getCause());
        assertEquals(ONE_ATTEMPT, events.names());
        assertEquals(Outcome.CANCELLED, events.of(CallEnded.class).get(0).outcome());
    }

    // ------------------------------------------------------------------ 207

    @Test
    void aPartialCancelIsReportedAfterItsCall() throws Exception {
        wm.stubFor(post(urlEqualTo("/api/v1/flows/flow-1/.cancel")).willReturn(json(207,
                "{\"flowId\":\"flow-1\",\"flowStatus\":\"canceled\",\"canceledJobs\":[\"j1\",\"j2\"],"
                        + "\"notCanceledJobs\":[\"j3\"],\"taskIds\":[]}")));
        FlowsClient c = client();
        assertTrue(c.flows().cancel("flow-1").isPartial());
        assertTrue(c.flows().cancelAsync("flow-1").get(10, TimeUnit.SECONDS).isPartial());

        List<CallStarted> calls = events.of(CallStarted.class);
        for (CallStarted s : calls) {
            assertEquals(List.of("callStarted", "attemptStarted", "attemptEnded", "callEnded", "partialResult"),
                    events.namesOfCall(s.call().callId()));
        }
        List<PartialResult> partial = events.of(PartialResult.class);
        assertEquals(2, partial.size());
        for (int i = 0; i < 2; i++) {
            PartialResult p = partial.get(i);
            assertEquals(calls.get(i).call().callId(), p.callId());
            assertEquals("flows.cancel", p.operation());
            assertEquals(207, p.statusCode());
            assertEquals(2, p.succeeded());
            assertEquals(1, p.failed());
        }
        assertEquals(207, events.of(CallEnded.class).get(0).statusCode());
        assertEquals(Outcome.SUCCESS, events.of(CallEnded.class).get(0).outcome());
    }

    // ------------------------------------------------------------------ client credentials

    private FlowsClient credentialsClient(VirtualTime time) {
        return client(WireMockSupport.builderWithoutAuth(wm).clock(time)
                .credentials(io.flowsdk.client.auth.ClientCredentials.builder().clientId("id").clientSecret("s3cr3t")
                        .refreshBefore(Duration.ofSeconds(60)).build()));
    }

    private static String tokenJson(String token, long expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"bearer\"}";
    }

    @Test
    void theTokenRequestIsACallInsideTheCallThatNeedsIt() {
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(json(tokenJson("eyJ.tok-1", 3600))));
        wm.stubFor(get(urlEqualTo(TASK_PATH)).willReturn(json(TASK_JSON)));
        credentialsClient(VirtualTime.auto()).tasks().get(ID);

        assertEquals(List.of("callStarted", "callStarted", "attemptStarted", "attemptEnded", "callEnded",
                "tokenFetched", "attemptStarted", "attemptEnded", "callEnded"), events.names());
        CallInfo token = events.of(CallStarted.class).get(1).call();
        assertEquals("oauth2.token", token.operation());
        assertEquals("POST", token.method());
        assertEquals("/oauth2/token", token.pathTemplate());
        assertEquals(wm.port(), token.serverPort());
        TokenFetched fetched = events.of(TokenFetched.class).get(0);
        assertEquals(TokenFetchReason.INITIAL, fetched.reason());
        assertEquals(Duration.ofHours(1), fetched.lifetime());
        assertFalse(events.toString().contains("tok-1"), "the token is never in an event");
        assertFalse(events.toString().contains("s3cr3t"));
    }

    @Test
    void refreshAheadExpiryAndRejectionAreTheReasonsOfLaterFetches() {
        VirtualTime time = VirtualTime.manual();
        // a new token on every request: after a 401 the client must send a different one
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(json(
                tokenJson("eyJ.tok-{{randomValue length=16 type='ALPHANUMERIC'}}", 600))
                .withTransformers("response-template")));
        wm.stubFor(get(urlEqualTo(TASK_PATH)).willReturn(json(TASK_JSON)));
        FlowsClient c = credentialsClient(time);
        c.tasks().get(ID);                                   // INITIAL
        time.advance(Duration.ofSeconds(550));               // within 60 s of expiry
        c.tasks().get(ID);                                   // REFRESH_AHEAD, beside the call
        awaitTokenEvents(2);
        time.advance(Duration.ofSeconds(601));               // the refreshed token expired too
        c.tasks().get(ID);                                   // EXPIRED
        wm.stubFor(get(urlEqualTo(TASK_PATH)).inScenario("401").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(401, "{\"code\":401}")).willSetStateTo("ok"));
        wm.stubFor(get(urlEqualTo(TASK_PATH)).inScenario("401").whenScenarioStateIs("ok").willReturn(json(TASK_JSON)));
        c.tasks().get(ID);                                   // REJECTED, after the 401

        assertEquals(List.of(TokenFetchReason.INITIAL, TokenFetchReason.REFRESH_AHEAD, TokenFetchReason.EXPIRED,
                TokenFetchReason.REJECTED), events.of(TokenFetched.class).stream().map(TokenFetched::reason).toList());
        RetryScheduled retry = events.of(RetryScheduled.class).get(0);
        assertEquals(RetryReason.UNAUTHORIZED, retry.reason());
        assertEquals(401, retry.statusCode());
        assertEquals(Duration.ZERO, retry.delay());
        assertEquals(UnauthorizedException.class, events.of(AttemptEnded.class).stream()
                .filter(a -> a.statusCode() == 401).findFirst().orElseThrow().exceptionClass());
    }

    private void awaitTokenEvents(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.of(TokenFetched.class).size() + events.of(TokenFetchFailed.class).size() < n) {
            assertTrue(System.nanoTime() < deadline, "no token event: " + events);
            Thread.yield();
        }
    }

    @Test
    void aFailedTokenRequestFailsTheCallBeforeItsFirstAttempt() {
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}")));
        assertThrows(AuthenticationException.class, () -> credentialsClient(VirtualTime.auto()).tasks().get(ID));

        List<CallStarted> calls = events.of(CallStarted.class);
        assertEquals("tasks.get", calls.get(0).call().operation());
        assertEquals(List.of("callStarted", "callEnded"), events.namesOfCall(calls.get(0).call().callId()),
                "no attempt without a token");
        CallEnded end = events.of(CallEnded.class).stream().filter(e -> e.call().operation().equals("tasks.get"))
                .findFirst().orElseThrow();
        assertEquals(0, end.attempts());
        assertEquals(Outcome.AUTHENTICATION_ERROR, end.outcome());
        TokenFetchFailed failed = events.of(TokenFetchFailed.class).get(0);
        assertEquals(TokenFetchReason.INITIAL, failed.reason());
        assertEquals(AuthenticationException.class, failed.exceptionClass());
        assertEquals("invalid_client", failed.error());
        assertEquals(401, failed.statusCode());
        assertFalse(failed.previousTokenValid());
        assertEquals(List.of("callStarted", "callStarted", "attemptStarted", "attemptEnded", "callEnded",
                "tokenFetchFailed", "callEnded"), events.names());
        assertFalse(events.toString().contains("s3cr3t"));
    }

    // ------------------------------------------------------------------ headers

    @Test
    void listenersAddHeadersToEveryAttemptButNeverReplaceTheSdksOwn() {
        VirtualTime time = VirtualTime.auto();
        wm.stubFor(get(urlEqualTo(TASK_PATH)).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(get(urlEqualTo(TASK_PATH)).inScenario("r").whenScenarioStateIs("ok").willReturn(json(TASK_JSON)));
        events.withHeaders(a -> {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333" + a.attempt() + "-01");
            h.put("Authorization", "Bearer stolen");
            h.put("user-agent", "evil/1.0");
            h.put("Accept", "text/html");
            h.put("Bad Name", "x");
            h.put("X-Bad-Value", "line\nbreak");
            return h;
        });
        RecordingListener second = new RecordingListener().withHeaders(a -> Map.of("X-Second", "2"));
        List<LogRecord> logged = captureLog(() -> client(WireMockSupport.builder(wm).listener(second)
                .retryPolicy(RetryPolicy.defaults()).clock(time)).tasks().get(ID));

        List<LoggedRequest> sent = requests(wm);
        assertEquals(2, sent.size());
        for (LoggedRequest r : sent) {
            assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
            assertTrue(r.getHeader("User-Agent").startsWith("flows-java/"), r.getHeader("User-Agent"));
            assertEquals("application/json", r.getHeader("Accept"));
            assertFalse(r.containsHeader("Bad Name"));
            assertFalse(r.containsHeader("X-Bad-Value"));
            assertEquals("2", r.getHeader("X-Second"));
        }
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", sent.get(0).getHeader("traceparent"));
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203332-01", sent.get(1).getHeader("traceparent"));
        assertEquals(1, logged.size(), "refused headers are logged once per listener: " + logged);
        assertTrue(logged.get(0).getMessage().contains(RecordingListener.class.getName()));
    }

    // ------------------------------------------------------------------ listeners that throw

    static final class Throwing implements FlowsListener {
        int calls;

        private void boom() {
            calls++;
            throw new IllegalStateException("listener bug " + calls);
        }

        @Override
        public void callStarted(CallStarted event) {
            boom();
        }

        @Override
        public void attemptStarted(AttemptStarted event) {
            boom();
        }

        @Override
        public Map<String, String> attemptHeaders(AttemptStarted attempt) {
            boom();
            return null;
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            boom();
        }

        @Override
        public void callEnded(CallEnded event) {
            boom();
        }

        @Override
        public void partialResult(PartialResult event) {
            boom();
        }
    }

    @Test
    void aListenerThatThrowsNeverBreaksACallAndIsLoggedOnce() {
        wm.stubFor(get(urlEqualTo(TASK_PATH)).willReturn(json(TASK_JSON)));
        Throwing throwing = new Throwing();
        List<LogRecord> logged = captureLog(() -> {
            FlowsClient c = client(WireMockSupport.builder(wm).listener(throwing));
            assertEquals("task-1", c.tasks().get(ID).getId());
            assertEquals("task-1", c.tasks().getAsync(ID).join().getId());
        });
        assertEquals(10, throwing.calls, "every event still reached it");
        assertEquals(List.of("callStarted", "attemptStarted", "attemptEnded", "callEnded", "callStarted",
                "attemptStarted", "attemptEnded", "callEnded"), events.names(), "the other listener saw everything");
        assertEquals(1, logged.size(), "once per listener: " + logged);
        assertTrue(logged.get(0).getMessage().contains(Throwing.class.getName()), logged.get(0).getMessage());
        assertInstanceOf(IllegalStateException.class, logged.get(0).getThrown());
    }

    static List<LogRecord> captureLog(Runnable r) {
        Logger logger = Logger.getLogger(FlowsListener.class.getName());
        List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parent = logger.getUseParentHandlers();
        logger.addHandler(h);
        logger.setUseParentHandlers(false);
        try {
            r.run();
        } finally {
            logger.removeHandler(h);
            logger.setUseParentHandlers(parent);
        }
        return records;
    }

    // ------------------------------------------------------------------ cost

    @Test
    void aClientWithoutListenersHasNoObserver() {
        assertSame(Observer.NONE, client.observer(), "no listener: Observer.NONE, nothing is built");
        assertNotSame(Observer.NONE, client().observer());
    }
}
