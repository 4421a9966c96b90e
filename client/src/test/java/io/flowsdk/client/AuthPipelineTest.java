package io.flowsdk.client;

import io.flowsdk.client.testing.VirtualTime;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.error.UnauthorizedException;
import io.flowsdk.client.model.Task;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.flowsdk.client.ClientCredentialsWireTest.tokenJson;
import static io.flowsdk.client.WireMockSupport.TASK_JSON;
import static io.flowsdk.client.WireMockSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the transport does with the {@code Authenticator}: retry once after a 401 with a new token,
 * send the token request through the retrying transport, and chain asynchronous calls on
 * {@code tokenAsync()} instead of blocking.
 */
class AuthPipelineTest extends WireMockTestBase {

    private FlowsClient.Builder cc() {
        return WireMockSupport.builderWithoutAuth(wm).clientCredentials("client-id", "cc-secret-1");
    }

    private void tokensInTurn(String... tokens) {
        for (int i = 0; i < tokens.length; i++) {
            wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("tokens")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "t" + i)
                    .willReturn(json(tokenJson(tokens[i], 3600))).willSetStateTo("t" + (i + 1)));
        }
    }

    private int tokenRequests() {
        return wm.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).size();
    }

    private int apiRequests() {
        return (int) WireMockSupport.requests(wm).stream().filter(r -> r.getUrl().startsWith("/api/")).count();
    }

    private void apiAccepts(String token) {
        wm.stubFor(get(urlPathMatching("/api/v1/.*")).willReturn(json(401, "{\"message\":\"invalid token\"}")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        wm.stubFor(post(urlPathMatching("/api/v1/.*")).willReturn(json(401, "{\"message\":\"invalid token\"}")));
        if (token != null) {
            wm.stubFor(get(urlPathMatching("/api/v1/.*")).withHeader("Authorization", equalTo("Bearer " + token))
                    .willReturn(json(TASK_JSON)));
            wm.stubFor(post(urlPathMatching("/api/v1/.*")).withHeader("Authorization", equalTo("Bearer " + token))
                    .willReturn(json(TASK_JSON)));
        }
    }

    // ------------------------------------------------------------------ 401

    @Test
    void a401DropsTheTokenAndTheCallIsRetriedOnceWithANewOneWhateverItsMethod() {
        tokensInTurn("tok-revoked", "tok-fresh", "tok-fresh-2");
        apiAccepts("tok-fresh");
        try (FlowsClient c = cc().build()) {
            c.tasks().get("task-1");
            c.tasks().create(new Task().displayName("x")); // a POST too: a 401 means it was not processed
        }
        assertEquals(2, tokenRequests());
        assertEquals(3, apiRequests());
    }

    @Test
    void aSecond401IsAnUnauthorizedException() {
        tokensInTurn("tok-1", "tok-2", "tok-3");
        apiAccepts(null);
        try (FlowsClient c = cc().retryPolicy(RetryPolicy.defaults()).build()) {
            assertThrows(UnauthorizedException.class, () -> c.tasks().get("task-1"));
        }
        assertEquals(2, tokenRequests());
        assertEquals(2, apiRequests(), "one retry for the 401, none from the RetryPolicy");
    }

    @Test
    void asyncCallsGetTheSame401Retry() throws Exception {
        tokensInTurn("tok-revoked", "tok-fresh");
        apiAccepts("tok-fresh");
        try (FlowsClient c = cc().build()) {
            c.tasks().getAsync("task-1").get(10, TimeUnit.SECONDS);
        }
        assertEquals(2, tokenRequests());
        assertEquals(2, apiRequests());
    }

    @Test
    void aTokenProviderIsAskedAgainOn401AndTheCallRetriedOnlyWithADifferentToken() {
        apiAccepts("tok-2");
        AtomicInteger n = new AtomicInteger();
        try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).tokenProvider(() -> "tok-" + n.incrementAndGet())
                .build()) {
            c.tasks().get("task-1");
        }
        assertEquals(2, apiRequests());
        wm.resetRequests();
        try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).tokenProvider(() -> "tok-same").build()) {
            assertThrows(UnauthorizedException.class, () -> c.tasks().get("task-1"));
        }
        assertEquals(1, apiRequests(), "asking again gave the same token: no second request");
    }

    // ------------------------------------------------------------------ the token request's retries

    @Test
    void aTokenEndpoint503ThenTokenIsRetriedPerTheRetryPolicy() {
        VirtualTime time = VirtualTime.auto();
        wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, "<html>busy</html>")).willSetStateTo("up"));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("t").whenScenarioStateIs("up")
                .willReturn(json(tokenJson("tok-1", 3600))));
        apiAccepts("tok-1");
        try (FlowsClient c = cc().retryPolicy(RetryPolicy.defaults()).clock(time).build()) {
            c.tasks().get("task-1");
        }
        assertEquals(2, tokenRequests());
        assertEquals(1, time.waits().size(), "one backoff between the two token requests");
    }

    @Test
    void aTokenEndpoint429HonoursRetryAfter() {
        VirtualTime time = VirtualTime.auto();
        wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("up"));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("t").whenScenarioStateIs("up")
                .willReturn(json(tokenJson("tok-1", 3600))));
        apiAccepts("tok-1");
        try (FlowsClient c = cc().retryPolicy(RetryPolicy.defaults()).clock(time).build()) {
            c.tasks().get("task-1");
        }
        assertEquals(List.of(Duration.ofSeconds(2)), time.waits());
    }

    @Test
    void aTokenEndpointThatStays503FailsWithAnAuthenticationExceptionAfterMaxAttempts() {
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(json(503, "{}")));
        try (FlowsClient c = cc().retryPolicy(RetryPolicy.defaults()).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.tasks().get("task-1"));
            assertEquals(503, e.statusCode());
        }
        assertEquals(3, tokenRequests());
    }

    // ------------------------------------------------------------------ async never blocks

    @Test
    void anAsyncCallOnAColdClientReturnsAtOnceAndChainsOnTheTokenRequest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        OkHttpClient gate = new OkHttpClient.Builder().addInterceptor(chain -> {
            if (chain.request().url().encodedPath().equals("/oauth2/token")) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return chain.proceed(chain.request());
        }).build();
        tokensInTurn("tok-1");
        apiAccepts("tok-1");
        try (FlowsClient c = cc().httpClient(gate).build()) {
            CompletableFuture<Task> f = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> c.tasks().getAsync("task-1"), "getAsync waited for the token request");
            assertFalse(f.isDone());
            release.countDown();
            assertEquals("task-1", f.get(10, TimeUnit.SECONDS).getId());
        } finally {
            release.countDown();
            gate.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void anAsyncCallRunsTheTokenProviderOnAClientThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> ranOn = new AtomicReference<>();
        apiAccepts("tok-1");
        try (FlowsClient c = WireMockSupport.builderWithoutAuth(wm).tokenProvider(() -> {
            ranOn.set(Thread.currentThread().getName());
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "tok-1";
        }).build()) {
            CompletableFuture<Task> f = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> c.tasks().getAsync("task-1"), "getAsync ran the provider on the caller's thread");
            release.countDown();
            f.get(10, TimeUnit.SECONDS);
            assertTrue(ranOn.get().startsWith("flows-"), ranOn.get());
        } finally {
            release.countDown();
        }
    }
}
