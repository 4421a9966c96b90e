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

/**
 * B7, bulk completion: complete 2,000 tasks on a loopback server that waits 50 ms before every
 * answer, with a plain loop ({@code for (id : ids) tasks().complete(id)}) and with
 * {@code tasks().completeAll(ids, ..., Bulk.options().concurrency(8))}; and completeAll of a query
 * over the same 2,000 tasks (iterated by key, 20 pages of 100, each page 50 ms too). One run of
 * each after a short warm-up (the loop alone takes about 100 s). Ideal for concurrency 8:
 * 2,000 x 50 / 8 = 12.5 s, a ratio of 8; target: 6 or more.
 *
 * <pre>java -cp ... io.flowsdk.bench.BulkThroughputBenchmark [tasks=2000] [latencyMillis=50] [concurrency=8]</pre>
 */
public final class BulkThroughputBenchmark {
    private BulkThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int latency = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= tasks; i++) {
            ids.add(TaskJson.id(i));
        }
        try (LoopbackServer server = new LoopbackServer(tasks, latency, true);
             FlowsClient client = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(LoopbackServer.TOKEN)
                     .retryPolicy(RetryPolicy.defaults()).build()) {
            // warm-up: the code paths of both, on 100 tasks
            loop(client, ids.subList(0, 100));
            bulk(client, ids.subList(0, 100), concurrency);

            long t0 = System.nanoTime();
            loop(client, ids);
            long loop = System.nanoTime() - t0;
            t0 = System.nanoTime();
            BulkResult<Task> r = bulk(client, ids, concurrency);
            long bulk = System.nanoTime() - t0;
            t0 = System.nanoTime();
            BulkResult<Task> q = client.tasks().completeAll(client.tasks().list().pageSize(100), Map.of(),
                    Change.none(), Bulk.options().concurrency(concurrency));
            long query = System.nanoTime() - t0;
            if (r.succeeded().size() != tasks || q.succeeded().size() != tasks) {
                throw new IllegalStateException("incomplete: " + r + " " + q);
            }
            double ideal = tasks * (double) latency / concurrency;
            System.out.printf(Locale.ROOT, "B7 %d tasks at %d ms, concurrency %d%n", tasks, latency, concurrency);
            System.out.printf(Locale.ROOT, "  plain loop                 %9.0f ms%n", loop / 1e6);
            System.out.printf(Locale.ROOT, "  completeAll(ids)           %9.0f ms   %.2fx faster   (ideal %.0f ms, %.2f of it)%n",
                    bulk / 1e6, (double) loop / bulk, ideal, bulk / 1e6 / ideal);
            System.out.printf(Locale.ROOT, "  completeAll(query, keyset) %9.0f ms   %.2fx faster%n", query / 1e6,
                    (double) loop / query);
        }
    }

    private static void loop(FlowsClient client, List<String> ids) {
        for (String id : ids) {
            client.tasks().complete(id);
        }
    }

    private static BulkResult<Task> bulk(FlowsClient client, List<String> ids, int concurrency) {
        return client.tasks().completeAll(ids, Map.of(), Change.none(), Bulk.options().concurrency(concurrency));
    }
}
