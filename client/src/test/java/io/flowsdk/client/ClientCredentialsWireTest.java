package io.flowsdk.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.client.auth.ClientAuthMethod;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.internal.auth.TestClock;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.flowsdk.client.WireMockSupport.TASK_JSON;
import static io.flowsdk.client.WireMockSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Client credentials end to end against WireMock: the token request on the wire, its errors, secrets. */
class ClientCredentialsWireTest extends WireMockTestBase {
    static final String SECRET = "cc-SECRET-0815/+=";
    static final String TOKEN_1 = "eyJ.cc-token-1";
    static final String TOKEN_2 = "eyJ.cc-token-2";

    static WireMockServer other;

    @BeforeAll
    static void startOther() {
        other = new WireMockServer(options().dynamicPort());
        other.start();
    }

    @AfterAll
    static void stopOther() {
        other.stop();
    }

    static String tokenJson(String token, long expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn
                + ",\"token_type\":\"bearer\",\"scope\":\"read write\"}";
    }

    private void tokenEndpointIssues(String token) {
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(json(tokenJson(token, 3599))));
    }

    private void apiAnswers() {
        wm.stubFor(get(urlPathMatching("/api/v1/.*")).willReturn(json(TASK_JSON)));
        wm.stubFor(post(urlPathMatching("/api/v1/.*")).willReturn(json(TASK_JSON)));
    }

    private FlowsClient.Builder cc() {
        return WireMockSupport.builderWithoutAuth(wm).clientCredentials("client-id", SECRET, "read", "write");
    }

    private List<LoggedRequest> tokenRequests() {
        return wm.findAll(postRequestedFor(urlEqualTo("/oauth2/token")));
    }

    private List<LoggedRequest> apiRequests() {
        return WireMockSupport.requests(wm).stream().filter(r -> r.getUrl().startsWith("/api/")).toList();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ on the wire

    @Test
    void clientSecretBasicOnTheWire() {
        tokenEndpointIssues(TOKEN_1);
        apiAnswers();
        try (FlowsClient c = cc().build()) {
            c.tasks().get("task-1");
        }
        LoggedRequest t = tokenRequests().get(0);
        assertEquals(1, tokenRequests().size());
        assertEquals(basic("client-id", "cc-SECRET-0815%2F%2B%3D"), t.getHeader("Authorization"));
        assertEquals("application/json", t.getHeader("Accept"));
        assertEquals("application/x-www-form-urlencoded", t.getHeader("Content-Type"));
        assertTrue(t.getHeader("User-Agent").startsWith("flows-java/"), t.getHeader("User-Agent"));
        assertEquals("grant_type=client_credentials&scope=read+write", t.getBodyAsString());
        assertEquals("Bearer " + TOKEN_1, apiRequests().get(0).getHeader("Authorization"));
    }

    @Test
    void clientSecretPostOnTheWire() {
        tokenEndpointIssues(TOKEN_1);
        apiAnswers();
        try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).credentials(ClientCredentials.builder()
                .clientId("client-id").clientSecret(SECRET).scopes("read")
                .authMethod(ClientAuthMethod.CLIENT_SECRET_POST).build()).build()) {
            c.tasks().get("task-1");
        }
        LoggedRequest t = tokenRequests().get(0);
        assertFalse(t.containsHeader("Authorization"));
        assertEquals("grant_type=client_credentials&client_id=client-id&client_secret=cc-SECRET-0815%2F%2B%3D&scope=read",
                t.getBodyAsString());
        assertEquals("Bearer " + TOKEN_1, apiRequests().get(0).getHeader("Authorization"));
    }

    @Test
    void aTokenUrlOfItsOwn() {
        wm.stubFor(post(urlEqualTo("/login/token?tenant=t1")).willReturn(json(tokenJson(TOKEN_1, 3599))));
        apiAnswers();
        try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).credentials(ClientCredentials.builder()
                .clientId("client-id").clientSecret(SECRET)
                .tokenUrl("http://localhost:" + wm.port() + "/login/token?tenant=t1").build()).build()) {
            c.tasks().get("task-1");
        }
        assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo("/login/token?tenant=t1"))).size());
        assertEquals(0, tokenRequests().size());
    }

    @Test
    void oneTokenServesManyCalls() {
        tokenEndpointIssues(TOKEN_1);
        apiAnswers();
        try (FlowsClient c = cc().build()) {
            for (int i = 0; i < 5; i++) {
                c.tasks().get("task-" + i);
                c.tasks().create(new Task().displayName("x"));
            }
        }
        assertEquals(1, tokenRequests().size());
        assertEquals(10, apiRequests().size());
        assertTrue(apiRequests().stream().allMatch(r -> ("Bearer " + TOKEN_1).equals(r.getHeader("Authorization"))));
    }

    @Test
    void sixtyFourConcurrentCallsOnAColdClientShareOneTokenRequest() throws Exception {
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(json(tokenJson(TOKEN_1, 3599))));
        apiAnswers();
        try (FlowsClient c = cc().build()) {
            List<CompletableFuture<Task>> calls = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                CompletableFuture<Task> f = new CompletableFuture<>();
                calls.add(f);
                String id = "task-" + i;
                threads.add(new Thread(() -> {
                    try {
                        f.complete(c.tasks().get(id));
                    } catch (Throwable t) {
                        f.completeExceptionally(t);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (CompletableFuture<Task> f : calls) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        assertEquals(1, tokenRequests().size());
        assertEquals(64, apiRequests().size());
    }

    @Test
    void anExpiredTokenIsReplacedOnTheClientsClock() {
        TestClock clock = new TestClock();
        wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(tokenJson(TOKEN_1, 3600))).willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(json(tokenJson(TOKEN_2, 3600))));
        apiAnswers();
        try (FlowsClient c = cc().clock(clock).build()) {
            c.tasks().get("task-1");
            clock.advanceSeconds(3539);
            c.tasks().get("task-2");
            assertEquals(1, tokenRequests().size(), "still far enough from expiry");
            clock.advanceSeconds(61 + 1); // expired: the call waits for a new token
            c.tasks().get("task-3");
        }
        assertEquals(2, tokenRequests().size());
        List<String> sent = apiRequests().stream().map(r -> r.getHeader("Authorization")).toList();
        assertEquals(List.of("Bearer " + TOKEN_1, "Bearer " + TOKEN_1, "Bearer " + TOKEN_2), sent);
    }

    // ------------------------------------------------------------------ errors

    @ParameterizedTest
    @CsvSource({"invalid_request,400", "invalid_client,401", "invalid_grant,400", "unauthorized_client,400",
            "unsupported_grant_type,400", "invalid_scope,400"})
    void eachRfc6749ErrorFailsTheCallWithoutSendingItOrRetrying(String error, int status) {
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(json(status, "{\"error\":\"" + error
                + "\",\"error_description\":\"because " + error + "\"}")));
        apiAnswers();
        try (FlowsClient c = cc().retryPolicy(RetryPolicy.defaults()).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.tasks().get("task-1"));
            assertEquals(error, e.error());
            assertEquals("because " + error, e.errorDescription());
            assertEquals(status, e.statusCode());
            ExecutionException async = assertThrows(ExecutionException.class,
                    () -> c.tasks().getAsync("task-1").get(10, TimeUnit.SECONDS));
            assertInstanceOf(AuthenticationException.class, async.getCause());
        }
        assertEquals(2, tokenRequests().size(), "one per call: 4xx answers of the token endpoint are not retried");
        assertEquals(0, apiRequests().size());
    }

    @Test
    void invalidClientNamesTheMethodAndHowToSwitch() {
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(json(401, "{\"error\":\"invalid_client\"}")));
        try (FlowsClient c = cc().build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.tasks().get("task-1"));
            assertTrue(e.getMessage().contains("client_secret_basic")
                    && e.getMessage().contains("authMethod(ClientAuthMethod.CLIENT_SECRET_POST)"), e.getMessage());
        }
    }

    @Test
    void anUnreachableTokenEndpointIsAnAuthenticationExceptionWithoutStatus() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).credentials(ClientCredentials.builder()
                .clientId("client-id").clientSecret(SECRET)
                .tokenUrl("http://127.0.0.1:" + closedPort + "/oauth2/token").build()).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.tasks().get("task-1"));
            assertEquals(0, e.statusCode());
            assertTrue(e.getMessage().contains("could not reach the token endpoint"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {302, 307, 308})
    void aRedirectOfTheTokenEndpointIsNotFollowed(int status) {
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "http://localhost:" + other.port() + "/steal")));
        other.stubFor(any(anyUrl()).willReturn(json(tokenJson(TOKEN_1, 3599))));
        try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).credentials(ClientCredentials.builder()
                .clientId("client-id").clientSecret(SECRET).authMethod(ClientAuthMethod.CLIENT_SECRET_POST).build())
                .build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.tasks().get("task-1"));
            assertEquals(status, e.statusCode());
            assertTrue(e.getMessage().contains("/steal"), e.getMessage());
        } finally {
            assertEquals(0, other.getAllServeEvents().size(), "the form body, secret included, went nowhere else");
            other.resetAll();
        }
    }

    @Test
    void theAccessTokenNeverFollowsARedirectToAnotherOrigin() {
        tokenEndpointIssues(TOKEN_1);
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks/task-1")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://localhost:" + other.port() + "/api/v1/flows/tasks/task-1")));
        other.stubFor(any(anyUrl()).willReturn(json(TASK_JSON)));
        try (FlowsClient c = cc().build()) {
            c.tasks().get("task-1");
            List<LoggedRequest> there = other.findAll(com.github.tomakehurst.wiremock.client.WireMock
                    .anyRequestedFor(anyUrl()));
            assertEquals(1, there.size());
            assertFalse(there.get(0).containsHeader("Authorization"));
        } finally {
            other.resetAll();
        }
    }

    // ------------------------------------------------------------------ secrets

    /** Every text a user or a log could see of a throwable. */
    private static String everything(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw, true));
        StringBuilder sb = new StringBuilder(sw.toString());
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append('\n').append(c.getMessage()).append('\n').append(c);
            if (c instanceof AuthenticationException a) {
                sb.append(a.error()).append(a.errorDescription());
            }
        }
        return sb.toString();
    }

    private static List<String> secretForms() {
        String encoded = "cc-SECRET-0815%2F%2B%3D";
        return List.of(SECRET, encoded, Base64.getEncoder().encodeToString(("client-id:" + encoded)
                .getBytes(StandardCharsets.UTF_8)), "cc-SECRET-0815", TOKEN_1, "cc-token-1");
    }

    private static void assertNoSecret(String where, String text) {
        for (String s : secretForms()) {
            assertFalse(text.contains(s), where + " leaked " + s + ": " + text);
        }
    }

    @Test
    void noSecretInAnyMessageToStringOrLogLineEvenWhenTheServersEchoThem() {
        List<String> log = new CopyOnWriteArrayList<>();
        // the token endpoint echoes the form body and the Basic header, the API echoes the bearer token
        String echo = "{{request.body}} {{request.headers.Authorization}}";
        wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("e").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"" + echo + "\"}")
                        .withHeader("X-Echo", "{{request.headers.Authorization}}")
                        .withTransformers("response-template")).willSetStateTo("text"));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("e").whenScenarioStateIs("text")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/plain").withBody(echo)
                        .withTransformers("response-template")).willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("e").whenScenarioStateIs("ok")
                .willReturn(json(tokenJson(TOKEN_1, 3599))));
        wm.stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain").withBody("{{request.headers.Authorization}}")
                .withTransformers("response-template")));

        List<Throwable> thrown = new ArrayList<>();
        FlowsClient.Builder b = cc().httpLogger(log::add);
        assertNoSecret("Builder.toString", b.toString());
        for (ClientAuthMethod method : ClientAuthMethod.values()) {
            wm.setScenarioState("e", Scenario.STARTED);
            ClientCredentials creds = ClientCredentials.builder().clientId("client-id").clientSecret(SECRET)
                    .authMethod(method).build();
            assertNoSecret("ClientCredentials.toString", creds.toString());
            FlowsClient.Builder mb = WireMockSupport.builderWithoutAuth(wm).credentials(creds).httpLogger(log::add);
            assertNoSecret("Builder.toString", mb.toString());
            try (FlowsClient c = mb.build()) {
                assertNoSecret("FlowsClient.toString", c.toString());
                for (int i = 0; i < 3; i++) {
                    try {
                        c.tasks().get("task-1");
                    } catch (FlowsException e) {
                        thrown.add(e);
                    }
                    try {
                        c.tasks().getAsync("task-1").get(10, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        thrown.add(e.getCause());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        assertTrue(thrown.size() >= 8, thrown.toString());
        assertTrue(thrown.stream().anyMatch(t -> t instanceof AuthenticationException a && a.statusCode() == 401));
        assertTrue(thrown.stream().anyMatch(t -> t instanceof AuthenticationException a && a.statusCode() == 500));
        assertTrue(thrown.stream().anyMatch(t -> t instanceof io.flowsdk.client.error.BadRequestException));
        for (Throwable t : thrown) {
            assertInstanceOf(FlowsException.class, t);
            assertNoSecret("exception", everything(t));
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("/oauth2/token")), "the token requests were logged");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Authorization")), "with their header masked");
        for (String line : log) {
            assertNoSecret("log line", line);
        }
    }

    // ------------------------------------------------------------------ builder rules

    @Test
    void twoWaysToAuthenticateAreRefusedNamingBoth() {
        ClientCredentials creds = ClientCredentials.builder().clientId("i").clientSecret(SECRET).build();
        Map<String, java.util.function.UnaryOperator<FlowsClient.Builder>> ways = new java.util.LinkedHashMap<>();
        ways.put("bearerToken", b -> b.bearerToken("tok-1"));
        ways.put("tokenProvider", b -> b.tokenProvider(() -> "tok-1"));
        ways.put("clientCredentials", b -> b.clientCredentials("i", SECRET));
        ways.put("credentials", b -> b.credentials(creds));
        ways.put("noAuthentication", FlowsClient.Builder::noAuthentication);
        for (var first : ways.entrySet()) {
            for (var second : ways.entrySet()) {
                if (first.getKey().equals(second.getKey())) {
                    continue;
                }
                FlowsClient.Builder b = second.getValue().apply(first.getValue().apply(
                        FlowsClient.builder().baseUrl("https://acme.example.com/api/v1")));
                IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
                assertTrue(e.getMessage().startsWith(first.getKey() + " and " + second.getKey()
                        + " are mutually exclusive"), e.getMessage());
                assertNoSecret("message", e.getMessage());
            }
        }
    }

    @Test
    void settingTheSameWayTwiceKeepsTheLast() {
        tokenEndpointIssues(TOKEN_1);
        apiAnswers();
        try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).clientCredentials("first", "s1")
                .clientCredentials("client-id", SECRET).build()) {
            c.tasks().get("task-1");
        }
        assertEquals(basic("client-id", "cc-SECRET-0815%2F%2B%3D"), tokenRequests().get(0).getHeader("Authorization"));
    }

    @Test
    void aNonLoopbackHostNeedsAuthenticationOrAnExplicitNone() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FlowsClient.builder().baseUrl("https://acme.example.com/api/v1").build());
        assertTrue(e.getMessage().contains("noAuthentication()") && e.getMessage().contains("acme.example.com"),
                e.getMessage());
        FlowsClient.builder().baseUrl("https://acme.example.com/api/v1").noAuthentication().build().close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:1/api/v1", "http://127.0.0.1:1/api/v1", "http://[::1]:1/api/v1"})
    void aLoopbackHostMayGoWithoutAuthentication(String url) {
        FlowsClient.builder().baseUrl(url).build().close();
    }

    @Test
    void noAuthenticationSendsNoHeader() {
        apiAnswers();
        try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).noAuthentication().build()) {
            c.tasks().get("task-1");
            assertEquals("none", c.authenticator().toString());
        }
        assertFalse(WireMockSupport.onlyRequest(wm).containsHeader("Authorization"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://login.acme.example.com/oauth2/token", "http://10.0.0.1/oauth2/token"})
    void theTokenUrlObeysTheHttpsRule(String tokenUrl) {
        ClientCredentials creds = ClientCredentials.builder().clientId("i").clientSecret(SECRET).tokenUrl(tokenUrl).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlowsClient.builder()
                .baseUrl("https://acme.example.com/api/v1").credentials(creds).build());
        assertTrue(e.getMessage().contains("tokenUrl") && e.getMessage().contains("allowInsecureHttp"), e.getMessage());
        assertNoSecret("message", e.getMessage());
        FlowsClient.builder().baseUrl("https://acme.example.com/api/v1").credentials(creds).allowInsecureHttp()
                .build().close();
        FlowsClient.builder().baseUrl("https://acme.example.com/api/v1").credentials(creds.toBuilder()
                .tokenUrl("http://127.0.0.1:9/oauth2/token").build()).build().close();
    }

    @Test
    void theDefaultTokenUrlIsTheOriginPlusOauth2Token() {
        try (FlowsClient c = FlowsClient.builder().baseUrl("https://acme.example.com/api/v1")
                .clientCredentials("i", SECRET).build()) {
            assertTrue(c.toString().contains("token URL https://acme.example.com/oauth2/token"), c.toString());
        }
    }

    @Test
    void aStaticBearerTokenIsNotRetriedOn401() {
        wm.stubFor(get(anyUrl()).willReturn(json(401, "{\"message\":\"expired\"}")));
        try (FlowsClient c = WireMockSupport.builder(wm).build()) {
            assertThrows(io.flowsdk.client.error.UnauthorizedException.class, () -> c.tasks().get("task-1"));
        }
        assertEquals(1, WireMockSupport.requests(wm).size());
    }

    @Test
    void theProductionSnippetsCompileAndRun() {
        tokenEndpointIssues(TOKEN_1);
        apiAnswers();
        try (FlowsClient a = FlowsClient.builder().baseUrl(WireMockSupport.baseUrl(wm))
                .clientCredentials("client-id", "client-secret", "read", "write")
                .build();
             FlowsClient b = FlowsClient.builder().baseUrl(WireMockSupport.baseUrl(wm))
                .credentials(ClientCredentials.builder()
                        .clientId("client-id").clientSecret("client-secret")
                        .scopes("read", "write")
                        .tokenUrl("http://localhost:" + wm.port() + "/oauth2/token")
                        .authMethod(ClientAuthMethod.CLIENT_SECRET_BASIC)
                        .refreshBefore(Duration.ofSeconds(60))
                        .build())
                .build()) {
            a.tasks().get("task-1");
            b.tasks().get("task-1");
        }
        AuthenticationException e = new AuthenticationException("m", "invalid_client", "d", 401, null);
        FlowsException asBase = e;
        String error = e.error();
        String description = e.errorDescription();
        int status = e.statusCode();
        assertEquals("invalid_client d 401", error + " " + description + " " + status);
        assertNull(new AuthenticationException("m", null, null, 0, null).error());
        assertTrue(asBase instanceof AuthenticationException);
        assertEquals(2, tokenRequests().size());
    }
}
