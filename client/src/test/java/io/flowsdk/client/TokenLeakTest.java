package io.flowsdk.client;

import com.github.tomakehurst.wiremock.http.Fault;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * No exception message, toString() or stack trace (causes included), and no toString() of the
 * client or its builder, ever contains the bearer token, even when the server echoes it back.
 */
class TokenLeakTest extends WireMockTestBase {
    static final String SECRET = "tok-SECRET-123456";

    private static final String ECHO = "{{request.headers.Authorization}}";

    /** Every text a user or a log could see of a throwable. */
    private static String everything(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw, true));
        StringBuilder sb = new StringBuilder(sw.toString());
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append('\n').append(c.getMessage()).append('\n').append(c.getLocalizedMessage()).append('\n').append(c);
            if (c instanceof io.flowsdk.client.error.FlowsApiException) {
                io.flowsdk.client.error.FlowsApiException a = (io.flowsdk.client.error.FlowsApiException) c;
                sb.append(a.errorMessage()).append(a.errorCode()).append(a.errorStatus()).append(a.path());
            }
        }
        return sb.toString();
    }

    private void stub(int status, String contentType, String body) {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
                .withBody(body).withTransformers("response-template")));
    }

    private List<Executable> calls(FlowsClient c) {
        return List.of(
                () -> c.tasks().get("t-1"),
                () -> c.tasks().find("t-1"),
                () -> c.tasks().list().firstPage(),
                () -> c.tasks().create(new Task().displayName("x")),
                () -> c.tasks().complete("t-1", Map.of("a", 1), Change.reason("r")),
                () -> c.tasks().cancel("t-1"),
                () -> c.flows().get("f-1"),
                () -> c.flows().list().firstPage(),
                () -> c.flows().cancel("f-1").orThrow());
    }

    private List<Throwable> collect(FlowsClient c) {
        List<Throwable> thrown = new ArrayList<>();
        for (Executable call : calls(c)) {
            try {
                call.execute();
            } catch (Throwable t) {
                thrown.add(t);
            }
        }
        return thrown;
    }

    private static void assertNoSecret(List<Throwable> thrown, String secret) {
        assertFalse(thrown.isEmpty());
        for (Throwable t : thrown) {
            String text = everything(t);
            if (text.contains(secret)) {
                fail("the token leaked through " + t.getClass().getSimpleName() + ":\n" + text);
            }
        }
    }

    private FlowsClient secretClient() {
        return WireMockSupport.builder(wm).bearerToken(SECRET).build();
    }

    @Test
    void echoSanityCheck() {
        stub(401, "application/json", "{\"message\":\"bad " + ECHO + "\"}");
        try (FlowsClient c = secretClient()) {
            collect(c);
        }
        // the server really did see, and echo, the token
        assertTrue(WireMockSupport.requests(wm).stream()
                .allMatch(r -> ("Bearer " + SECRET).equals(r.getHeader("Authorization"))));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 418, 429, 500, 502, 503})
    void errorBodiesEchoingTheToken(int status) {
        List<Throwable> thrown = new ArrayList<>();
        try (FlowsClient c = secretClient()) {
            stub(status, "application/json", "{\"code\":\"" + ECHO + "\",\"message\":\"invalid token " + ECHO
                    + "\",\"status\":\"" + ECHO + "\"}");
            thrown.addAll(collect(c));
            stub(status, "application/problem+json", "{\"title\":\"" + ECHO + "\",\"detail\":\"" + ECHO + "\"}");
            thrown.addAll(collect(c));
            stub(status, "text/plain", "your header was: " + ECHO);
            thrown.addAll(collect(c));
            stub(status, "text/html", "<html><body><pre>" + ECHO + "</pre></body></html>");
            thrown.addAll(collect(c));
        }
        assertTrue(thrown.size() >= 4 * 8, "nearly every call fails: " + thrown.size());
        assertNoSecret(thrown, SECRET);
    }

    @Test
    void twoHundredBodiesEchoingTheToken() {
        List<Throwable> thrown = new ArrayList<>();
        try (FlowsClient c = secretClient()) {
            stub(200, "text/html", "<html><body>Signed in as " + ECHO + "</body></html>");
            thrown.addAll(collect(c));
            stub(200, "application/json", "<html><body>" + ECHO + "</body></html>");
            thrown.addAll(collect(c));
            stub(200, "application/json", "{\"id\":\"" + ECHO + "\",\"displayName\":\"cut");
            thrown.addAll(collect(c));
            // valid JSON of the wrong shape: the decoder's message may quote the offending value
            stub(200, "application/json", "{\"id\":{\"auth\":\"" + ECHO + "\"},\"flowId\":{\"auth\":\"" + ECHO
                    + "\"},\"Resources\":{\"auth\":\"" + ECHO + "\"},\"StatusExplanations\":\"" + ECHO + "\"}");
            thrown.addAll(collect(c));
            stub(200, "application/json", "[\"" + ECHO + "\"]");
            thrown.addAll(collect(c));
            stub(200, "application/json", "{\"due\":\"" + ECHO + "\",\"startedAt\":\"" + ECHO + "\",\"Resources\":[{\"due\":\""
                    + ECHO + "\",\"startedAt\":\"" + ECHO + "\"}]}");
            thrown.addAll(collect(c));
        }
        assertTrue(thrown.size() >= 5 * 8, "nearly every call fails: " + thrown.size());
        assertNoSecret(thrown, SECRET);
    }

    @Test
    void partialCancellationEchoingTheToken() {
        stub(207, "application/json", "{\"flowId\":\"" + ECHO + "\",\"notCanceledJobs\":[\"" + ECHO + "\"]}");
        List<Throwable> thrown = new ArrayList<>();
        try (FlowsClient c = secretClient()) {
            try {
                c.flows().cancel("f-1").orThrow();
            } catch (Throwable t) {
                thrown.add(t);
            }
        }
        // the server put the token into the data it returned: that is the caller's data, but the
        // exception message must still not carry it into logs
        assertEquals(1, thrown.size());
        assertNoSecret(thrown, SECRET);
    }

    @Test
    void transportFailures() throws Exception {
        List<Throwable> thrown = new ArrayList<>();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (FlowsClient c = FlowsClient.builder().baseUrl("http://127.0.0.1:" + closedPort + "/api/v1")
                .bearerToken(SECRET).retryPolicy(RetryPolicy.none()).build()) {
            thrown.addAll(collect(c));
        }
        try (FlowsClient c = secretClient()) {
            wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            thrown.addAll(collect(c));
            wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
            thrown.addAll(collect(c));
        }
        try (FlowsClient c = WireMockSupport.builder(wm).bearerToken(SECRET).timeout(Duration.ofMillis(200)).build()) {
            wm.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(1000).withBody("{}")));
            thrown.add(org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> c.tasks().get("t-1")));
        }
        assertNoSecret(thrown, SECRET);
    }

    @Test
    void retriesExhausted() {
        List<Throwable> thrown = new ArrayList<>();
        try (FlowsClient c = WireMockSupport.builder(wm).bearerToken(SECRET)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build())
                .build()) {
            stub(503, "application/json", "{\"message\":\"" + ECHO + "\"}");
            thrown.addAll(collect(c));
            stub(429, "text/plain", ECHO);
            thrown.addAll(collect(c));
        }
        assertNoSecret(thrown, SECRET);
    }

    @Test
    void badTokensFromTheProvider() {
        List<Throwable> thrown = new ArrayList<>();
        for (String bad : new String[]{SECRET + "\r\nX-Injected: 1", " " + SECRET, SECRET + "\u00e9", SECRET + "\n"}) {
            try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).tokenProvider(() -> bad).build()) {
                thrown.addAll(collect(c));
            }
            try {
                FlowsClient.builder().bearerToken(bad);
            } catch (Throwable t) {
                thrown.add(t);
            }
        }
        assertEquals(0, WireMockSupport.requests(wm).size());
        assertNoSecret(thrown, SECRET);
    }

    @Test
    void jsonEscapedEchoInAnErrorBody() {
        // an opaque token with characters JSON encoders like to escape ('/' as \/, '=' as \u003d in Gson)
        String token = "tok-SECRET-123456/ab+c==";
        String escaped = "tok-SECRET-123456\\/ab\\u002bc\\u003d\\u003d";
        List<Throwable> thrown = new ArrayList<>();
        try (FlowsClient c = WireMockSupport.builder(wm).bearerToken(token).build()) {
            wm.stubFor(any(anyUrl()).willReturn(WireMockSupport.json(401, "{\"code\":\"" + escaped
                    + "\",\"message\":\"invalid token " + escaped + "\",\"status\":\"" + escaped + "\"}")));
            thrown.addAll(collect(c));
            wm.stubFor(any(anyUrl()).willReturn(WireMockSupport.json(200, "{\"id\":{\"t\":\"" + escaped
                    + "\"},\"flowId\":{\"t\":\"" + escaped + "\"},\"Resources\":{\"t\":\"" + escaped + "\"}}")));
            thrown.addAll(collect(c));
        }
        assertNoSecret(thrown, token);
    }

    @Test
    void clientAndBuilderToString() {
        FlowsClient.Builder b = WireMockSupport.builder(wm).bearerToken(SECRET).userAgent("app/1");
        assertFalse(b.toString().contains(SECRET), b.toString());
        try (FlowsClient c = b.build()) {
            assertFalse(c.toString().contains(SECRET), c.toString());
            assertFalse(c.tasks().toString().contains(SECRET));
            assertFalse(c.flows().toString().contains(SECRET));
            assertFalse(c.tasks().list().toString().contains(SECRET));
        }
        FlowsClient.Builder p = WireMockSupport.builderWithoutAuth(wm).tokenProvider(() -> SECRET);
        assertFalse(p.toString().contains(SECRET), p.toString());
        try (FlowsClient c = p.build()) {
            assertFalse(c.toString().contains(SECRET), c.toString());
        }
    }

    @Test
    void httpLoggerRedactsTheAuthorizationHeader() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Consumer<String> sink = lines::add;
        stub(401, "text/plain", ECHO);
        try (FlowsClient c = WireMockSupport.builder(wm).bearerToken(SECRET).httpLogger(sink).build()) {
            collect(c);
        }
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            assertFalse(line.contains(SECRET), line);
        }
    }

    @Test
    void echoOnlyOnSomePaths() {
        // the task path echoes, the flow path does not: a sanity check that the stubs above matched
        wm.stubFor(any(urlPathMatching("/api/v1/flows/tasks.*")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain").withBody(ECHO).withTransformers("response-template")));
        try (FlowsClient c = secretClient()) {
            List<Throwable> thrown = collect(c);
            assertNoSecret(thrown, SECRET);
        }
    }
}
