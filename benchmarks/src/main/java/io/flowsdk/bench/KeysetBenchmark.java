package io.flowsdk.bench;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Query;
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
 * B6, keyset against offset iteration: 10,000 tasks as 100 pages of 100 (about 150 KB each) from a
 * loopback server without latency that caches each page's bytes, so that what differs is the
 * client's work: the keyset iteration builds each page's filter ({@code id gt "<last id>"}), sends
 * it percent-encoded with {@code sortBy=id}, and checks that the ids increase. Both read the same
 * pages' bytes. Target: keyset at 0.9 of the offset speed or better (time ratio at most 1.11).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class KeysetBenchmark {
    static final int TASKS = 10_000;

    @Param({"offset", "keyset"})
    public String paging;

    private LoopbackServer server;
    private FlowsClient client;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new LoopbackServer(TASKS, 0, true);
        client = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(LoopbackServer.TOKEN)
                .retryPolicy(RetryPolicy.none()).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        server.close();
    }

    @Benchmark
    public long iterate10000() {
        return "keyset".equals(paging) ? keyset() : offset();
    }

    long offset() {
        return count(client.tasks().list().pageSize(100));
    }

    long keyset() {
        return count(client.tasks().list().pageSize(100).keyset());
    }

    private static long count(Query<Task> q) {
        long n = 0;
        Iterator<Task> it = q.iterator();
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
