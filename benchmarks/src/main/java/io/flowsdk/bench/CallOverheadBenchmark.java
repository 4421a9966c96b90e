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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * B1 of issue 7, call overhead: {@code client.tasks().get(id)} against a raw OkHttp GET of the
 * same URL decoded by plain Gson into a plain POJO, both against the same loopback server (no
 * latency; one ~1.5 KB task per answer), both on a kept-alive connection, in one JMH run. The
 * ratio sdkGet / rawOkHttpGson is the SDK's price per call (URL encoding, token, User-Agent,
 * timeouts, retry bookkeeping, error mapping, decoding that keeps unknown fields).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CallOverheadBenchmark {
    private static final String ID = TaskJson.id(42);

    private LoopbackServer server;
    private FlowsClient client;
    private OkHttpClient raw;
    private Gson gson;
    private String taskUrlPrefix;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = new LoopbackServer(0, 0, true);
        client = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(LoopbackServer.TOKEN).build();
        raw = new OkHttpClient();
        gson = PlainModels.gson();
        taskUrlPrefix = server.baseUrl() + "/flows/tasks/";
        if (!ID.equals(sdkGet().getId()) || !ID.equals(rawOkHttpGson().id)) {
            throw new IllegalStateException("the two variants do not read the same task");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
        server.close();
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
