package io.flowsdk.client.reliability;

import io.flowsdk.client.testing.RecordingListener;
import io.flowsdk.client.testing.VirtualTime;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.error.UnauthorizedException;
import io.flowsdk.client.event.AttemptEnded;
import io.flowsdk.client.event.CallEnded;
import io.flowsdk.client.event.CallStarted;
import io.flowsdk.client.event.IterationEnded;
import io.flowsdk.client.event.Outcome;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Faults x operations. Every fault is served once, then the server answers normally, so each case
 * shows both whether the pipeline retries and whether it retries only what it may: the outcome
 * (success after a retry or a typed exception), the requests the server saw (never a second POST
 * that may have been processed), the waits asked of the sleeper, and a time bound.
 */
class FaultMatrixTest extends ReliabilityServerTest {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    private static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(5);
    private static final String HUGE = "x".repeat(5 * 1024 * 1024);


    enum Op {
        GET(false), LIST_PAGE(false), ITERATE(false), CREATE(true), COMPLETE(true), CANCEL_TASK(true),
        CANCEL_FLOW(true),
        // the asynchronous forms: same requests, same rules, through OkHttp's enqueue and scheduled retries
        GET_ASYNC(false), LIST_PAGE_ASYNC(false), CREATE_ASYNC(true), COMPLETE_ASYNC(true),
        CANCEL_TASK_ASYNC(true), CANCEL_FLOW_ASYNC(true);

        final boolean post;

        Op(boolean post) {
            this.post = post;
        }

        /** The blocking operation this one is the async form of (or itself): same path, same answers. */
        Op sync() {
            return valueOf(name().replace("_ASYNC", ""));
        }
    }

    enum FaultCase {
        CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), true, false,
                FlowsTransportException.class),
        EMPTY_REPLY(aResponse().withFault(Fault.EMPTY_RESPONSE), true, false, FlowsTransportException.class),
        GARBAGE_CHUNK(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), true, false,
                FlowsTransportException.class),
        RANDOM_DATA_THEN_CLOSE(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), true, false,
                FlowsTransportException.class),
        TRUNCATED_JSON(okJson("{\"id\":\"t-1\",\"displayName\":\"Appr"), false, false,
                MalformedResponseException.class),
        MALFORMED_JSON(okJson("{\"id\": \"t-1\",, ]"), false, false, MalformedResponseException.class),
        HTML_200(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Login</body></html>"), false, false, MalformedResponseException.class),
        WRONG_CONTENT_TYPE(aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                .withBody("<task id=\"t-1\"/>"), false, false, MalformedResponseException.class),
        DELAY_PAST_TIMEOUT(okJson("{}").withFixedDelay(1500), true, false, FlowsTransportException.class),
        RATE_LIMITED_429(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("{\"code\":429,\"message\":\"slow down\",\"status\":\"Too Many Requests\"}"), true, true,
                RateLimitedException.class),
        STATUS_500(aResponse().withStatus(500).withBody("{\"code\":500,\"message\":\"boom\"}"), false, false,
                ServerException.class),
        STATUS_502(aResponse().withStatus(502).withBody("<html>bad gateway</html>"), true, false,
                ServerException.class),
        STATUS_503(aResponse().withStatus(503).withBody("unavailable"), true, false, ServerException.class),
        STATUS_504(aResponse().withStatus(504), true, false, ServerException.class),
        HUGE_ERROR_BODY(aResponse().withStatus(500).withHeader("Content-Type", "text/plain").withBody(HUGE), false,
                false, ServerException.class),
        /** Past the default maxResponseBytes (8 MiB): refused as it streams in, never retried. */
        OVERSIZED_BODY(okJson("{\"id\":\"t-1\",\"displayName\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}"), false,
                false, MalformedResponseException.class),
        /** 1.2 MB that would take over 50 MB once decoded: refused by the decoding budget. */
        OBJECT_HEAVY_BODY(okJson("{\"id\":\"t-1\",\"variables\":[" + "{},".repeat(400_000) + "{}]}"), false, false,
                MalformedResponseException.class),
        TOKEN_ECHOED_401(aResponse().withStatus(401).withHeader("X-Echo", "Bearer " + Support.TOKEN)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\" token=\"" + Support.TOKEN + "\"")
                .withBody("{\"code\":401,\"message\":\"token " + Support.TOKEN + " expired\"}"), false, false,
                UnauthorizedException.class);

        final ResponseDefinitionBuilder response;
        final boolean getRetries;
        final boolean postRetries;
        final Class<? extends Throwable> failure;

        FaultCase(ResponseDefinitionBuilder response, boolean getRetries, boolean postRetries,
                  Class<? extends Throwable> failure) {
            this.response = response;
            this.getRetries = getRetries;
            this.postRetries = postRetries;
            this.failure = failure;
        }

        Duration timeout() {
            return this == DELAY_PAST_TIMEOUT ? SHORT_TIMEOUT : NORMAL_TIMEOUT;
        }
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(FaultCase.values())
                .flatMap(f -> Arrays.stream(Op.values()).map(op -> Arguments.of(f, op)));
    }


    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("matrix")
    void faultOnce(FaultCase fault, Op op) {
        Support.FAULT_CASES.incrementAndGet();
        stubSuccess(op);
        MappingBuilder faulted = match(op).inScenario("fault").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault.response).willSetStateTo("ok");
        server.stubFor(faulted);
        server.stubFor(match(op).inScenario("fault").whenScenarioStateIs("ok").willReturn(success(op)));

        VirtualTime sleeper = VirtualTime.auto();
        Support.LogSink log = new Support.LogSink();
        boolean expectRetry = op.post ? fault.postRetries : fault.getRetries;
        List<String> delivered = new ArrayList<>();
        RecordingListener events = new RecordingListener();

        long t0 = System.nanoTime();
        Object[] outcome = new Object[1];
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                try (FlowsClient client = Support.builder(Support.baseUrl(server), fault.timeout(),
                        RetryPolicy.defaults(), sleeper, log).listener(events).build()) {
                    outcome[0] = run(op, client, delivered);
                } catch (Throwable e) {
                    outcome[0] = e;
                }
            });
        } catch (org.opentest4j.AssertionFailedError hang) {
            Support.HANGS.incrementAndGet();
            throw hang;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);

        // secrets: exceptions and log lines
        if (outcome[0] instanceof Throwable t) {
            Support.assertNoToken(t);
        }
        Support.assertNoToken(log);
        assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("Authorization: ")), "the logger saw requests");

        // requests
        int faultedCount = server.findAll(pattern(op)).size();
        int total = server.getAllServeEvents().size();
        Support.REQUESTS_OBSERVED.addAndGet(total);
        if (op.post) {
            int posts = server.findAll(postRequestedFor(urlPathEqualTo(path(op)))).size();
            int allowed = fault == FaultCase.RATE_LIMITED_429 ? 2 : 1;
            Support.DUPLICATE_POSTS.addAndGet(Math.max(0, posts - allowed));
            assertTrue(posts <= allowed, "duplicate POST: the server saw " + posts);
        }

        if (expectRetry) {
            if (outcome[0] instanceof Throwable t) {
                fail("expected success after one retry, got " + t, t);
            }
            assertNotNull(outcome[0]);
            assertEquals(2, faultedCount, "the faulted request is sent twice");
            List<Duration> waits = sleeper.waits();
            assertEquals(1, waits.size(), "one wait: " + waits);
            if (fault == FaultCase.RATE_LIMITED_429) {
                assertEquals(Duration.ofSeconds(1), waits.get(0), "Retry-After: 1 honoured");
            } else {
                assertTrue(waits.get(0).compareTo(Duration.ofMillis(50)) >= 0
                        && waits.get(0).compareTo(Duration.ofMillis(100)) <= 0, "first backoff in [50,100] ms: "
                        + waits);
            }
        } else {
            assertInstanceOf(fault.failure, outcome[0], () -> "outcome was " + outcome[0]);
            assertEquals(1, faultedCount, "not retried");
            assertEquals(List.of(), sleeper.waits());
            checkFailureDetails(fault, op, (Throwable) outcome[0]);
        }

        if (op == Op.ITERATE) {
            assertEquals(1, server.findAll(pageRequest(1)).size(), "page 1 once");
            assertEquals(1, server.findAll(pageRequest(11)).size(), "page 2 once");
            List<String> expected = IntStream.rangeClosed(1, expectRetry ? 30 : 20).mapToObj(i -> "t-" + i)
                    .collect(Collectors.toList());
            assertEquals(expected, delivered, "every item delivered exactly once, in order");
            assertEquals(delivered.size(), new LinkedHashSet<>(delivered).size());
        }

        checkEvents(events, op, total, outcome[0]);

        // time: a delay fault costs one attempt timeout; nothing else waits (the sleeper does not sleep)
        Duration bound = fault == FaultCase.DELAY_PAST_TIMEOUT ? SHORT_TIMEOUT.multipliedBy(3) : Duration.ofSeconds(4);
        assertTrue(elapsed.compareTo(bound) < 0, "took " + elapsed + ", bound " + bound);
    }

    /** With a listener attached: one callEnded per call, one attemptEnded per attempt (= request seen). */
    private static void checkEvents(RecordingListener events, Op op, int requestsSeen, Object outcome) {
        List<CallStarted> started = events.of(CallStarted.class);
        List<CallEnded> ended = events.of(CallEnded.class);
        // a task's complete or cancel whose answer was lost after sending reads the task back (one more call)
        boolean reconciled = (op.sync() == Op.COMPLETE || op.sync() == Op.CANCEL_TASK)
                && ((outcome instanceof FlowsTransportException t && !t.isRetryable())
                || (outcome instanceof MalformedResponseException m && m.statusCode() / 100 == 2));
        int calls = (op == Op.ITERATE ? 3 : 1) + (reconciled ? 1 : 0);
        assertEquals(calls, started.size(), () -> "calls started: " + events);
        assertEquals(calls, ended.size(), () -> "one callEnded per call: " + events);
        for (CallStarted s : started) {
            List<String> names = events.namesOfCall(s.call().callId());
            assertEquals("callEnded", names.get(names.size() - 1), () -> "callEnded last: " + events);
            assertEquals(names.stream().filter("attemptStarted"::equals).count(),
                    names.stream().filter("attemptEnded"::equals).count(), () -> "every attempt ended: " + events);
        }
        assertEquals(requestsSeen, events.of(AttemptEnded.class).size(), () -> "one attemptEnded per attempt: " + events);
        if (reconciled) {
            assertEquals("tasks.get", started.get(1).call().operation(), () -> "the reconciling read: " + events);
        }
        CallEnded last = ended.get(reconciled ? 0 : ended.size() - 1);
        if (outcome instanceof Throwable t) {
            assertEquals(t.getClass(), last.exceptionClass());
            assertNotEquals(Outcome.SUCCESS, last.outcome());
        } else {
            assertNull(last.exceptionClass());
            assertEquals(Outcome.SUCCESS, last.outcome());
        }
        if (op == Op.ITERATE) {
            assertEquals(1, events.of(IterationEnded.class).size());
        }
    }

    private static void checkFailureDetails(FaultCase fault, Op op, Throwable t) {
        if (t instanceof FlowsApiException api) {
            assertEquals(op.post ? "POST" : "GET", api.method());
            assertTrue(api.path().startsWith("/api/v1/flows/"), api.path());
            assertFalse(api.path().contains("?"), "path without query: " + api.path());
            if (api.responseBody() != null) {
                assertTrue(api.responseBody().length() <= FlowsApiException.MAX_BODY_CHARS);
            }
            if (fault == FaultCase.HUGE_ERROR_BODY) {
                assertEquals(FlowsApiException.MAX_BODY_CHARS, api.responseBody().length());
            }
        }
        if (t instanceof FlowsTransportException) {
            assertNotNull(t.getCause(), "the cause is kept");
        }
        if (t instanceof MalformedResponseException m) {
            assertEquals(200, m.statusCode());
            if (fault == FaultCase.OVERSIZED_BODY || fault == FaultCase.OBJECT_HEAVY_BODY) {
                assertTrue(m.getMessage().contains("larger than the client accepts"), m.getMessage());
                assertTrue(m.snippet().length() <= 2048, "a short snippet");
            }
        }
        if (fault == FaultCase.TOKEN_ECHOED_401) {
            assertNull(null);
        }
    }

    private static Object run(Op op, FlowsClient c, List<String> delivered) throws Throwable {
        switch (op) {
            case GET_ASYNC:
                return join(c.tasks().getAsync("t-1"));
            case LIST_PAGE_ASYNC:
                return join(c.tasks().list().firstPageAsync());
            case CREATE_ASYNC:
                return join(c.tasks().createAsync(new Task().displayName("Approve access")));
            case COMPLETE_ASYNC:
                return join(c.tasks().completeAsync("t-1", Map.of("approved", true)));
            case CANCEL_TASK_ASYNC:
                return join(c.tasks().cancelAsync("t-1"));
            case CANCEL_FLOW_ASYNC:
                return join(c.flows().cancelAsync("f-1"));
            case GET:
                return c.tasks().get("t-1");
            case LIST_PAGE:
                return c.tasks().list().firstPage();
            case ITERATE:
                for (Task t : c.tasks().list().pageSize(10)) {
                    delivered.add(t.getId());
                }
                return delivered;
            case CREATE:
                return c.tasks().create(new Task().displayName("Approve access"));
            case COMPLETE:
                return c.tasks().complete("t-1", Map.of("approved", true));
            case CANCEL_TASK:
                return c.tasks().cancel("t-1");
            case CANCEL_FLOW:
                return c.flows().cancel("f-1");
            default:
                throw new AssertionError(op);
        }
    }

    /** The future's value, or its failure as the blocking form would have thrown it. */
    private static Object join(java.util.concurrent.CompletableFuture<?> f) throws Throwable {
        try {
            return f.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        }
    }

    private static String path(Op op) {
        switch (op.sync()) {
            case GET:
                return "/api/v1/flows/tasks/t-1";
            case LIST_PAGE:
            case ITERATE:
            case CREATE:
                return "/api/v1/flows/tasks";
            case COMPLETE:
                return "/api/v1/flows/tasks/t-1/.complete";
            case CANCEL_TASK:
                return "/api/v1/flows/tasks/t-1/.cancel";
            case CANCEL_FLOW:
                return "/api/v1/flows/f-1/.cancel";
            default:
                throw new AssertionError(op);
        }
    }

    private static MappingBuilder match(Op op) {
        if (op == Op.ITERATE) {
            return get(urlPathEqualTo(path(op))).withQueryParam("startIndex", equalTo("21"));
        }
        return op.post ? post(urlPathEqualTo(path(op))) : get(urlPathEqualTo(path(op)));
    }


    private static RequestPatternBuilder pattern(Op op) {
        if (op == Op.ITERATE) {
            return pageRequest(21);
        }
        return op.post ? postRequestedFor(urlPathEqualTo(path(op))) : getRequestedFor(urlPathEqualTo(path(op)));
    }

    private static RequestPatternBuilder pageRequest(int start) {
        return getRequestedFor(urlPathEqualTo("/api/v1/flows/tasks")).withQueryParam("startIndex",
                equalTo(Integer.toString(start)));
    }

    private static ResponseDefinitionBuilder success(Op op) {
        switch (op.sync()) {
            case LIST_PAGE:
                return okJson(Support.taskList(1, 3, 3));
            case ITERATE:
                return okJson(Support.taskList(21, 10, 30));
            case CANCEL_FLOW:
                return okJson(Support.flowCancel());
            default:
                return okJson(Support.task("t-1"));
        }
    }

    private static void stubSuccess(Op op) {
        if (op == Op.ITERATE) {
            server.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).withQueryParam("startIndex", equalTo("1"))
                    .willReturn(okJson(Support.taskList(1, 10, 30))));
            server.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).withQueryParam("startIndex", equalTo("11"))
                    .willReturn(okJson(Support.taskList(11, 10, 30))));
        }
    }
}
