package io.flowsdk.client.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.TestHooks;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each attempt's state (the origin its token may go to, the token to mask in logs, whether it was
 * sent) is kept for the network interceptors from the attempt's start to its end, in a map of the
 * client. Whatever way an attempt ends, its entry goes: after every call below, none is left.
 */
class AttemptStateLeakTest {
    private static WireMockServer server;
    private FlowsClient client;

    @BeforeAll
    static void start() {
        server = Support.startServer();
        server.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks/t-1")).willReturn(okJson(Support.task("t-1"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks/gone")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":404,\"message\":\"no\"}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks/busy")).willReturn(aResponse().withStatus(503)));
        server.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/api/v1/flows/tasks/t-1")));
        server.stubFor(post(urlPathEqualTo("/api/v1/flows/tasks/moved/.complete")).willReturn(aResponse()
                .withStatus(307).withHeader("Location", "/api/v1/flows/tasks/t-1/.complete")));
        server.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks/slow")).willReturn(okJson(Support.task("slow"))
                .withFixedDelay(3_000)));
        for (int from = 1; from <= 21; from += 10) {
            server.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).withQueryParam("startIndex",
                    equalTo(Integer.toString(from))).willReturn(okJson(Support.taskList(from, Math.min(10, 26 - from), 25))));
        }
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void open() {
        Support.LogSink log = new Support.LogSink();
        client = Support.builder(Support.baseUrl(server), Duration.ofSeconds(30),
                RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1)).build(), null, log).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void assertNoneLeft() {
        assertEquals(0, TestHooks.attemptsInFlight(client), "attempt states left after the call");
    }

    @Test
    void blockingCallsWhateverTheirEnd() throws Exception {
        assertEquals("t-1", client.tasks().get("t-1").getId());
        assertNoneLeft();
        assertThrows(NotFoundException.class, () -> client.tasks().get("gone"));
        assertNoneLeft();
        assertThrows(FlowsException.class, () -> client.tasks().get("busy")); // two attempts, both 503
        assertNoneLeft();
        assertEquals("t-1", client.tasks().get("moved").getId()); // a GET follows the redirect
        assertNoneLeft();
        assertThrows(FlowsException.class, () -> client.tasks().complete("moved")); // a POST does not
        assertNoneLeft();
        List<Task> all = client.tasks().list().pageSize(10).parallelism(3).toList();
        assertEquals(25, all.size());
        assertNoneLeft();
    }

    @Test
    void refusedConnections() throws Exception {
        try (FlowsClient refused = FlowsClient.builder().baseUrl("http://localhost:" + Support.closedPort() + "/api/v1")
                .bearerToken(Support.TOKEN).retryPolicy(RetryPolicy.none()).build()) {
            assertThrows(FlowsException.class, () -> refused.tasks().get("t-1"));
            CompletableFuture<Task> f = refused.tasks().getAsync("t-1");
            assertThrows(CompletionException.class, f::join);
            assertEquals(0, TestHooks.attemptsInFlight(refused));
        }
    }

    @Test
    void asynchronousCallsWhateverTheirEnd() throws Exception {
        assertEquals("t-1", client.tasks().getAsync("t-1").get(30, TimeUnit.SECONDS).getId());
        assertNoneLeft();
        CompletableFuture<Task> gone = client.tasks().getAsync("gone");
        assertThrows(CompletionException.class, gone::join);
        assertNoneLeft();
        CompletableFuture<Task> busy = client.tasks().getAsync("busy");
        assertThrows(CompletionException.class, busy::join);
        assertNoneLeft();
    }

    @Test
    void cancelledAsynchronousCall() throws Exception {
        CompletableFuture<Task> slow = client.tasks().getAsync("slow");
        // with a bearer token the request is handed to OkHttp before getAsync returns
        assertEquals(1, TestHooks.attemptsInFlight(client), "the attempt in flight has its state");
        assertTrue(slow.cancel(true));
        // the cancel ends the call on OkHttp's thread, which then reports the failure: bounded wait for it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (TestHooks.attemptsInFlight(client) > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertNoneLeft();
    }
}
