package io.flowsdk.bench;

import com.google.gson.Gson;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * B3 against its baseline on the same machine, in alternating rounds: 40 pages of 100 tasks from
 * a loopback server that waits 50 ms per page, read three ways in each round:
 * <ul>
 *   <li>{@code raw}: plain OkHttp + Gson into POJOs, the first page, then the 39 others on a pool
 *       of 8 threads (what a hand-written parallel reader does);</li>
 *   <li>{@code sdk-threads}: the same with the SDK's {@code firstPage()} on 8 threads;</li>
 *   <li>{@code engine}: the SDK's own {@code parallelism(8)} iteration (asynchronous calls, no
 *       thread of its own).</li>
 * </ul>
 * B3's target compares parallelism 8 with an ideal of 300 ms, which assumes each page costs the
 * server's 50 ms and nothing else; on a shared 2-core machine the answers (8 x 152 KiB written and
 * decoded at once) take longer for any client. This measures the engine against what the same
 * machine gives a raw client. Not a test: run by hand (BENCHMARKS.md, B3).
 *
 * <pre>java -cp ... io.flowsdk.bench.ParallelPagingVsRaw [rounds, default 20]</pre>
 */
public final class ParallelPagingVsRaw {
    private static final int PAGES = 40;
    private static final int PAGE_SIZE = 100;
    private static final int THREADS = 8;
    private static final int WARMUP = 5;

    private ParallelPagingVsRaw() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(2 * THREADS, 5, TimeUnit.MINUTES)).build();
        Gson gson = PlainModels.gson();
        List<double[]> times = new ArrayList<>();
        try (LoopbackServer server = new LoopbackServer(PAGES * PAGE_SIZE, 50, true);
             FlowsClient client = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(LoopbackServer.TOKEN)
                     .retryPolicy(RetryPolicy.none()).build()) {
            for (int r = 0; r < WARMUP + rounds; r++) {
                double[] t = new double[3];
                int first = r % 3; // which variant goes first rotates, so load hits all alike
                for (int k = 0; k < 3; k++) {
                    int v = (first + k) % 3;
                    long t0 = System.nanoTime();
                    switch (v) {
                        case 0 -> onThreads(pool, start -> rawPage(http, gson, server, start));
                        case 1 -> onThreads(pool, start -> client.tasks().list().startIndex(start).pageSize(PAGE_SIZE).firstPage());
                        default -> engine(client);
                    }
                    t[v] = (System.nanoTime() - t0) / 1e6;
                }
                if (r >= WARMUP) {
                    times.add(t);
                }
            }
        } finally {
            pool.shutdown();
        }
        double[] raw = column(times, 0);
        double[] threads = column(times, 1);
        double[] engine = column(times, 2);
        double[] engineVsRaw = new double[times.size()];
        double[] threadsVsRaw = new double[times.size()];
        for (int i = 0; i < times.size(); i++) {
            engineVsRaw[i] = times.get(i)[2] / times.get(i)[0];
            threadsVsRaw[i] = times.get(i)[1] / times.get(i)[0];
        }
        System.out.printf(Locale.ROOT, "rounds %d (after %d warm-up rounds)%n", times.size(), WARMUP);
        System.out.printf(Locale.ROOT, "raw OkHttp + Gson, 8 threads: median %.1f ms (quartiles %s)%n", median(raw), quartiles(raw));
        System.out.printf(Locale.ROOT, "SDK firstPage(), 8 threads:   median %.1f ms (quartiles %s)%n", median(threads), quartiles(threads));
        System.out.printf(Locale.ROOT, "SDK parallelism(8) engine:    median %.1f ms (quartiles %s)%n", median(engine), quartiles(engine));
        System.out.printf(Locale.ROOT, "engine / raw, per round:      median %.3f (quartiles %s)%n", median(engineVsRaw), quartiles(engineVsRaw));
        System.out.printf(Locale.ROOT, "SDK threads / raw, per round: median %.3f (quartiles %s)%n", median(threadsVsRaw), quartiles(threadsVsRaw));
    }

    @FunctionalInterface
    private interface PageRead {
        Object read(long startIndex) throws Exception;
    }

    /** The first page, then the other 39 on the pool: a hand-written parallel reader. */
    private static void onThreads(ExecutorService pool, PageRead read) throws Exception {
        read.read(1);
        List<Future<Object>> pages = new ArrayList<>();
        for (int p = 1; p < PAGES; p++) {
            long start = 1 + (long) PAGE_SIZE * p;
            pages.add(pool.submit(() -> read.read(start)));
        }
        for (Future<Object> f : pages) {
            f.get();
        }
    }

    private static void engine(FlowsClient client) {
        long n = 0;
        Iterator<?> it = client.tasks().list().pageSize(PAGE_SIZE).parallelism(THREADS).iterator();
        while (it.hasNext()) {
            it.next();
            n++;
        }
        if (n != PAGES * PAGE_SIZE) {
            throw new IllegalStateException("expected " + PAGES * PAGE_SIZE + " tasks, got " + n);
        }
    }

    private static Object rawPage(OkHttpClient http, Gson gson, LoopbackServer server, long start) throws Exception {
        Request request = new Request.Builder()
                .url(server.baseUrl() + "/flows/tasks?startIndex=" + start + "&count=" + PAGE_SIZE)
                .header("Authorization", "Bearer " + LoopbackServer.TOKEN).build();
        try (Response response = http.newCall(request).execute()) {
            PlainModels.PlainTaskList page = gson.fromJson(response.body().charStream(), PlainModels.PlainTaskList.class);
            if (page == null) {
                throw new IllegalStateException("empty page at " + start);
            }
            return page;
        }
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static String quartiles(double[] values) {
        return String.format(Locale.ROOT, "%.3f-%.3f", quantile(values, 0.25), quantile(values, 0.75));
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
