package io.flowsdk.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.testing.VirtualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk run over real HTTP on manual virtual time: the server sees no request while the run is
 * paused, whatever the number of workers, and the 429s are not retried by each call on its own.
 */
class BulkWireTest {
    private static final long SECOND = 1_000_000_000L;

    record Arrival(long at, String method, String url) {
    }

    private final VirtualTime time = VirtualTime.manual();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger completes = new AtomicInteger();
    private WireMockServer server;

    private final class Recorder implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "recorder";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String url = event.getRequest().getUrl();
            arrivals.add(new Arrival(time.nanoTime(), event.getRequest().getMethod().getName(), url));
            if (url.endsWith("/.complete") && completes.incrementAndGet() <= 8) {
                return aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json").withBody("{\"code\":429}").build();
            }
            String id = url.substring(url.indexOf("/tasks/") + 7).replace("/.complete", "");
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"" + id + "\",\"status\":\"completed\"}").build();
        }
    }

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(32)
                .extensions(new Recorder()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers("recorder")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void noRequestReachesTheServerDuringThePauseAndNoCallRetriesA429OnItsOwn() throws Exception {
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> "t-" + i).toList();
        try (FlowsClient client = FlowsClient.builder().baseUrl("http://127.0.0.1:" + server.port() + "/api/v1")
                .bearerToken("t").retryPolicy(RetryPolicy.defaults()).clock(time).build()) {
            CompletableFuture<BulkResult<Task>> run = CompletableFuture.supplyAsync(() -> client.tasks()
                    .completeAll(ids, Map.of(), Change.none(), Bulk.options().concurrency(8)));
            await(() -> arrivals.size() >= 8 && time.pending() >= 1, "the 8 first requests and the pause");
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            while (System.nanoTime() < deadline) {
                assertEquals(8, arrivals.size(), "no request while paused");
                Thread.onSpinWait();
            }
            time.advance(Duration.ofMillis(1999));
            assertEquals(8, arrivals.size(), "still paused a millisecond before Retry-After ends");
            time.advance(Duration.ofMillis(1));
            BulkResult<Task> r = run.get(20, TimeUnit.SECONDS);
            r.orThrow();
            assertEquals(40, r.succeeded().size());
        }
        assertEquals(48, arrivals.size(), "40 + the 8 rate-limited ones once more");
        assertTrue(arrivals.subList(0, 8).stream().allMatch(a -> a.at() == 0));
        assertTrue(arrivals.subList(8, 48).stream().allMatch(a -> a.at() >= 2 * SECOND), "after the pause");
        assertEquals(List.of(Duration.ofSeconds(2)), time.waits(), "one pause, no per-call retry wait");
    }
}
