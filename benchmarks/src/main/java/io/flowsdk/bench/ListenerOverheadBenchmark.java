package io.flowsdk.bench;

import io.flowsdk.client.FlowsClient;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * B1 with listeners: {@code client.tasks().get(id)} against a loopback server (as in
 * {@link CallOverheadBenchmark}) with no listener, a listener that does nothing, Micrometer
 * ({@code SimpleMeterRegistry}) and OpenTelemetry (the SDK, exporting nowhere). JMH measures the
 * variants one after the other; {@link ListenerOverhead} measures them side by side, against the
 * SDK of another build too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ListenerOverheadBenchmark {
    static final String ID = TaskJson.id(42);

    @Param({"none", "noop", "micrometer", "opentelemetry"})
    public String listener;

    @Param({"canned"})
    public String server;

    private AutoCloseable running;
    private Listeners listeners;
    private FlowsClient client;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        running = server(server);
        listeners = Listeners.create(listener);
        FlowsClient.Builder b = FlowsClient.builder().baseUrl(baseUrl(running)).bearerToken(LoopbackServer.TOKEN);
        if (listeners.listener != null) {
            b.listener(listeners.listener);
        }
        client = b.build();
        if (!ID.equals(get().getId())) {
            throw new IllegalStateException("not the task asked for");
        }
    }

    static AutoCloseable server(String kind) throws IOException {
        return kind.equals("jdk") ? new LoopbackServer(0, 0, true)
                : new CannedServer(TaskJson.task(42).getBytes(StandardCharsets.UTF_8));
    }

    static String baseUrl(AutoCloseable server) {
        return server instanceof LoopbackServer l ? l.baseUrl() : ((CannedServer) server).baseUrl();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        client.close();
        listeners.close();
        running.close();
    }

    @Benchmark
    public Task get() {
        return client.tasks().get(ID);
    }
}
