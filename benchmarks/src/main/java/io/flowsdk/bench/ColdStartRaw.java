package io.flowsdk.bench;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * B5, cold start, baseline: a fresh JVM builds a plain OkHttp client, GETs the same task
 * URL with the token, decodes it with plain Gson into {@link PlainModels.PlainTask} and prints
 * {@code OK <id>}. Runs on OkHttp + Gson alone (no SDK jar on its class path).
 */
public final class ColdStartRaw {
    private ColdStartRaw() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        OkHttpClient http = new OkHttpClient();
        Request.Builder builder = new Request.Builder()
                .url(args[0] + "/flows/tasks/" + TaskJson.id(42))
                .header("Authorization", "Bearer " + LoopbackServer.TOKEN)
                .header("Accept", "application/json");
        if (args.length > 1 && args[1].equals("tag")) {
            // FootprintBenchmark's tag probe: what OkHttp's first request tag costs (why the SDK tags none)
            builder.tag(new Object());
        }
        Request request = builder.build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            PlainModels.PlainTask task = PlainModels.gson().fromJson(response.body().charStream(),
                    PlainModels.PlainTask.class);
            long took = System.nanoTime() - start;
            System.out.println("OK " + task.id);
            System.out.println("MAIN " + took); // main's own part: JVM start-up left out
            System.out.flush();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
