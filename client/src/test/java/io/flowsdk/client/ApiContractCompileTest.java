package io.flowsdk.client;

import io.flowsdk.client.error.BadRequestException;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.ForbiddenException;
import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.PartialFailureException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.error.UnauthorizedException;
import io.flowsdk.client.error.WaitTimeoutException;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.flowsdk.client.WireMockSupport.FLOW_JSON;
import static io.flowsdk.client.WireMockSupport.TASK_JSON;
import static io.flowsdk.client.WireMockSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uses every public name of building a client, the resources and the results and errors exactly
 * as the user documentation (docs/) writes them, with their types: renaming or retyping any of
 * them breaks this file's compilation. Run against WireMock so the snippets also work, not only compile.
 */
class ApiContractCompileTest extends WireMockTestBase {

    // ---- Building a client ----

    @Test
    void buildingAClient() {
        OkHttpClient sharedOkHttpClient = new OkHttpClient();
        Supplier<String> freshToken = () -> "eyJ.rotated";
        // bearerToken and tokenProvider exclude each other: the fixed-token form on its own builder
        FlowsClient.Builder fixed = FlowsClient.builder().bearerToken("eyJ...");
        assertTrue(fixed.toString().contains("bearer token"));
        try (FlowsClient c = FlowsClient.builder()
                .baseUrl(WireMockSupport.baseUrl(wm))           // required
                .tokenProvider(() -> freshToken.get())          // called per request; or .bearerToken("eyJ...")
                .retryPolicy(RetryPolicy.defaults())            // the default
                .retryPolicy(RetryPolicy.none())                // disables
                .timeout(Duration.ofSeconds(30))                // whole-call timeout, per attempt
                .httpClient(sharedOkHttpClient)                 // optional okhttp3.OkHttpClient
                .userAgent("my-app/1.2")                        // appended to the SDK's own User-Agent
                .allowInsecureHttp()                            // opt in to http:// for non-loopback hosts
                .build()) {
            AutoCloseable closeable = c;                        // FlowsClient is AutoCloseable
            assertTrue(closeable instanceof FlowsClient);
            wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON)));
            c.tasks().get("task-1");
            assertEquals("Bearer eyJ.rotated", WireMockSupport.onlyRequest(wm).getHeader("Authorization"));
        } finally {
            sharedOkHttpClient.dispatcher().executorService().shutdown();
        }

        RetryPolicy p = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(2)).build();
        assertEquals(RetryPolicy.defaults(), p);                // the documented defaults
        int attempts = RetryPolicy.none().maxAttempts();
        assertEquals(1, attempts);

        IllegalArgumentException insecure = null;
        try {
            FlowsClient.builder().baseUrl("http://acme.example.com/api/v1").bearerToken("eyJ...").build();
        } catch (IllegalArgumentException e) {
            insecure = e;
        }
        assertTrue(insecure != null && insecure.getMessage().contains("http"));
    }

    // ---- Resources ----

    @Test
    void resources() {
        wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON)));
        wm.stubFor(post(anyUrl()).willReturn(json(TASK_JSON)));
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/flow-1")).willReturn(json(FLOW_JSON)));
        wm.stubFor(post(urlPathEqualTo("/api/v1/flows/flow-1/.cancel")).willReturn(json("{\"flowId\":\"flow-1\"}")));

        Tasks tasks = client.tasks();
        Task t = tasks.get("task-1");                           // NotFoundException on 404
        Optional<Task> maybe = tasks.find("task-1");            // empty on 404
        Query<Task> q = tasks.list();                           // GET /flows/tasks, lazily
        Task created = tasks.create(new Task().displayName("Approve access").assigneeId("u1"));
        Task done = tasks.complete("task-1", Map.of("approved", true));
        Task gone = tasks.cancel("task-1");
        tasks.complete("task-1", Map.of("approved", true),
                Change.reason("approved by manager").withCorrelation("/tickets/42"));
        Task created2 = tasks.create(new Task().displayName("x"), Change.none());
        Task gone2 = tasks.cancel("task-1", Change.correlation("/tickets/42"));

        Flows flows = client.flows();
        FlowInstance f = flows.get("flow-1");
        Optional<FlowInstance> mf = flows.find("flow-1");
        Query<FlowInstance> fq = flows.list();                  // GET /flows/
        FlowCancellation c = flows.cancel("flow-1");            // 200 and 207 both return normally
        FlowCancellation c2 = flows.cancel("flow-1", Change.reason("superseded"));

        // Change: immutable; none, reason, correlation, of, withReason, withCorrelation
        Change none = Change.none();
        Change both = Change.of("reason", "correlation");
        Change r = Change.correlation("c").withReason("r");
        Change cr = Change.reason("r").withCorrelation("c");
        assertEquals(r, cr);
        assertFalse(none.equals(both));

        assertEquals("task-1", t.getId());
        assertTrue(maybe.isPresent());
        assertTrue(q != null && fq != null);
        assertTrue(created != null && done != null && gone != null && created2 != null && gone2 != null);
        assertEquals("flow-1", f.getId());
        assertTrue(mf.isPresent());
        assertEquals("flow-1", c.flowId());
        assertEquals("flow-1", c2.flowId());
    }

    // ---- Results and errors ----

    @Test
    void resultsAndErrors() {
        FlowCancellation c = new FlowCancellation(207, "flow-1", "canceled", List.of("j1"), List.of("j2"), null);
        int statusCode = c.statusCode();                        // 200 or 207
        boolean partial = c.isPartial();
        String flowId = c.flowId();
        String flowStatus = c.flowStatus();
        List<String> canceledJobs = c.canceledJobs();
        List<String> notCanceledJobs = c.notCanceledJobs();
        List<String> taskIds = c.taskIds();                     // never null
        Function<FlowCancellation, FlowCancellation> orThrow = FlowCancellation::orThrow;
        assertEquals(207, statusCode);
        assertTrue(partial);
        assertEquals(List.of("j1"), canceledJobs);
        assertEquals(List.of("j2"), notCanceledJobs);
        assertEquals(List.of(), taskIds);
        assertEquals("flow-1", flowId);
        assertEquals("canceled", flowStatus);
        try {
            orThrow.apply(c);
        } catch (PartialFailureException e) {
            FlowCancellation back = e.cancellation();
            assertEquals(c, back);
        }

        // all unchecked, FlowsException the base of all
        RuntimeException base = new FlowsException("x");
        FlowsException[] all = {
                new FlowsApiException(418, "GET", "/p", null, null, null, null),
                new BadRequestException(400, "GET", "/p", "400", "m", "s", "b"),
                new UnauthorizedException(401, "GET", "/p", null, null, null, null),
                new ForbiddenException(403, "GET", "/p", null, null, null, null),
                new NotFoundException(404, "GET", "/p", null, null, null, null),
                new RateLimitedException(429, "GET", "/p", null, null, null, null, Duration.ofSeconds(1)),
                new ServerException(500, "GET", "/p", null, null, null, null),
                new FlowsTransportException("GET", "/p", new java.io.IOException("reset")),
                new MalformedResponseException(200, "GET", "/p", "not JSON", "<html>", null),
                new PartialFailureException(c),
                new WaitTimeoutException("task t-1", Duration.ofSeconds(1), null),
        };
        FlowsApiException[] api = {new BadRequestException(400, "GET", "/p", null, null, null, null),
                new UnauthorizedException(401, "GET", "/p", null, null, null, null),
                new ForbiddenException(403, "GET", "/p", null, null, null, null),
                new NotFoundException(404, "GET", "/p", null, null, null, null),
                new RateLimitedException(429, "GET", "/p", null, null, null, null, null),
                new ServerException(503, "GET", "/p", null, null, null, null)};
        assertEquals(11, all.length);
        assertEquals(6, api.length);
        assertTrue(base instanceof RuntimeException);

        ToIntFunction<FlowsApiException> status = FlowsApiException::statusCode;
        Function<FlowsApiException, String> errorCode = FlowsApiException::errorCode;        // String, as sent
        Function<FlowsApiException, String> errorMessage = FlowsApiException::errorMessage;
        Function<FlowsApiException, String> errorStatus = FlowsApiException::errorStatus;
        Function<FlowsApiException, String> responseBody = FlowsApiException::responseBody; // first 2048 chars
        Function<FlowsApiException, String> method = FlowsApiException::method;
        Function<FlowsApiException, String> path = FlowsApiException::path;                 // without the query
        Function<RateLimitedException, Optional<Duration>> retryAfter = RateLimitedException::retryAfter;
        Function<PartialFailureException, FlowCancellation> cancellation = PartialFailureException::cancellation;
        Function<WaitTimeoutException, Object> lastValue = WaitTimeoutException::lastValue;

        FlowsApiException b = (FlowsApiException) all[1];
        assertEquals(400, status.applyAsInt(b));
        assertEquals("400", errorCode.apply(b));
        assertEquals("m", errorMessage.apply(b));
        assertEquals("s", errorStatus.apply(b));
        assertEquals("b", responseBody.apply(b));
        assertEquals("GET", method.apply(b));
        assertEquals("/p", path.apply(b));
        assertEquals(Optional.of(Duration.ofSeconds(1)), retryAfter.apply((RateLimitedException) all[5]));
        assertEquals(c, cancellation.apply((PartialFailureException) all[9]));
        assertEquals(null, lastValue.apply((WaitTimeoutException) all[10]));
        Predicate<Throwable> kept = e -> e.getCause() != null;  // FlowsTransportException: the cause is kept
        assertTrue(kept.test(all[7]));
        int maxBody = FlowsApiException.MAX_BODY_CHARS;
        assertEquals(2048, maxBody);
    }
}
