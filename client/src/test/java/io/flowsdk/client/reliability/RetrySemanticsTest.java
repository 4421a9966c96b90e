package io.flowsdk.client.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.TestHooks;
import io.flowsdk.client.testing.VirtualTime;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retry rules, backoff, Retry-After, per-attempt and total timeouts. */
class RetrySemanticsTest extends ReliabilityServerTest {
    private static final String TASK_PATH = "/api/v1/flows/tasks/t-1";


    private FlowsClient client(Duration timeout, RetryPolicy policy, VirtualTime sleeper) {
        return Support.builder(Support.baseUrl(server), timeout, policy, sleeper, null).build();
    }

    private static void failTimesThenOk(String path, int n, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= n; i++) {
            server.stubFor(get(urlPathEqualTo(path)).inScenario("s").whenScenarioStateIs(state).willReturn(failure)
                    .willSetStateTo("after-" + i));
            state = "after-" + i;
        }
        server.stubFor(get(urlPathEqualTo(path)).inScenario("s").whenScenarioStateIs(state)
                .willReturn(okJson(Support.task("t-1"))));
    }

    // ---- backoff formula ----

    @Test
    void backoffIsExponentialWithEqualJitterAndCapped() {
        RetryPolicy p = RetryPolicy.defaults(); // 100 ms .. 2 s
        assertEquals(Duration.ofMillis(50), p.backoff(1, 0.0));
        assertEquals(Duration.ofMillis(75), p.backoff(1, 0.5));
        assertEquals(Duration.ofMillis(100), p.backoff(1, 1.0));
        assertEquals(Duration.ofMillis(100), p.backoff(2, 0.0));
        assertEquals(Duration.ofMillis(200), p.backoff(2, 1.0));
        assertEquals(Duration.ofMillis(300), p.backoff(3, 0.5));
        assertEquals(Duration.ofMillis(800), p.backoff(5, 0.0));
        assertEquals(Duration.ofMillis(1000), p.backoff(6, 0.0)); // 3.2 s capped to 2 s
        assertEquals(Duration.ofMillis(2000), p.backoff(6, 1.0));
        assertEquals(Duration.ofMillis(1500), p.backoff(1_000_000, 0.5)); // no overflow
        RetryPolicy custom = RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(30))
                .build();
        assertEquals(Duration.ofMillis(10), custom.backoff(2, 0.0)); // b = 20 ms, wait in [10, 20]
        assertEquals(Duration.ofMillis(30), custom.backoff(3, 1.0));
        assertEquals(Duration.ZERO, RetryPolicy.builder().initialBackoff(Duration.ZERO).build().backoff(3, 1.0));
        assertThrows(IllegalArgumentException.class, () -> p.backoff(0, 0.5));
        for (double r = 0; r < 1; r += 0.01) {
            for (int a = 1; a < 40; a++) {
                Duration d = p.backoff(a, r);
                assertTrue(d.compareTo(Duration.ofMillis(50)) >= 0 && d.compareTo(Duration.ofSeconds(2)) <= 0);
            }
        }
    }

    @Test
    void pipelineWaitsTheBackoffOfTheInjectedRandom() {
        failTimesThenOk(TASK_PATH, 2, aResponse().withStatus(503));
        VirtualTime sleeper = VirtualTime.auto();
        FlowsClient.Builder b = Support.builder(Support.baseUrl(server), Duration.ofSeconds(5), RetryPolicy.defaults(),
                sleeper, null);
        try (FlowsClient c = TestHooks.random(b, () -> 0.5).build()) {
            assertEquals("t-1", c.tasks().get("t-1").getId());
        }
        assertEquals(List.of(Duration.ofMillis(75), Duration.ofMillis(150)), sleeper.waits());
        assertEquals(3, server.findAll(getRequestedFor(urlPathEqualTo(TASK_PATH))).size());
    }

    @Test
    void attemptsAreCappedByMaxAttempts() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
        VirtualTime sleeper = VirtualTime.auto();
        try (FlowsClient c = client(Duration.ofSeconds(5), RetryPolicy.builder().maxAttempts(4).build(), sleeper)) {
            ServerException e = assertThrows(ServerException.class, () -> c.tasks().get("t-1"));
            assertEquals(503, e.statusCode());
        }
        assertEquals(4, server.findAll(getRequestedFor(anyUrl())).size());
        assertEquals(3, sleeper.waits().size());
        server.resetAll();
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
        try (FlowsClient c = client(Duration.ofSeconds(5), RetryPolicy.none(), sleeper)) {
            assertThrows(ServerException.class, () -> c.tasks().get("t-1"));
        }
        assertEquals(1, server.findAll(getRequestedFor(anyUrl())).size());
    }

    // ---- Retry-After ----

    @Test
    void retryAfterAsHttpDateUsesTheClock() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(7), ZoneOffset.UTC));
        failTimesThenOk(TASK_PATH, 1, aResponse().withStatus(429).withHeader("Retry-After", date));
        VirtualTime sleeper = VirtualTime.auto(now);
        FlowsClient.Builder b = Support.builder(Support.baseUrl(server), Duration.ofSeconds(5), RetryPolicy.defaults(),
                sleeper, null);
        try (FlowsClient c = b.build()) {
            c.tasks().get("t-1");
        }
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.waits());
    }

    @Test
    void retryAfterOnA503IsHonouredToo() {
        failTimesThenOk(TASK_PATH, 1, aResponse().withStatus(503).withHeader("Retry-After", "3"));
        VirtualTime sleeper = VirtualTime.auto();
        try (FlowsClient c = client(Duration.ofSeconds(5), RetryPolicy.defaults(), sleeper)) {
            c.tasks().get("t-1");
        }
        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits());
    }

    @Test
    void retryAfterBeyondTheCapFailsFastWithRetryAfter() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(600), ZoneOffset.UTC));
        for (String header : List.of("120", date)) {
            server.resetAll();
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", header)));
            server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", header)));
            VirtualTime sleeper = VirtualTime.auto(now);
            FlowsClient.Builder b = Support.builder(Support.baseUrl(server), Duration.ofSeconds(5), RetryPolicy.defaults(),
                    sleeper, null);
            try (FlowsClient c = b.build()) {
                long t0 = System.nanoTime();
                RateLimitedException e = assertThrows(RateLimitedException.class, () -> c.tasks().get("t-1"));
                assertEquals(Duration.ofSeconds(header.equals("120") ? 120 : 600), e.retryAfter().orElseThrow());
                RateLimitedException p = assertThrows(RateLimitedException.class, () -> c.tasks().cancel("t-1"));
                assertTrue(p.retryAfter().isPresent());
                assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos());
                Support.assertNoToken(e);
            }
            assertEquals(List.of(), sleeper.waits(), "no wait at all");
            assertEquals(2, server.getAllServeEvents().size(), "one request each");
        }
        // a smaller cap of the policy applies too
        server.resetAll();
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
        try (FlowsClient c = client(Duration.ofSeconds(5),
                RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(2)).build(), VirtualTime.auto())) {
            assertEquals(Duration.ofSeconds(5),
                    assertThrows(RateLimitedException.class, () -> c.tasks().get("t-1")).retryAfter().orElseThrow());
        }
        assertEquals(1, server.getAllServeEvents().size());
    }

    @Test
    void retryAfterThatWouldPassTheTotalTimeoutFailsFast() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "10")));
        VirtualTime sleeper = VirtualTime.auto();
        FlowsClient.Builder b = Support.builder(Support.baseUrl(server), Duration.ofSeconds(1), RetryPolicy.defaults(),
                sleeper, null).totalTimeout(Duration.ofSeconds(3));
        try (FlowsClient c = b.build()) {
            RateLimitedException e = assertThrows(RateLimitedException.class, () -> c.tasks().get("t-1"));
            assertEquals(Duration.ofSeconds(10), e.retryAfter().orElseThrow());
        }
        assertEquals(List.of(), sleeper.waits());
    }

    // ---- POST only when not sent ----

    @Test
    void postIsRetriedWhenTheConnectionWasRefused() throws Exception {
        int port = Support.closedPort();
        AtomicReference<WireMockServer> late = new AtomicReference<>();
        VirtualTime sleeper = VirtualTime.auto().onWait(() -> {
            if (late.get() == null) { // the server comes up during the first backoff
                WireMockServer s = new WireMockServer(options().port(port));
                s.start();
                s.stubFor(post(anyUrl()).willReturn(okJson(Support.task("t-1"))));
                late.set(s);
            }
        });
        try (FlowsClient c = Support.builder("http://localhost:" + port + "/api/v1", Duration.ofSeconds(5),
                RetryPolicy.defaults(), sleeper, null).build()) {
            Task t = c.tasks().complete("t-1", Map.of("ok", true));
            assertEquals("t-1", t.getId());
            assertEquals(1, late.get().findAll(postRequestedFor(anyUrl())).size(), "exactly one POST arrived");
            assertEquals(1, sleeper.waits().size());
        } finally {
            if (late.get() != null) {
                late.get().stop();
            }
        }
    }

    @Test
    void refusedEverywhereEndsInTransportExceptionAfterAllAttempts() throws Exception {
        int port = Support.closedPort();
        VirtualTime sleeper = VirtualTime.auto();
        try (FlowsClient c = Support.builder("http://127.0.0.1:" + port + "/api/v1", Duration.ofSeconds(5),
                RetryPolicy.defaults(), sleeper, null).build()) {
            FlowsTransportException e = assertThrows(FlowsTransportException.class, () -> c.flows().cancel("f-1"));
            assertTrue(e.getCause() instanceof java.net.ConnectException, String.valueOf(e.getCause()));
            Support.assertNoToken(e);
        }
        assertEquals(2, sleeper.waits().size(), "three attempts");
    }

    // ---- timeouts ----

    @Test
    void aServerThatNeverAnswersTimesOutPerAttempt() {
        server.stubFor(get(anyUrl()).willReturn(okJson(Support.task("t-1")).withFixedDelay(5000)));
        server.stubFor(post(anyUrl()).willReturn(okJson(Support.task("t-1")).withFixedDelay(5000)));
        Duration timeout = Duration.ofMillis(300);
        try (FlowsClient c = client(timeout, RetryPolicy.none(), null)) {
            long t0 = System.nanoTime();
            FlowsTransportException e = assertThrows(FlowsTransportException.class, () -> c.tasks().get("t-1"));
            long took = System.nanoTime() - t0;
            assertTrue(took < timeout.multipliedBy(3).toNanos(), "took " + Duration.ofNanos(took));
            assertTrue(took >= timeout.toNanos() - 20_000_000L, "waited the timeout: " + Duration.ofNanos(took));
            Support.assertNoToken(e);
        }
        // with retries: every GET attempt gets its own timeout; the POST is never resent
        VirtualTime sleeper = VirtualTime.auto();
        try (FlowsClient c = client(timeout, RetryPolicy.defaults(), sleeper)) {
            long t0 = System.nanoTime();
            assertThrows(FlowsTransportException.class, () -> c.tasks().get("t-1"));
            long took = System.nanoTime() - t0;
            assertTrue(took < timeout.multipliedBy(3).plusMillis(600).toNanos(), "took " + Duration.ofNanos(took));
            assertEquals(3, server.findAll(getRequestedFor(anyUrl())).size() - 1);
            int getsBefore = server.findAll(getRequestedFor(anyUrl())).size();
            t0 = System.nanoTime();
            assertThrows(FlowsTransportException.class, () -> c.tasks().complete("t-1"));
            // the POST's answer is lost: the task is read back (3 GET attempts, each timing out) to reconcile
            assertTrue(System.nanoTime() - t0 < timeout.multipliedBy(6).toNanos());
            assertEquals(1, server.findAll(postRequestedFor(anyUrl())).size(), "no duplicate POST on timeout");
            assertEquals(3, server.findAll(getRequestedFor(anyUrl())).size() - getsBefore, "the reconciling read");
        }
    }

    @Test
    void aServerThatTricklesBytesTimesOut() {
        server.stubFor(get(anyUrl()).willReturn(okJson(Support.taskList(1, 20, 20)).withChunkedDribbleDelay(50, 5000)));
        Duration timeout = Duration.ofMillis(300);
        try (FlowsClient c = client(timeout, RetryPolicy.none(), null)) {
            long t0 = System.nanoTime();
            FlowsTransportException e = assertThrows(FlowsTransportException.class, () -> c.tasks().list().toList());
            long took = System.nanoTime() - t0;
            assertTrue(took < timeout.multipliedBy(3).toNanos(), "took " + Duration.ofNanos(took));
            Support.assertNoToken(e);
        }
    }

    @Test
    void totalTimeoutIsADeadlineOverAllAttempts() {
        server.stubFor(get(anyUrl()).willReturn(okJson(Support.task("t-1")).withFixedDelay(3000)));
        FlowsClient.Builder b = Support.builder(Support.baseUrl(server), Duration.ofMillis(400),
                RetryPolicy.builder().maxAttempts(10).build(), null, null)
                .totalTimeout(Duration.ofMillis(700));
        try (FlowsClient c = b.build()) {
            long t0 = System.nanoTime();
            assertThrows(FlowsTransportException.class, () -> c.tasks().get("t-1"));
            long took = System.nanoTime() - t0;
            assertTrue(took < Duration.ofMillis(700 + 400).toNanos(), "took " + Duration.ofNanos(took));
            assertTrue(took >= Duration.ofMillis(600).toNanos(), "used the time it had: " + Duration.ofNanos(took));
        }
        int n = server.findAll(getRequestedFor(anyUrl())).size();
        assertTrue(n >= 2 && n <= 3, "attempts within the deadline: " + n);
    }

    // ---- bodies cut off (Content-Length longer than what is sent) ----

    @Test
    void aTruncatedBodyIsRetriedForGetAndNeverResentForPost() throws Exception {
        String cut = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"id\":\"t-1\",\"disp";
        String ok = Support.task("t-1");
        String full = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + ok.length()
                + "\r\nConnection: close\r\n\r\n" + ok;
        try (RawServer raw = new RawServer(n -> n == 0 ? cut : full)) {
            VirtualTime sleeper = VirtualTime.auto();
            try (FlowsClient c = Support.builder("http://127.0.0.1:" + raw.port() + "/api/v1", Duration.ofSeconds(5),
                    RetryPolicy.defaults(), sleeper, null).build()) {
                assertEquals("t-1", c.tasks().get("t-1").getId());
                assertEquals(2, raw.requestLines.size());
            }
        }
        try (RawServer raw = new RawServer(n -> cut)) {
            try (FlowsClient c = Support.builder("http://127.0.0.1:" + raw.port() + "/api/v1", Duration.ofSeconds(5),
                    RetryPolicy.defaults(), VirtualTime.auto(), null).build()) {
                FlowsTransportException e = assertThrows(FlowsTransportException.class,
                        () -> c.tasks().complete("t-1"));
                Support.assertNoToken(e);
                // the POST once; then the reconciling read of the task (cut off too, so retried as a GET)
                assertEquals(List.of("POST /api/v1/flows/tasks/t-1/.complete HTTP/1.1",
                        "GET /api/v1/flows/tasks/t-1 HTTP/1.1", "GET /api/v1/flows/tasks/t-1 HTTP/1.1",
                        "GET /api/v1/flows/tasks/t-1 HTTP/1.1"), raw.requestLines);
            }
        }
    }

    // ---- huge error body ----

    @Test
    void aHugeErrorBodyIsNotReadToTheEnd() {
        // 5 MB, trickled over 20 s: reading it all would take 20 s
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/plain")
                .withBody("e".repeat(5 * 1024 * 1024)).withChunkedDribbleDelay(40, 20_000)));
        try (FlowsClient c = client(Duration.ofSeconds(30), RetryPolicy.none(), null)) {
            long t0 = System.nanoTime();
            ServerException e = assertThrows(ServerException.class, () -> c.tasks().get("t-1"));
            long took = System.nanoTime() - t0;
            assertTrue(took < Duration.ofSeconds(3).toNanos(), "took " + Duration.ofNanos(took));
            assertEquals(2048, e.responseBody().length());
        }
    }
}
