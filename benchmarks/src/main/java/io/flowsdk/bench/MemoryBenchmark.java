package io.flowsdk.bench;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.model.Task;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * B4, memory: iterate 1,000,000 tasks (10,000 pages of 100, about 150 KB each) through
 * {@code client.tasks().list()} from an in-process loopback server that generates every page from its
 * {@code startIndex} on the fly (it holds no tasks), in a JVM started with {@code -Xmx64m}. Every 5 %
 * of the pages, while the iterator is alive and holds its current page, it forces a full GC and records
 * the heap in use; a flat series (least-squares slope near zero bytes per page) means nothing
 * accumulates per page.
 *
 * <pre>java -Xmx64m -cp ... io.flowsdk.bench.MemoryBenchmark [parallelism [pages]]</pre>
 *
 * Run it with {@code bash benchmarks/memory.sh}, which forks one JVM per parallelism.
 */
public final class MemoryBenchmark {
    private static final int PAGE_SIZE = 100;
    /** Samples: one early reference at 1 % of the pages (not in the slope), then every 5 % (the last a few pages before the end). */
    private static final int SAMPLES = 20;
    /** One decoded task held per page would be about 5 KB per page; this is 50 times less. */
    private static final double FLAT_BYTES_PER_PAGE = 100;
    /**
     * Before each sample, let the pages in flight arrive, so that every sample sees the same state: the
     * current page plus {@code parallelism} fetched pages waiting (none at parallelism 1).
     */
    private static final long SETTLE_MILLIS = 250;

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int parallelism = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long tasks = (long) pages * PAGE_SIZE;
        long[] sampleAt = new long[SAMPLES + 1];
        sampleAt[0] = Math.max(1, pages / 100) * (long) PAGE_SIZE;
        for (int i = 1; i <= SAMPLES; i++) {
            sampleAt[i] = Math.max(1, Math.round(pages * (double) i / SAMPLES)) * PAGE_SIZE;
        }
        // the last sample a few pages before the end, while pages are still in flight as in every other
        sampleAt[SAMPLES] = Math.max(sampleAt[SAMPLES - 1] + PAGE_SIZE,
                (long) (pages - Math.max(10, parallelism + 2)) * PAGE_SIZE);

        System.out.printf("MemoryBenchmark: %,d tasks as %,d pages of %d, parallelism %d, max heap %d MiB, GC %s%n",
                tasks, pages, PAGE_SIZE, parallelism, Runtime.getRuntime().maxMemory() >> 20, gcNames());
        List<long[]> samples = new ArrayList<>();   // {pages read, heap used after GC}
        long started = System.nanoTime();
        long n = 0;
        try (LoopbackServer server = new LoopbackServer(tasks, 0, false);
             FlowsClient client = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(LoopbackServer.TOKEN)
                     .retryPolicy(RetryPolicy.none()).build()) {
            Iterator<Task> it = client.tasks().list().pageSize(PAGE_SIZE).parallelism(parallelism).iterator();
            int next = 0;
            while (it.hasNext()) {
                Task t = it.next();
                n++;
                if (t.getId() == null) {
                    throw new IllegalStateException("task " + n + " has no id");
                }
                if (next < sampleAt.length && n == sampleAt[next]) {
                    Thread.sleep(SETTLE_MILLIS);
                    long used = usedAfterGc();
                    samples.add(new long[] {n / PAGE_SIZE, used});
                    System.out.printf("  after %,6d pages (%,9d tasks): heap used after GC %,8.1f KiB%n",
                            n / PAGE_SIZE, n, used / 1024.0);
                    next++;
                }
            }
            System.out.printf("  at the end (%,d tasks, nothing in flight): heap used after GC %,8.1f KiB%n", n,
                    usedAfterGc() / 1024.0);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (n != tasks) {
            throw new IllegalStateException("expected " + tasks + " tasks, read " + n);
        }

        // least-squares slope over the samples after the early reference point
        List<long[]> fit = samples.subList(1, samples.size());
        double mx = fit.stream().mapToDouble(s -> s[0]).average().orElse(0);
        double my = fit.stream().mapToDouble(s -> s[1]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (long[] s : fit) {
            sxy += (s[0] - mx) * (s[1] - my);
            sxx += (s[0] - mx) * (s[0] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        long firstPages = fit.get(0)[0];
        long lastPages = fit.get(fit.size() - 1)[0];
        long min = fit.stream().mapToLong(s -> s[1]).min().orElse(0);
        long max = fit.stream().mapToLong(s -> s[1]).max().orElse(0);
        System.out.printf("completed: %,d tasks in %.1f s (%,.0f pages/s); %s%n", n, seconds, pages / seconds,
                gcStats());
        System.out.printf("heap after GC from %,d to %,d pages: min %,.1f KiB, max %,.1f KiB, spread %,.1f KiB%n",
                firstPages, lastPages, min / 1024.0, max / 1024.0, (max - min) / 1024.0);
        System.out.printf("slope (least squares over the %d samples from %,d pages on): %+.1f bytes per page "
                + "(%+,.1f KiB over %,d pages)%n", fit.size(), firstPages, slope,
                slope * (lastPages - firstPages) / 1024.0, lastPages - firstPages);
        System.out.printf("verdict: %s (flat means |slope| < %.0f bytes per page)%n",
                Math.abs(slope) < FLAT_BYTES_PER_PAGE ? "FLAT" : "GROWS", FLAT_BYTES_PER_PAGE);
    }

    private static long usedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String gcNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return String.join(" + ", names);
    }

    private static String gcStats() {
        List<String> parts = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            parts.add(gc.getName() + " " + gc.getCollectionCount() + " collections, " + gc.getCollectionTime() + " ms");
        }
        return String.join("; ", parts);
    }
}
