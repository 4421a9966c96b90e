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
 * Iterating 40 pages of 50 tasks from a server that takes 50 ms per page, at parallelism 1
 * and 8. Both run in one JMH invocation so the figures are a ratio on the same machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ParallelPagingBenchmark {
    @Param({"1", "8"})
    public int parallelism;

    private SlowPagesServer server;
    private FlowsClient client;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new SlowPagesServer(2000, 50);
        client = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken("bench-token")
                .retryPolicy(RetryPolicy.none()).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        server.close();
    }

    @Benchmark
    public long iterate40PagesOf50() {
        long n = 0;
        Iterator<Task> it = client.tasks().list().pageSize(50).parallelism(parallelism).iterator();
        while (it.hasNext()) {
            if (it.next().getId() != null) {
                n++;
            }
        }
        if (n != 2000) {
            throw new IllegalStateException("expected 2000 tasks, got " + n);
        }
        return n;
    }
}
