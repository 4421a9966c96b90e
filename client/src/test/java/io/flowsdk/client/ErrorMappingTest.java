package io.flowsdk.client;

import io.flowsdk.client.error.BadRequestException;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.ForbiddenException;
import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.PartialFailureException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.error.UnauthorizedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.flowsdk.client.WireMockSupport.json;
import static io.flowsdk.client.WireMockSupport.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Non-2xx answers to the exception tree; 2xx answers that are not JSON; 200/207 cancellation. */
class ErrorMappingTest extends WireMockTestBase {

    @Test
    void notFoundThrowsOnGetAndIsEmptyOnFind() {
        wm.stubFor(get(anyUrl()).willReturn(json(404, "{\"code\":404,\"message\":\"no such task\",\"status\":\"Not Found\"}")));
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.tasks().get("task-1"));
        assertEquals(404, e.statusCode());
        assertEquals("404", e.errorCode());
        assertEquals("no such task", e.errorMessage());
        assertEquals("Not Found", e.errorStatus());
        assertEquals("GET", e.method());
        assertEquals("/api/v1/flows/tasks/task-1", e.path());
        assertTrue(client.tasks().find("task-1").isEmpty());
        assertTrue(client.flows().find("flow-1").isEmpty());
        assertThrows(NotFoundException.class, () -> client.flows().get("flow-1"));
        assertThrows(NotFoundException.class, () -> client.flows().cancel("flow-1"));
        assertThrows(NotFoundException.class, () -> client.tasks().complete("task-1", Map.of()));
    }

    @Test
    void findPropagatesEveryOtherError() {
        wm.stubFor(get(anyUrl()).willReturn(json(500, "{}")));
        assertThrows(ServerException.class, () -> client.tasks().find("task-1"));
        wm.stubFor(get(anyUrl()).willReturn(json(401, "{}")));
        assertThrows(UnauthorizedException.class, () -> client.flows().find("flow-1"));
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<p>")));
        assertThrows(MalformedResponseException.class, () -> client.tasks().find("task-1"));
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(401, UnauthorizedException.class),
                Arguments.of(403, ForbiddenException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(429, RateLimitedException.class),
                Arguments.of(500, ServerException.class),
                Arguments.of(502, ServerException.class),
                Arguments.of(503, ServerException.class),
                Arguments.of(504, ServerException.class),
                Arguments.of(418, FlowsApiException.class),
                Arguments.of(409, FlowsApiException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void statusMapsToItsException(int status, Class<? extends FlowsApiException> type) {
        String body = "{\"code\":" + status + ",\"message\":\"went wrong\",\"status\":\"Some Status\"}";
        wm.stubFor(any(anyUrl()).willReturn(json(status, body).withHeader("Retry-After", "7")));
        for (Executable call : List.<Executable>of(
                () -> client.tasks().get("t-1"),
                () -> client.tasks().complete("t-1", Map.of("a", 1), Change.reason("why")),
                () -> client.flows().list().firstPage())) {
            FlowsApiException e = assertThrows(FlowsApiException.class, call);
            assertSame(type, e.getClass());
            assertEquals(status, e.statusCode());
            assertEquals(String.valueOf(status), e.errorCode());
            assertEquals("went wrong", e.errorMessage());
            assertEquals("Some Status", e.errorStatus());
            assertEquals(body, e.responseBody());
            assertTrue(e.getMessage().contains(String.valueOf(status)), e.getMessage());
            if (e instanceof RateLimitedException) {
                assertEquals(Duration.ofSeconds(7), ((RateLimitedException) e).retryAfter().orElseThrow());
            }
        }
        List<String> sent = requests(wm).stream().map(r -> r.getMethod().getName()).sorted().toList();
        assertEquals(List.of("GET", "GET", "POST"), sent, "RetryPolicy.none(): one request per call");
    }

    @Test
    void methodAndPathAreThoseSentWithoutTheQuery() {
        wm.stubFor(any(anyUrl()).willReturn(json(400, "{}")));
        FlowsApiException e = assertThrows(FlowsApiException.class,
                () -> client.tasks().complete("a b", Map.of(), Change.of("r", "c")));
        assertEquals("POST", e.method());
        assertEquals("/api/v1/flows/tasks/a%20b/.complete", e.path());
        e = assertThrows(FlowsApiException.class, () -> client.flows().list().filter("status eq \"x\"").firstPage());
        assertEquals("GET", e.method());
        assertEquals("/api/v1/flows/", e.path());
        e = assertThrows(FlowsApiException.class, () -> client.flows().cancel("f1"));
        assertEquals("/api/v1/flows/f1/.cancel", e.path());
    }

    @Test
    void rateLimitedWithoutRetryAfterHasEmptyRetryAfter() {
        wm.stubFor(any(anyUrl()).willReturn(json(429, "{}")));
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> client.tasks().get("t-1"));
        assertTrue(e.retryAfter().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"code\":\"400\",\"message\":\"Bad Request: invalid argument\",\"status\":\"Bad Request\"}|400",
            "{\"code\":400,\"message\":\"Bad Request: invalid argument\",\"status\":\"Bad Request\"}|400",
            "{\"code\":\"E_BAD\",\"message\":\"Bad Request: invalid argument\",\"status\":\"Bad Request\"}|E_BAD"})
    void errorCodeIsKeptAsSent(String body, String code) {
        wm.stubFor(any(anyUrl()).willReturn(json(400, body)));
        BadRequestException e = assertThrows(BadRequestException.class, () -> client.tasks().get("t-1"));
        assertEquals(code, e.errorCode());
        assertEquals("Bad Request: invalid argument", e.errorMessage());
        assertEquals("Bad Request", e.errorStatus());
    }

    @Test
    void responseBodyIsCappedAt2048Characters() {
        String message = "x".repeat(10 * 1024);
        String body = "{\"code\":500,\"message\":\"" + message + "\",\"status\":\"Internal\"}";
        wm.stubFor(any(anyUrl()).willReturn(json(500, body)));
        ServerException e = assertThrows(ServerException.class, () -> client.tasks().get("t-1"));
        assertEquals(2048, e.responseBody().length());
        assertEquals(body.substring(0, 2048), e.responseBody());
        assertEquals(message, e.errorMessage(), "the whole body is parsed, only responseBody() is cut");
        assertTrue(e.getMessage().length() < 1000, "the message stays short: " + e.getMessage().length());
    }

    @Test
    void problemJsonBodyIsRead() {
        String body = "{\"type\":\"https://example.com/probs/out-of-credit\",\"title\":\"Forbidden\","
                + "\"status\":403,\"detail\":\"Your token lacks the scope flows:write\",\"instance\":\"/x\"}";
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody(body)));
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> client.tasks().cancel("t-1"));
        assertEquals("Your token lacks the scope flows:write", e.errorMessage());
        assertEquals("403", e.errorStatus());
        assertEquals(body, e.responseBody());
        assertEquals("POST", e.method());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text/plain|upstream connect error or disconnect/reset before headers",
            "text/html|<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
            "application/json|{\"code\": 5",
            "application/json|[1,2,3]",
            "application/json|\"just a string\""})
    void bodiesOfAnyShapeAreReadWithoutFailing(String contentType, String body) {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", contentType).withBody(body)));
        ServerException e = assertThrows(ServerException.class, () -> client.tasks().get("t-1"));
        assertEquals(502, e.statusCode());
        assertNull(e.errorCode());
        assertNull(e.errorMessage());
        assertNull(e.errorStatus());
        assertEquals(body, e.responseBody());
        assertNotNull(e.getMessage());
    }

    @Test
    void emptyErrorBodyHasNullFields() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> client.tasks().get("t-1"));
        assertNull(e.errorCode());
        assertNull(e.errorMessage());
        assertNull(e.responseBody());
    }

    @Test
    void teapotIsAPlainFlowsApiException() {
        wm.stubFor(any(anyUrl()).willReturn(json(418, "{\"code\":418,\"message\":\"I'm a teapot\"}")));
        FlowsApiException e = assertThrows(FlowsApiException.class, () -> client.tasks().get("t-1"));
        assertSame(FlowsApiException.class, e.getClass());
        assertEquals(418, e.statusCode());
        assertEquals("I'm a teapot", e.errorMessage());
    }

    // ---- 2xx that is not the promised JSON ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "html|200|text/html|<html><body>Login</body></html>",
            "text/plain with JSON|200|text/plain|{\"id\":\"t-1\"}",
            "truncated|200|application/json|{\"id\":\"t-1\",\"displayName\":\"Appro",
            "array|200|application/json|[]",
            "html without content type|200||<!DOCTYPE html><html></html>",
            "number|200|application/json|42",
            "wrong shape|200|application/json|{\"id\":{\"nested\":true},\"flowId\":{\"x\":1},\"Resources\":{\"x\":1}}",
            "201 html|201|text/html|<p>created</p>"})
    void twoHundredWithoutJsonIsMalformed(String name, int status, String contentType, String body) {
        var response = aResponse().withStatus(status).withBody(body);
        if (contentType != null) {
            response = response.withHeader("Content-Type", contentType);
        }
        wm.stubFor(any(anyUrl()).willReturn(response));
        for (Executable call : List.<Executable>of(() -> client.tasks().get("t-1"),
                () -> client.tasks().create(new io.flowsdk.client.model.Task().displayName("x")),
                () -> client.flows().cancel("f-1"),
                () -> client.flows().list().firstPage())) {
            MalformedResponseException e = assertThrows(MalformedResponseException.class, call);
            assertEquals(status, e.statusCode());
            assertEquals(body.length() > 256 ? body.substring(0, 256) : body, e.snippet());
            assertTrue(e.getMessage().contains(String.valueOf(status)), e.getMessage());
        }
    }

    @Test
    void emptyTwoHundredBodyIsMalformed() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> client.tasks().get("t-1"));
        assertEquals(200, e.statusCode());
        assertEquals("GET", e.method());
        assertEquals("/api/v1/flows/tasks/t-1", e.path());
        assertTrue(e.snippet() == null || e.snippet().isEmpty());
    }

    @Test
    void longMalformedBodyKeepsAShortSnippet() {
        String body = "<html>" + "y".repeat(10_000) + "</html>";
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(body)));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> client.tasks().get("t-1"));
        assertTrue(e.snippet().length() <= 256);
        assertTrue(e.getMessage().length() < 1000);
    }

    // ---- cancel flow: 200 and 207 ----

    @Test
    void multiStatusCancelIsPartial() {
        wm.stubFor(post(anyUrl()).willReturn(json(207, "{\"flowId\":\"flow-1\",\"flowStatus\":\"canceled\","
                + "\"canceledJobs\":[\"j1\"],\"notCanceledJobs\":[\"j2\",\"j3\"],\"taskIds\":[\"t1\"]}")));
        FlowCancellation c = client.flows().cancel("flow-1");
        assertTrue(c.isPartial());
        assertEquals(207, c.statusCode());
        assertEquals(List.of("j2", "j3"), c.notCanceledJobs());
        assertEquals(List.of("j1"), c.canceledJobs());
        PartialFailureException e = assertThrows(PartialFailureException.class, c::orThrow);
        assertSame(c, e.cancellation());
        assertTrue(e instanceof FlowsException);
    }

    @Test
    void multiStatusWithoutListsIsStillPartial() {
        wm.stubFor(post(anyUrl()).willReturn(json(207, "{\"flowId\":\"flow-1\"}")));
        FlowCancellation c = client.flows().cancel("flow-1");
        assertTrue(c.isPartial());
        assertEquals(List.of(), c.notCanceledJobs());
        assertThrows(PartialFailureException.class, c::orThrow);
    }

    @Test
    void okCancelWithMissingListsHasEmptyLists() {
        wm.stubFor(post(anyUrl()).willReturn(json(200, "{\"flowId\":\"flow-1\",\"flowStatus\":\"canceled\"}")));
        FlowCancellation c = client.flows().cancel("flow-1");
        assertFalse(c.isPartial());
        assertEquals(200, c.statusCode());
        assertEquals(List.of(), c.canceledJobs());
        assertEquals(List.of(), c.notCanceledJobs());
        assertEquals(List.of(), c.taskIds());
        assertSame(c, c.orThrow());
    }

    @Test
    void okCancelWithNullListsHasEmptyLists() {
        wm.stubFor(post(anyUrl()).willReturn(json(200, "{\"flowId\":\"flow-1\",\"canceledJobs\":null,"
                + "\"notCanceledJobs\":null,\"taskIds\":null}")));
        FlowCancellation c = client.flows().cancel("flow-1");
        assertNotNull(c.canceledJobs());
        assertNotNull(c.notCanceledJobs());
        assertNotNull(c.taskIds());
        assertSame(c, c.orThrow());
    }

    @Test
    void okCancelListingNotCanceledJobsIsPartial() {
        wm.stubFor(post(anyUrl()).willReturn(json(200, "{\"flowId\":\"flow-1\",\"notCanceledJobs\":[\"j9\"]}")));
        FlowCancellation c = client.flows().cancel("flow-1");
        assertTrue(c.isPartial());
        assertThrows(PartialFailureException.class, c::orThrow);
    }
}
