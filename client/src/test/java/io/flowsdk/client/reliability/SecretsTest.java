package io.flowsdk.client.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.FlowsException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bearer token never leaves for another host, never shows in text, and http needs an opt-in. */
class SecretsTest {
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
        System.out.println("[reliability] after SecretsTest: " + Support.figures());
    }

    @BeforeEach
    void reset() {
        a.resetAll();
        b.resetAll();
    }

    @ParameterizedTest(name = "redirect {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void theTokenIsNeverSentToAnotherHostOnRedirect(int status) {
        String target = "http://127.0.0.1:" + b.port() + "/elsewhere";
        a.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Location", target)));
        b.stubFor(any(anyUrl()).willReturn(okJson(Support.task("t-1"))));
        Support.LogSink log = new Support.LogSink();
        for (OkHttpClient shared : new OkHttpClient[] {null, new OkHttpClient()}) {
            FlowsClient.Builder builder = Support.builder(Support.baseUrl(a), Duration.ofSeconds(5),
                    RetryPolicy.none(), null, log);
            if (shared != null) {
                builder.httpClient(shared);
            }
            try (FlowsClient c = builder.build()) {
                try {
                    c.tasks().get("t-1");
                } catch (FlowsException e) {
                    Support.assertNoToken(e);
                }
                try {
                    c.tasks().complete("t-1");
                } catch (FlowsException e) {
                    Support.assertNoToken(e);
                }
            }
        }
        List<LoggedRequest> atA = a.findAll(anyRequestedFor(anyUrl()));
        assertTrue(atA.stream().allMatch(r -> ("Bearer " + Support.TOKEN).equals(r.getHeader("Authorization"))));
        List<LoggedRequest> atB = b.findAll(anyRequestedFor(anyUrl()));
        assertFalse(atB.isEmpty(), "the redirect was followed");
        for (LoggedRequest r : atB) {
            assertFalse(r.containsHeader("Authorization"), "B saw Authorization on " + r.getMethod());
            assertFalse(r.getAllHeaderKeys().stream().anyMatch(k -> r.getHeader(k).contains(Support.TOKEN)));
        }
        Support.REQUESTS_OBSERVED.addAndGet(atA.size() + atB.size());
        Support.assertNoToken(log);
    }

    /**
     * OkHttp itself drops Authorization on a cross-host redirect; the pipeline's network guard makes
     * that a guarantee of its own: here an application interceptor of a shared client sends the
     * call to another host, and the token still does not go along.
     */
    @Test
    void thePipelineGuardStripsTheTokenForAnyOtherOrigin() {
        b.stubFor(any(anyUrl()).willReturn(okJson(Support.task("t-1"))));
        OkHttpClient rerouting = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(chain.request()
                .newBuilder().url(chain.request().url().newBuilder().host("127.0.0.1").port(b.port()).build()).build()))
                .build();
        Support.LogSink log = new Support.LogSink();
        try (FlowsClient c = Support.builder(Support.baseUrl(a), Duration.ofSeconds(5), RetryPolicy.none(),
                null, log).httpClient(rerouting).build()) {
            c.tasks().get("t-1");
            c.tasks().complete("t-1");
        }
        List<LoggedRequest> atB = b.findAll(anyRequestedFor(anyUrl()));
        assertEquals(2, atB.size());
        atB.forEach(r -> assertFalse(r.containsHeader("Authorization"), "B saw Authorization"));
        assertEquals(0, a.getAllServeEvents().size());
        Support.assertNoToken(log);
    }

    @Test
    void theLoggerRedactsAuthorization() {
        a.stubFor(any(anyUrl()).willReturn(okJson(Support.task("t-1")).withHeader("X-Echo", Support.TOKEN)));
        Support.LogSink log = new Support.LogSink();
        try (FlowsClient c = Support.builder(Support.baseUrl(a), Duration.ofSeconds(5), RetryPolicy.none(),
                null, log).build()) {
            c.tasks().get("t-1");
        }
        assertTrue(log.lines.contains("Authorization: \u2588\u2588"), String.valueOf(log.lines));
        Support.assertNoToken(log);
    }

    @Test
    void toStringsNeverShowTheToken() {
        FlowsClient.Builder builder = Support.builder(Support.baseUrl(a), Duration.ofSeconds(5), RetryPolicy.none(),
                null, null);
        Support.assertNoToken("Builder.toString", builder.toString());
        try (FlowsClient c = builder.build()) {
            Support.assertNoToken("FlowsClient.toString", c.toString());
            Support.assertNoToken("Tasks.toString", c.tasks().toString());
            Support.assertNoToken("Query.toString", c.tasks().list().toString());
        }
    }

    @Test
    void aBadTokenFromTheProviderIsRefusedWithoutShowingIt() {
        a.stubFor(any(anyUrl()).willReturn(okJson(Support.task("t-1"))));
        for (String bad : List.of(Support.TOKEN + "\r\nX-Injected: 1", Support.TOKEN + " ", Support.TOKEN + "\u00e9")) {
            try (FlowsClient c = FlowsClient.builder().baseUrl(Support.baseUrl(a)).tokenProvider(() -> bad).build()) {
                FlowsException e = assertThrows(FlowsException.class, () -> c.tasks().get("t-1"));
                Support.assertNoToken(e);
            }
            IllegalArgumentException iae = assertThrows(IllegalArgumentException.class,
                    () -> FlowsClient.builder().bearerToken(bad));
            Support.assertNoToken(iae);
        }
        assertEquals(0, a.getAllServeEvents().size(), "nothing was sent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://acme.example.com/api/v1", "http://10.1.2.3/api/v1", "http://[2001:db8::1]/api/v1",
            "http://localhost.evil.com/api/v1", "http://127.0.0.1.nip.io/api/v1"})
    void plainHttpToANonLoopbackHostNeedsAnOptIn(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlowsClient.builder().baseUrl(url).bearerToken(Support.TOKEN).build());
        assertTrue(e.getMessage().contains("http") && e.getMessage().contains("allowInsecureHttp"), e.getMessage());
        Support.assertNoToken(e);
        FlowsClient.builder().baseUrl(url).bearerToken(Support.TOKEN).allowInsecureHttp().build().close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/api/v1", "http://127.0.0.1/api/v1", "http://127.5.6.7/api/v1",
            "http://[::1]:9/api/v1", "https://acme.example.com/api/v1"})
    void loopbackAndHttpsNeedNoOptIn(String url) {
        FlowsClient.builder().baseUrl(url).bearerToken(Support.TOKEN).build().close();
    }
}
