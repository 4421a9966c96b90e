package io.flowsdk.bench;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.model.Task;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Threads created by one parallel iteration: 40 pages of 100 tasks at parallelism 8 (as B3: a
 * loopback server that waits 50 ms per page), iterated {@code rounds} times by one client. For each
 * round it prints how many threads the JVM started during it (ThreadMXBean's started-thread
 * count, less the threads the server's executor started) and the names of the threads that were
 * not there before it: those alive after the round, and those seen by a sampler (every 2 ms) that
 * came and went within it. The first round of a new client shows the threads the client's
 * shared parts start on first use (OkHttp's dispatcher and connection pool, okio's watchdog);
 * the target is that a further iteration starts none. A last round on a second client, built
 * after those rounds, shows what a new client of the same JVM starts (its own dispatcher and
 * connection pool; the SDK's two JVM-wide daemons already run).
 *
 * <pre>java -cp ... io.flowsdk.bench.IterationThreads [rounds, default 3]</pre>
 */
public final class IterationThreads {
    private static final int PAGES = 40;
    private static final int PAGE_SIZE = 100;

    private IterationThreads() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (LoopbackServer server = new LoopbackServer(PAGES * PAGE_SIZE, 50, true);
             FlowsClient client = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(LoopbackServer.TOKEN)
                     .build()) {
            Map<Long, String> seen = new ConcurrentHashMap<>();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    for (Thread t : Thread.getAllStackTraces().keySet()) {
                        seen.putIfAbsent(t.getId(), t.getName());
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-sampler");
            sampler.setDaemon(true);
            sampler.start();
            Thread.sleep(50);
            System.out.printf("%-6s %9s %12s %16s   %s%n", "round", "time ms", "JVM started", "client started",
                    "threads new in the round (not the server's): name x count");
            FlowsClient second = null;
            for (int r = 1; r <= rounds + 1; r++) {
                FlowsClient c = client;
                if (r == rounds + 1) {
                    second = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(LoopbackServer.TOKEN).build();
                    c = second;
                }
                Set<Long> before = Set.copyOf(Thread.getAllStackTraces().keySet().stream().map(Thread::getId).toList());
                seen.clear();
                long started = mx.getTotalStartedThreadCount();
                int serverStarted = server.threadsStarted.get();
                long t0 = System.nanoTime();
                long n = iterate(c);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                Thread.sleep(20); // one more sample
                long jvm = mx.getTotalStartedThreadCount() - started;
                long clientThreads = jvm - (server.threadsStarted.get() - serverStarted);
                Map<String, Integer> names = new TreeMap<>();
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    seen.putIfAbsent(t.getId(), t.getName());
                }
                seen.forEach((id, name) -> {
                    if (!before.contains(id) && !name.startsWith("loopback-server")) {
                        names.merge(name.replaceAll("\\d+", "N"), 1, Integer::sum);
                    }
                });
                if (n != PAGES * PAGE_SIZE) {
                    throw new IllegalStateException("expected " + PAGES * PAGE_SIZE + " tasks, got " + n);
                }
                System.out.printf("%-6s %9d %12d %16d   %s%n", r <= rounds ? Integer.toString(r) : "new", ms, jvm,
                        clientThreads, names);
            }
            second.close();
            sampler.interrupt();
        }
    }

    private static long iterate(FlowsClient client) {
        long n = 0;
        Iterator<Task> it = client.tasks().list().pageSize(PAGE_SIZE).parallelism(8).iterator();
        while (it.hasNext()) {
            if (it.next().getId() != null) {
                n++;
            }
        }
        return n;
    }
}
