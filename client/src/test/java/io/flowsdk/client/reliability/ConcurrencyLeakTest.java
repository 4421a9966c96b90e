package io.flowsdk.client.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.TestHooks;
import io.flowsdk.client.model.Task;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One client, 32 threads; close() leaves no threads and no connections behind. */
class ConcurrencyLeakTest {
    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = Support.startServer();
        server.stubFor(get(urlPathMatching("/api/v1/flows/tasks/[^/]+")).willReturn(okJson(Support.task("t-1"))));
        server.stubFor(post(urlPathMatching("/api/v1/flows/tasks/[^/]+/\\.complete")).willReturn(okJson(Support.task("t-1"))));
        for (int start = 1; start <= 25; start += 10) {
            server.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).withQueryParam("startIndex",
                    equalTo(Integer.toString(start))).willReturn(okJson(Support.taskList(start, Math.min(10, 26 - start), 25))));
        }
    }

    @AfterAll
    static void stop() {
        server.stop();
        System.out.println("[reliability] after ConcurrencyLeakTest: " + Support.figures());
    }

    private static Set<String> sdkThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("flows-") || n.startsWith("OkHttp"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Threads of OkHttp's JVM-wide task runner are shared by every OkHttp client and idle out after
     * 60 s; while running a pool's cleanup they are renamed "OkHttp ConnectionPool ..." (possibly for
     * another test's pool). Our own pool is checked by connectionCount() instead.
     */
    private static Set<String> ownedThreads() {
        Set<String> s = sdkThreads();
        s.removeIf(n -> n.startsWith("OkHttp TaskRunner") || n.startsWith("OkHttp ConnectionPool"));
        // one per JVM by design (it cancels iterations dropped without close()), started by the first
        // iteration of any client: whether an earlier test class started it depends on the run order
        s.remove("flows-iteration-cleaner");
        return s;
    }

    @Test
    void thirtyTwoThreadsShareOneClientAndCloseCleansUp() throws Exception {
        Set<String> before = ownedThreads();
        Support.LogSink log = new Support.LogSink();
        FlowsClient client = Support.builder(Support.baseUrl(server), Duration.ofSeconds(10), RetryPolicy.defaults(),
                null, log).build();
        int threads = 32;
        int rounds = 15;
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            int me = i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int r = 0; r < rounds; r++) {
                        switch ((me + r) % 4) {
                            case 0 -> assertEquals("t-1", client.tasks().get("t-" + me).getId());
                            case 1 -> assertEquals(25, client.tasks().list().pageSize(10).toList().size());
                            case 2 -> assertEquals("t-1", client.tasks().complete("t-" + me, Map.of("r", r)).getId());
                            default -> {
                                List<Task> all = client.tasks().list().pageSize(10).parallelism(3).toList();
                                assertEquals(25, all.stream().map(Task::getId).distinct().count());
                            }
                        }
                        calls.incrementAndGet();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                } finally {
                    done.countDown();
                }
            }, "worker-" + i);
            t.start();
        }
        go.countDown();
        assertTrue(done.await(60, TimeUnit.SECONDS), "workers finished");
        assertEquals(List.of(), List.copyOf(errors));
        assertEquals(threads * rounds, calls.get());
        Support.REQUESTS_OBSERVED.addAndGet(server.findAll(anyRequestedFor(anyUrl())).size());
        Support.assertNoToken(log);

        client.close();
        long settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        Set<String> after = ownedThreads();
        while ((!before.containsAll(after) || TestHooks.connectionCount(client) > 0) && System.nanoTime() < settle) {
            Thread.sleep(50);
            after = ownedThreads();
        }
        after.removeAll(before);
        assertEquals(Set.of(), after, "threads left behind");
        assertEquals(0, TestHooks.connectionCount(client), "connections left in the pool");
        client.close(); // idempotent
    }

    @Test
    void closingAClientOnASharedOkHttpClientLeavesTheSharedOneWorking() throws Exception {
        OkHttpClient shared = new OkHttpClient();
        FlowsClient client = Support.builder(Support.baseUrl(server), Duration.ofSeconds(5), RetryPolicy.none(),
                null, null).httpClient(shared).build();
        client.tasks().get("t-1");
        client.close();
        try (okhttp3.Response r = shared.newCall(new okhttp3.Request.Builder()
                .url(Support.baseUrl(server) + "/flows/tasks/t-1").build()).execute()) {
            assertEquals(200, r.code());
        }
        shared.connectionPool().evictAll();
    }
}
