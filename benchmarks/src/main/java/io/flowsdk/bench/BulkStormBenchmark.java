package io.flowsdk.bench;

import io.flowsdk.client.Bulk;
import io.flowsdk.client.BulkResult;
import io.flowsdk.client.Change;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongUnaryOperator;

/**
 * B8, the request pattern under a 429 storm: a loopback server that serves 100 completions per
 * second (a token bucket holding at most a second's worth; without a token, 429 with
 * {@code Retry-After: 1}) and waits 50 ms before every answer, so that 16 requests in flight (320 a
 * second) overload it.
 * Two clients complete 600 tasks each, on a fresh server:
 * <ul>
 *   <li>{@code completeAll} with concurrency 16: one rate limiter for the run;</li>
 *   <li>16 threads calling {@code complete} in a loop, each call retrying its own 429s after
 *       {@code Retry-After} (the client's {@code RetryPolicy}, 10 attempts): the thundering herd.</li>
 * </ul>
 * The server logs every request. Printed: time, requests, 429s, failures; the requests that
 * arrived during a pause, that is between 10 ms after a 429 was answered and 10 ms before its
 * Retry-After ended (none for a client that honours pauses as a whole); and a timeline in 250 ms
 * steps (requests arrived, of which 429, and the most in flight at the server).
 *
 * <pre>java -cp ... io.flowsdk.bench.BulkStormBenchmark [tasks=600] [perSecond=100] [concurrency=16]</pre>
 */
public final class BulkStormBenchmark {
    private static final int LATENCY_MILLIS = 50;
    private static final long MARGIN = 10_000_000L;

    private BulkStormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= tasks; i++) {
            ids.add(TaskJson.id(i));
        }
        System.out.printf(Locale.ROOT, "B8 %d tasks, server: token bucket of %d completions/s, else 429 Retry-After: 1, %d ms per answer;"
                + " %d workers%n", tasks, perSecond, LATENCY_MILLIS, concurrency);
        run("completeAll, one rate limiter", tasks, perSecond, client -> {
            BulkResult<Task> r = client.tasks().completeAll(ids, Map.of(), Change.none(),
                    Bulk.options().concurrency(concurrency));
            return r.failed().size();
        }, RetryPolicy.defaults());
        run("16 threads, per-call retries", tasks, perSecond, client -> {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            List<Future<Boolean>> done = new ArrayList<>();
            for (String id : ids) {
                done.add(pool.submit(() -> {
                    try {
                        client.tasks().complete(id);
                        return true;
                    } catch (RuntimeException e) {
                        return false;
                    }
                }));
            }
            int failed = 0;
            for (Future<Boolean> f : done) {
                failed += f.get() ? 0 : 1;
            }
            pool.shutdown();
            return failed;
        }, RetryPolicy.builder().maxAttempts(10).build());
    }

    interface Work {
        int run(FlowsClient client) throws Exception;
    }

    private static void run(String name, int tasks, int perSecond, Work work, RetryPolicy policy) throws Exception {
        try (LoopbackServer server = new LoopbackServer(tasks, LATENCY_MILLIS, true);
             FlowsClient client = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(LoopbackServer.TOKEN)
                     .retryPolicy(policy).build()) {
            client.tasks().complete(TaskJson.id(1)); // connections and classes ready
            long start = System.nanoTime();
            server.limiter = window(start, perSecond);
            server.record = true;
            int failed = work.run(client);
            long took = System.nanoTime() - start;
            server.record = false;
            report(name, server.log, start, took, failed);
        }
    }

    /**
     * A token bucket, the usual shape of an API's rate limit: {@code perSecond} tokens a second,
     * at most {@code perSecond} saved up (a second's burst); a request without a token gets 429
     * with {@code Retry-After: 1} (whole seconds, rounded up from the time to the next token).
     */
    private static LongUnaryOperator window(long start, int perSecond) {
        double[] state = {perSecond, start}; // tokens, last refill
        return now -> {
            synchronized (state) {
                state[0] = Math.min(perSecond, state[0] + (now - state[1]) / 1e9 * perSecond);
                state[1] = now;
                if (state[0] >= 1) {
                    state[0] -= 1;
                    return 0;
                }
                return 1;
            }
        };
    }

    private static void report(String name, List<long[]> log, long start, long took, int failed) {
        List<long[]> all;
        synchronized (log) {
            all = new ArrayList<>(log);
        }
        all.sort((a, b) -> Long.compare(a[0], b[0]));
        long limited = all.stream().filter(r -> r[2] == 429).count();
        // a pause: from the 429's answer (arrival + latency) for its Retry-After (1 s)
        List<long[]> pauses = new ArrayList<>();
        for (long[] r : all) {
            if (r[2] == 429) {
                long answered = r[0] + LATENCY_MILLIS * 1_000_000L;
                pauses.add(new long[] {answered + MARGIN, answered + 1_000_000_000L - MARGIN});
            }
        }
        long during = 0;
        for (long[] r : all) {
            for (long[] p : pauses) {
                if (r[0] > p[0] && r[0] < p[1]) {
                    during++;
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%s: %.2f s, %d requests, %d answered 429, %d items failed, "
                + "%d requests arrived during a pause%n", name, took / 1e9, all.size(), limited, failed, during);
        System.out.println("  time     requests  429s  most in flight");
        long step = 250_000_000L;
        for (long t = 0; t < took; t += step) {
            long from = start + t;
            long to = from + step;
            long n = 0;
            long n429 = 0;
            long most = 0;
            for (long[] r : all) {
                if (r[0] >= from && r[0] < to) {
                    n++;
                    n429 += r[2] == 429 ? 1 : 0;
                    most = Math.max(most, r[1]);
                }
            }
            System.out.printf(Locale.ROOT, "  %5.2f s %9d %5d %15d%n", t / 1e9, n, n429, most);
        }
    }
}
