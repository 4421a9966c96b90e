package io.flowsdk.client;

import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.testing.VirtualTime;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.model.Task;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.flowsdk.client.WireMockSupport.TASK_JSON;
import static io.flowsdk.client.WireMockSupport.json;
import static io.flowsdk.client.WireMockSupport.requests;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder's rules, token handling, a shared OkHttp client, and close(). */
class ClientBuilderTest extends WireMockTestBase {

    @Test
    void tokenProviderIsCalledPerRequestAndRotatedTokensAreSent() {
        client.close();
        AtomicInteger n = new AtomicInteger();
        client = WireMockSupport.builderWithoutAuth(wm).tokenProvider(() -> "rot-" + n.incrementAndGet()).build();
        wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON)));
        client.tasks().get("task-1");
        client.tasks().get("task-1");
        client.flows().find("flow-1");
        assertEquals(List.of("Bearer rot-1", "Bearer rot-2", "Bearer rot-3"),
                requests(wm).stream().map(r -> r.getHeader("Authorization")).sorted().toList());
        assertEquals(3, n.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc\r\nX-Evil: 1", "abc\nd", "abc\rd", "", "   "})
    void bearerTokenWithControlCharactersOrBlankIsRejectedAtBuild(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlowsClient.builder()
                .baseUrl("https://acme.example.com/api/v1").bearerToken(bad).build());
        assertFalse(!bad.isBlank() && e.getMessage().contains(bad.substring(0, 3) + "\r"), e.getMessage());
    }

    @Test
    void tokenProviderReturningCrLfFailsWithoutSending() {
        client.close();
        client = WireMockSupport.builderWithoutAuth(wm).tokenProvider(() -> "abc\r\nX-Evil: 1").build();
        assertThrows(FlowsException.class, () -> client.tasks().get("task-1"));
        assertEquals(0, requests(wm).size());
    }

    @Test
    void plainHttpToANonLoopbackHostIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlowsClient.builder().baseUrl("http://example.com/api/v1").bearerToken("t0k3n").build());
        assertTrue(e.getMessage().contains("http"), e.getMessage());
    }

    @Test
    void allowInsecureHttpOptsIn() {
        try (FlowsClient c = FlowsClient.builder().baseUrl("http://example.com/api/v1").bearerToken("t0k3n")
                .allowInsecureHttp().build()) {
            assertEquals("http://example.com/api/v1", c.baseUrl());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost/api/v1", "http://127.0.0.1/api/v1", "http://[::1]/api/v1",
            "http://localhost:8080/api/v1", "https://acme.example.com/api/v1"})
    void loopbackHttpAndHttpsAreAccepted(String url) {
        assertDoesNotThrow(() -> FlowsClient.builder().baseUrl(url).bearerToken("t0k3n").build().close());
    }

    @Test
    void missingBaseUrlIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> FlowsClient.builder().bearerToken("t0k3n").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://example.com/api/v1", "https://example.com/api/v1?x=1"})
    void unusableBaseUrlsAreIllegalArguments(String url) {
        assertThrows(IllegalArgumentException.class, () -> FlowsClient.builder().baseUrl(url).bearerToken("t0k3n").build());
    }

    @Test
    void trailingSlashOnBaseUrlDoesNotDoubleSlashes() {
        client.close();
        client = WireMockSupport.builder(wm).baseUrl(WireMockSupport.baseUrl(wm) + "/").build();
        wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON)));
        client.tasks().get("task-1");
        assertEquals("/api/v1/flows/tasks/task-1", WireMockSupport.onlyRequest(wm).getUrl());
    }

    @Test
    void sharedHttpClientCarriesTheRequestsAndSurvivesClose() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        OkHttpClient shared = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.add(chain.request().method() + " " + chain.request().url().encodedPath());
                    return chain.proceed(chain.request());
                })
                .build();
        try {
            client.close();
            client = WireMockSupport.builder(wm).httpClient(shared).build();
            wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON)));
            client.tasks().get("task-1");
            assertEquals(List.of("GET /api/v1/flows/tasks/task-1"), seen);
            assertEquals(1, requests(wm).size());

            client.close();
            assertFalse(shared.dispatcher().executorService().isShutdown());
            try (Response r = shared.newCall(new Request.Builder()
                    .url(WireMockSupport.baseUrl(wm) + "/flows/tasks/task-2").build()).execute()) {
                assertEquals(200, r.code());
            }
            assertEquals(2, seen.size());
        } finally {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
        }
    }

    @Test
    void closeStopsTheThreadsOfASelfBuiltClient() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        client.close();
        VirtualTime time = VirtualTime.manual();
        client = WireMockSupport.builder(wm).clock(time).build();
        wm.stubFor(get(anyUrl()).willReturn(json(TASK_JSON)));
        // start a poll that never succeeds: its first poll runs on the client's threads, then it waits
        CompletableFuture<Task> waiting = client.tasks().awaitAsync("task-1", t -> false, Duration.ofMinutes(5));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (time.pending() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(1, requests(wm).size());
        assertEquals(1, time.pending(), "the next poll is scheduled");
        assertFalse(ownThreads(before).isEmpty(), "the poll should have run on a client thread");

        client.close();
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!ownThreads(before).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(Set.of(), ownThreads(before).stream().map(Thread::getName).collect(Collectors.toSet()));
        // and a pending awaitAsync does not hang forever: it ends once its client is closed
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof FlowsTransportException, String.valueOf(e.getCause()));
        assertTrue(e.getCause().getMessage().contains("closed"), e.getCause().getMessage());
        time.advance(Duration.ofMinutes(10));
        assertEquals(1, requests(wm).size(), "no poll after close()");
    }

    private static Set<Thread> ownThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                // the client's own threads, not the JVM-wide timer, interrupt watchdog and iteration cleaner
                .filter(t -> t.getName().startsWith("flows-http") || t.getName().startsWith("flows-async")
                        || t.getName().startsWith("OkHttp"))  // OkHttp names a dispatcher thread after its call while it runs one
                .collect(Collectors.toSet());
    }

    @Test
    void closeIsIdempotent() {
        client.close();
        assertDoesNotThrow(client::close);
    }
}
