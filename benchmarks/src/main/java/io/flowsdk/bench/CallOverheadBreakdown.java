package io.flowsdk.bench;

import com.google.gson.Gson;
import io.flowsdk.client.internal.JsonCodec;
import io.flowsdk.client.model.Task;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The profile of B1 by elimination: the raw OkHttp + Gson call of {@link CallOverheadBenchmark},
 * with one thing the SDK does added at a time, each paired against the plain raw call the way
 * {@link PairedRatio} does (alternating rounds, fresh setup per trial). A sampling profiler sees CPU
 * time only; what the SDK adds to a loopback call is partly waiting (a thread woken per call), which
 * this shows directly.
 *
 * <pre>java -cp ... io.flowsdk.bench.CallOverheadBreakdown [jdk|canned]</pre>
 */
public final class CallOverheadBreakdown {
    private static final int TRIALS = 3;
    private static final String ID = TaskJson.id(42);

    private CallOverheadBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "jdk";
        System.out.println("B1 breakdown against the " + server + " server: raw OkHttp + Gson with one SDK step added");
        PairedRatio.header();
        Gson gson = PlainModels.gson();
        JsonCodec codec = new JsonCodec();
        check(server, "body read as a String first", new OkHttpClient.Builder(), "okhttp/5.5.1", false,
                body -> body.string(), s -> gson.fromJson((String) s, PlainModels.PlainTask.class));
        check(server, "per-call timeout (30 s)", new OkHttpClient.Builder(), "okhttp/5.5.1", true,
                body -> body.charStream(), r -> gson.fromJson((java.io.Reader) r, PlainModels.PlainTask.class));
        check(server, "call timeout set once on the client", new OkHttpClient.Builder()
                        .callTimeout(Duration.ofSeconds(30)), "okhttp/5.5.1", false,
                body -> body.charStream(), r -> gson.fromJson((java.io.Reader) r, PlainModels.PlainTask.class));
        check(server, "SDK's OkHttp settings", new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                        .readTimeout(Duration.ofSeconds(30)).writeTimeout(Duration.ofSeconds(30))
                        .retryOnConnectionFailure(false).addNetworkInterceptor(c -> c.proceed(c.request())),
                "okhttp/5.5.1", false,
                body -> body.charStream(), r -> gson.fromJson((java.io.Reader) r, PlainModels.PlainTask.class));
        check(server, "SDK's decoding (JsonCodec)", new OkHttpClient.Builder(), "okhttp/5.5.1", false,
                body -> body.string(), s -> codec.fromJson((String) s, Task.class));
        check(server, "all four, and the SDK's User-Agent", new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                        .readTimeout(Duration.ofSeconds(30)).writeTimeout(Duration.ofSeconds(30))
                        .retryOnConnectionFailure(false).addNetworkInterceptor(c -> c.proceed(c.request())),
                "flows-java/0.1.0-SNAPSHOT", true, body -> body.string(), s -> codec.fromJson((String) s, Task.class));
        PairedRatio.run(server, "the SDK (B1)", () -> {
            CallOverheadBenchmark b = new CallOverheadBenchmark();
            b.server = server;
            b.setUp();
            return new Callable<?>[] {b::sdkGet, b::rawOkHttpGson, () -> {
                b.tearDown();
                return null;
            }};
        }, TRIALS);
    }

    interface Read {
        Object apply(okhttp3.ResponseBody body) throws IOException;
    }

    private static void check(String server, String label, OkHttpClient.Builder variantClient, String userAgent,
                              boolean callTimeout, Read read, Function<Object, Object> decode) throws Exception {
        PairedRatio.run(server, label, () -> {
            CallOverheadBenchmark b = new CallOverheadBenchmark();
            b.server = server;
            b.setUp();
            OkHttpClient http = variantClient.build();
            String url = b.taskUrl();
            Callable<?> variant = () -> {
                Request request = new Request.Builder().url(url)
                        .header("Authorization", "Bearer " + LoopbackServer.TOKEN)
                        .header("Accept", "application/json")
                        .header("User-Agent", userAgent)
                        .build();
                Call call = http.newCall(request);
                if (callTimeout) {
                    call.timeout().timeout(30, TimeUnit.SECONDS);
                }
                try (Response response = call.execute()) {
                    return decode.apply(read.apply(response.body()));
                }
            };
            return new Callable<?>[] {variant, b::rawOkHttpGson, () -> {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
                b.tearDown();
                return null;
            }};
        }, TRIALS);
    }

}
