package io.flowsdk.client.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.testing.VirtualTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redirects x operations. A POST answered with a redirect is an exception naming the status and
 * the target: never turned into a GET, never sent again (to the target or anywhere else), one
 * request in all. A GET redirect loop costs OkHttp's 21 requests once, not once per retry. A GET
 * redirected to another origin (another port, another host name for the same server) goes there
 * without {@code Authorization}; one redirected within the origin keeps it.
 */
class RedirectMatrixTest {
    private static WireMockServer a;
    private static WireMockServer b;

    @BeforeAll
    static void start() {
        a = Support.startServer();
        b = Support.startServer();
    }

    @AfterAll
    static void stop() {
        a.stop();
        b.stop();
    }

    @BeforeEach
    void reset() {
        a.resetAll();
        b.resetAll();
    }

    static final int[] STATUSES = {301, 302, 303, 307, 308};

    enum Post {
        COMPLETE("/api/v1/flows/tasks/t-1/.complete"), CANCEL_TASK("/api/v1/flows/tasks/t-1/.cancel"),
        CREATE("/api/v1/flows/tasks"), CANCEL_FLOW("/api/v1/flows/f-1/.cancel"),
        COMPLETE_ASYNC("/api/v1/flows/tasks/t-1/.complete"), CANCEL_TASK_ASYNC("/api/v1/flows/tasks/t-1/.cancel"),
        CREATE_ASYNC("/api/v1/flows/tasks"), CANCEL_FLOW_ASYNC("/api/v1/flows/f-1/.cancel");

        final String path;

        Post(String path) {
            this.path = path;
        }
    }

    /** Where the redirect points. */
    enum Target {
        SAME_ORIGIN, OTHER_PORT, OTHER_HOST_NAME;

        String url(String path) {
            switch (this) {
                case SAME_ORIGIN:
                    return "http://127.0.0.1:" + a.port() + "/elsewhere" + path;
                case OTHER_PORT:
                    return "http://127.0.0.1:" + b.port() + path;
                default:
                    return "http://localhost:" + a.port() + "/elsewhere" + path; // the same server, another origin
            }
        }
    }

    static Stream<Arguments> posts() {
        return Arrays.stream(Post.values()).flatMap(op -> Arrays.stream(Target.values())
                .flatMap(t -> IntStream.of(STATUSES).mapToObj(s -> Arguments.of(s, op, t))));
    }

    private static FlowsClient client(VirtualTime time) {
        return FlowsClient.builder().baseUrl("http://127.0.0.1:" + a.port() + "/api/v1").bearerToken(Support.TOKEN)
                .retryPolicy(RetryPolicy.defaults()).timeout(Duration.ofSeconds(5)).clock(time).build();
    }

    @ParameterizedTest(name = "{0} on {1} to {2}")
    @MethodSource("posts")
    void aRedirectedPostIsAnExceptionAndIsSentOnce(int status, Post op, Target target) {
        String location = target.url(op.path);
        a.stubFor(any(urlPathEqualTo(op.path)).willReturn(aResponse().withStatus(status).withHeader("Location", location)));
        a.stubFor(any(urlPathMatching("/elsewhere/.*")).willReturn(okJson(Support.task("t-1"))));
        b.stubFor(any(anyUrl()).willReturn(okJson(Support.task("t-1"))));
        VirtualTime time = VirtualTime.auto();
        Throwable outcome;
        try (FlowsClient c = client(time)) {
            outcome = post(c, op);
        }
        FlowsApiException e = assertInstanceOf(FlowsApiException.class, outcome, () -> "outcome: " + outcome);
        assertEquals(status, e.statusCode());
        assertEquals("POST", e.method());
        assertTrue(e.getMessage().contains(" " + status), "names the status: " + e.getMessage());
        assertTrue(e.getMessage().contains(location), "names the target: " + e.getMessage());
        assertFalse(e.isRetryable());
        Support.assertNoToken(e);

        List<LoggedRequest> atA = a.findAll(anyRequestedFor(anyUrl()));
        assertEquals(1, atA.size(), "one request leaves");
        assertEquals("POST", atA.get(0).getMethod().getName());
        assertEquals(op.path, atA.get(0).getUrl().replaceAll("\\?.*", ""));
        assertEquals(0, b.getAllServeEvents().size(), "nothing reached the other origin");
        assertEquals(List.of(), time.waits(), "no retry was even considered");
        Support.REQUESTS_OBSERVED.addAndGet(atA.size());
    }

    private static Throwable post(FlowsClient c, Post op) {
        try {
            switch (op) {
                case COMPLETE -> c.tasks().complete("t-1", Map.of("approved", true));
                case CANCEL_TASK -> c.tasks().cancel("t-1");
                case CREATE -> c.tasks().create(new Task().displayName("Approve"));
                case CANCEL_FLOW -> c.flows().cancel("f-1");
                case COMPLETE_ASYNC -> join(c.tasks().completeAsync("t-1", Map.of("approved", true)));
                case CANCEL_TASK_ASYNC -> join(c.tasks().cancelAsync("t-1"));
                case CREATE_ASYNC -> join(c.tasks().createAsync(new Task().displayName("Approve")));
                case CANCEL_FLOW_ASYNC -> join(c.flows().cancelAsync("f-1"));
                default -> throw new AssertionError(op);
            }
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    // ---- GET ----

    enum Get {
        GET, GET_ASYNC, FIND, LIST_PAGE, LIST_PAGE_ASYNC, ITERATE, ITERATE_PARALLEL, COUNT, AWAIT;

        String path() {
            return this == GET || this == GET_ASYNC || this == FIND || this == AWAIT ? "/api/v1/flows/tasks/t-1"
                    : "/api/v1/flows/tasks";
        }
    }

    static Stream<Arguments> gets() {
        return Arrays.stream(Get.values()).flatMap(op -> IntStream.of(STATUSES).mapToObj(s -> Arguments.of(s, op)));
    }

    /** Every request is redirected to itself: OkHttp gives up after 20 follow-ups; no retry repeats that. */
    @ParameterizedTest(name = "{0} loop on {1}")
    @MethodSource("gets")
    void aGetRedirectLoopIsNotMultipliedByRetries(int status, Get op) {
        a.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "http://127.0.0.1:" + a.port() + op.path())));
        VirtualTime time = VirtualTime.auto();
        Object outcome;
        try (FlowsClient c = client(time)) {
            outcome = get(c, op);
        }
        FlowsTransportException e = assertInstanceOf(FlowsTransportException.class, outcome, () -> "outcome " + outcome);
        assertFalse(e.isRetryable());
        assertTrue(String.valueOf(e.getCause()).contains("follow-up"), String.valueOf(e.getCause()));
        Support.assertNoToken(e);
        int requests = a.getAllServeEvents().size();
        assertEquals(21, requests, "the first request and 20 follow-ups, once");
        assertEquals(List.of(), time.waits(), "no retry");
        Support.REQUESTS_OBSERVED.addAndGet(requests);
    }

    /** A loop between two origins: 21 requests in all, none to the other origin with the token. */
    @ParameterizedTest(name = "{0} loop between origins on {1}")
    @MethodSource("gets")
    void aGetRedirectLoopBetweenOriginsStopsToo(int status, Get op) {
        a.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "http://127.0.0.1:" + b.port() + op.path())));
        b.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "http://127.0.0.1:" + a.port() + op.path())));
        VirtualTime time = VirtualTime.auto();
        try (FlowsClient c = client(time)) {
            assertInstanceOf(FlowsTransportException.class, get(c, op));
        }
        assertEquals(21, a.getAllServeEvents().size() + b.getAllServeEvents().size());
        b.findAll(anyRequestedFor(anyUrl())).forEach(r -> assertFalse(r.containsHeader("Authorization")));
        assertEquals(List.of(), time.waits());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("gets")
    void aGetRedirectedToAnotherOriginCarriesNoAuthorization(int status, Get op) {
        for (Target target : Target.values()) {
            reset();
            String location = target.url(op.path());
            a.stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(aResponse().withStatus(status)
                    .withHeader("Location", location)));
            a.stubFor(any(urlPathMatching("/elsewhere/.*")).willReturn(okJson(body(op))));
            b.stubFor(any(anyUrl()).willReturn(okJson(body(op))));
            Object outcome;
            try (FlowsClient c = client(VirtualTime.auto())) {
                outcome = get(c, op);
            }
            assertFalse(outcome instanceof Throwable, () -> target + ": " + outcome);
            assertNotNull(outcome);
            List<LoggedRequest> first = a.findAll(anyRequestedFor(urlPathMatching("/api/v1/.*")));
            List<LoggedRequest> followed = target == Target.OTHER_PORT ? b.findAll(anyRequestedFor(anyUrl()))
                    : a.findAll(anyRequestedFor(urlPathMatching("/elsewhere/.*")));
            assertFalse(followed.isEmpty(), "the redirect was followed");
            first.forEach(r -> assertEquals("Bearer " + Support.TOKEN, r.getHeader("Authorization")));
            for (LoggedRequest r : followed) {
                assertEquals("GET", r.getMethod().getName());
                if (target == Target.SAME_ORIGIN) {
                    assertEquals("Bearer " + Support.TOKEN, r.getHeader("Authorization"), "same origin: kept");
                } else {
                    assertFalse(r.containsHeader("Authorization"), target + " saw Authorization");
                    assertFalse(r.getAllHeaderKeys().stream().anyMatch(k -> r.getHeader(k).contains(Support.TOKEN)));
                }
            }
        }
    }

    private static String body(Get op) {
        return op.path().endsWith("/t-1") ? Support.task("t-1") : Support.taskList(1, 2, 2);
    }

    private static Object get(FlowsClient c, Get op) {
        try {
            switch (op) {
                case GET:
                    return c.tasks().get("t-1");
                case GET_ASYNC:
                    return join(c.tasks().getAsync("t-1"));
                case FIND:
                    return c.tasks().find("t-1");
                case LIST_PAGE:
                    return c.tasks().list().firstPage();
                case LIST_PAGE_ASYNC:
                    return join(c.tasks().list().firstPageAsync());
                case ITERATE:
                    return c.tasks().list().pageSize(2).toList();
                case ITERATE_PARALLEL:
                    return c.tasks().list().pageSize(1).parallelism(3).toList();
                case COUNT:
                    return c.tasks().list().count();
                case AWAIT:
                    return c.tasks().await("t-1", t -> true, Duration.ofMinutes(1));
                default:
                    throw new AssertionError(op);
            }
        } catch (Throwable t) {
            return t;
        }
    }

    private static Object join(CompletableFuture<?> f) throws Throwable {
        try {
            return f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }
}
