package io.flowsdk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * A check of the B1 and B2 ratios that other load on the machine cannot skew: JMH measures one
 * variant after the other, so a build that starts half way through slows only one of them. Here the
 * two variants (the same methods the JMH benchmarks call) run in alternating rounds of about 100 ms,
 * in turn first, and each round gives one ratio. Load that comes and goes over seconds hits both
 * sides of a round alike. Each check is repeated in {@value #TRIALS} trials, each with a fresh setup
 * (server, clients, connections), because a call's cost varies more from one setup to the next
 * (thread placement on the two cores) than within one; the median of each trial is printed, and the
 * median and quartiles of all rounds of all trials.
 *
 * <pre>java -cp ... io.flowsdk.bench.PairedRatio [b1-jdk] [b1-canned] [b2-string] [b2-bytes] (default: these four)
 *                                          [b1-breakdown-jdk] [b1-breakdown-canned] (see CallOverheadBreakdown)
 *                                          [b6-keyset] (keyset against offset iteration, 3 trials)
 *                                          [cc-jdk] [cc-canned] (client credentials, token cached, against a bearer token)</pre>
 */
public final class PairedRatio {
    static final int TRIALS = 5;
    private static final int ROUNDS = 20;
    private static final long ROUND_NANOS = 100_000_000L;
    private static final long WARMUP_NANOS = 3_000_000_000L;
    static volatile int sink;

    private PairedRatio() {
    }

    /** One variant of a check, set up afresh for every trial. */
    interface Setup {
        /** @return {sdk, baseline, teardown} */
        Callable<?>[] start() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        List<String> which = args.length > 0 ? Arrays.asList(args)
                : List.of("b1-jdk", "b1-canned", "b2-string", "b2-bytes");
        header();
        for (String w : which) {
            switch (w) {
                case "b1-jdk":
                case "b1-canned":
                    run(w, "sdkGet / rawOkHttpGson", () -> {
                        CallOverheadBenchmark b = new CallOverheadBenchmark();
                        b.server = w.substring(3);
                        b.setUp();
                        return new Callable<?>[] {b::sdkGet, b::rawOkHttpGson, () -> {
                            b.tearDown();
                            return null;
                        }};
                    });
                    break;
                case "b2-string":
                    run(w, "sdkCodec / plainGsonPojo", () -> {
                        DecodeBenchmark d = new DecodeBenchmark();
                        d.setUp();
                        return new Callable<?>[] {d::sdkCodec, d::plainGsonPojo, () -> null};
                    });
                    break;
                case "b2-bytes":
                    run(w, "sdkPipelineDecode / ...FromBytes", () -> {
                        DecodeBenchmark d = new DecodeBenchmark();
                        d.setUp();
                        return new Callable<?>[] {d::sdkPipelineDecode, d::plainGsonPojoFromBytes, () -> null};
                    });
                    break;
                case "b6-keyset":
                    run(w, "keyset / offset (10,000 tasks)", () -> {
                        KeysetBenchmark k = new KeysetBenchmark();
                        k.setUp();
                        return new Callable<?>[] {k::keyset, k::offset, () -> {
                            k.tearDown();
                            return null;
                        }};
                    }, 3);
                    break;
                case "cc-jdk":
                case "cc-canned":
                    run(w, "clientCredentials / bearerToken", () -> {
                        ClientCredentialsOverhead c = new ClientCredentialsOverhead(w.substring(3));
                        return new Callable<?>[] {c::credentialsGet, c::bearerGet, () -> {
                            c.tearDown();
                            return null;
                        }};
                    });
                    break;
                case "b1-breakdown-jdk":
                case "b1-breakdown-canned":
                    CallOverheadBreakdown.main(new String[] {w.substring("b1-breakdown-".length())});
                    break;
                default:
                    throw new IllegalArgumentException("unknown check " + w);
            }
        }
    }

    static void header() {
        System.out.printf("%-10s %-34s %9s %9s %8s %15s   %s%n", "check", "variant / baseline", "var. us",
                "base us", "ratio", "quartiles", "median of each trial");
    }

    static void run(String name, String label, Setup setup) throws Exception {
        run(name, label, setup, TRIALS);
    }

    static void run(String name, String label, Setup setup, int trials) throws Exception {
        double[] all = new double[trials * ROUNDS];
        List<String> trialMedians = new ArrayList<>();
        double sdkSum = 0;
        double baseSum = 0;
        for (int t = 0; t < trials; t++) {
            Callable<?>[] v = setup.start();
            try {
                double[] r = trial(v[0], v[1]);
                System.arraycopy(r, 0, all, t * ROUNDS, ROUNDS);
                sdkSum += r[ROUNDS];
                baseSum += r[ROUNDS + 1];
                double[] sorted = Arrays.copyOf(r, ROUNDS);
                Arrays.sort(sorted);
                trialMedians.add(String.format(Locale.ROOT, "%.3f", quantile(sorted, 0.5)));
            } finally {
                v[2].call();
            }
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "%-10s %-34s %9.1f %9.1f %8.3f %7.3f-%-7.3f   %s%n", name, label,
                sdkSum / trials, baseSum / trials, quantile(all, 0.5), quantile(all, 0.25), quantile(all, 0.75),
                String.join(" ", trialMedians));
    }

    /** @return the round ratios, then the mean microseconds per call of the SDK and of the baseline */
    private static double[] trial(Callable<?> sdk, Callable<?> base) throws Exception {
        long end = System.nanoTime() + WARMUP_NANOS;
        long sdkTime = 0;
        long baseTime = 0;
        long calls = 0;
        while (System.nanoTime() < end) {
            sdkTime += time(sdk, 20);
            baseTime += time(base, 20);
            calls += 20;
        }
        int perRound = (int) Math.max(10, ROUND_NANOS / Math.max(1, (sdkTime + baseTime) / 2 / calls));
        double[] out = new double[ROUNDS + 2];
        for (int r = 0; r < ROUNDS; r++) {
            long s;
            long b;
            if (r % 2 == 0) {
                s = time(sdk, perRound);
                b = time(base, perRound);
            } else {
                b = time(base, perRound);
                s = time(sdk, perRound);
            }
            out[r] = (double) s / b;
            out[ROUNDS] += s / 1e3 / perRound / ROUNDS;
            out[ROUNDS + 1] += b / 1e3 / perRound / ROUNDS;
        }
        return out;
    }

    private static long time(Callable<?> c, int calls) throws Exception {
        long t0 = System.nanoTime();
        int h = 0;
        for (int i = 0; i < calls; i++) {
            h += System.identityHashCode(c.call());
        }
        long t = System.nanoTime() - t0;
        sink += h;
        return t;
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
