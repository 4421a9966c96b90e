package io.flowsdk.bench;

import com.google.gson.Gson;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.model.Task;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
 * B1, call overhead: {@code client.tasks().get(id)} against a raw OkHttp GET of the
 * same URL decoded by plain Gson into a plain POJO, both against the same loopback server (no
 * latency; one ~1.5 KB task per answer), both on a kept-alive connection, in one JMH run. The
 * ratio sdkGet / rawOkHttpGson is the SDK's price per call (URL encoding, token, User-Agent,
 * timeouts, retry bookkeeping, error mapping, decoding that keeps unknown fields).
 *
 * <p>Two servers: {@code jdk}, the JDK's {@code HttpServer} (a real server's request handling,
 * which is most of a loopback call), and {@code canned}, a server that only writes precomputed
 * bytes ({@link CannedServer}), so that the client's own work is most of the call and the ratio is
 * the strict one.
 *
 * <p>Three forks: the cost of a loopback call differs more from one JVM (thread placement on the two
 * cores, connection) to the next than within one, so one fork would report a tight error around
 * one draw of that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class CallOverheadBenchmark {
    private static final String ID = TaskJson.id(42);

    @Param({"jdk", "canned"})
    public String server;

    private AutoCloseable running;
    private FlowsClient client;
    private OkHttpClient raw;
    private Gson gson;
    private String taskUrlPrefix;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String baseUrl;
        if (server.equals("jdk")) {
            LoopbackServer s = new LoopbackServer(0, 0, true);
            baseUrl = s.baseUrl();
            running = s;
        } else {
            CannedServer s = new CannedServer(TaskJson.task(42).getBytes(StandardCharsets.UTF_8));
            baseUrl = s.baseUrl();
            running = s;
        }
        client = FlowsClient.builder().baseUrl(baseUrl).bearerToken(LoopbackServer.TOKEN).build();
        raw = new OkHttpClient();
        gson = PlainModels.gson();
        taskUrlPrefix = baseUrl + "/flows/tasks/";
        if (!ID.equals(sdkGet().getId()) || !ID.equals(rawOkHttpGson().id)) {
            throw new IllegalStateException("the two variants do not read the same task");
        }
    }

    String taskUrl() {
        return taskUrlPrefix + ID;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        client.close();
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
        running.close();
    }

    @Benchmark
    public Task sdkGet() {
        return client.tasks().get(ID);
    }

    /** What a caller writes without the SDK: build the URL, send the token, decode the body. */
    @Benchmark
    public PlainModels.PlainTask rawOkHttpGson() throws IOException {
        Request request = new Request.Builder()
                .url(taskUrlPrefix + ID)
                .header("Authorization", "Bearer " + LoopbackServer.TOKEN)
                .header("Accept", "application/json")
                .build();
        try (Response response = raw.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return gson.fromJson(response.body().charStream(), PlainModels.PlainTask.class);
        }
    }
}
