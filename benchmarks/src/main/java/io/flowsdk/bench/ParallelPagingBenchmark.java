package io.flowsdk.bench;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.model.Task;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * B3, paging: iterate 4,000 tasks as 40 pages of 100 (about 150 KB each) from a
 * loopback server that waits 50 ms before every answer, at parallelism 1 and 8, in one JMH run.
 * The server caches each page's bytes after the first iteration, so that its own JSON generation
 * does not compete for the two cores with the client being measured: the 50 ms stand for all of
 * the server's time. Ideal at parallelism 8: the first page alone (it reveals totalResults), then
 * 39 pages 8 at a time: 50 + 5 x 50 = 300 ms; the ideal counts 40 x 50 / 8 + 50 = 300 ms as well.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class ParallelPagingBenchmark {
    static final int PAGES = 40;
    static final int PAGE_SIZE = 100;
    static final int TASKS = PAGES * PAGE_SIZE;

    @Param({"1", "8"})
    public int parallelism;

    private LoopbackServer server;
    private FlowsClient client;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new LoopbackServer(TASKS, 50, true);
        client = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(LoopbackServer.TOKEN)
                .retryPolicy(RetryPolicy.none()).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        server.close();
    }

    @Benchmark
    public long iterate40PagesOf100() {
        long n = 0;
        Iterator<Task> it = client.tasks().list().pageSize(PAGE_SIZE).parallelism(parallelism).iterator();
        while (it.hasNext()) {
            if (it.next().getId() != null) {
                n++;
            }
        }
        if (n != TASKS) {
            throw new IllegalStateException("expected " + TASKS + " tasks, got " + n);
        }
        return n;
    }
}
