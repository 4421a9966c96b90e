package io.flowsdk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * B5, footprint: the jars of the SDK's runtime class path against those of a raw
 * OkHttp + Gson client, and the cold start of each (a fresh JVM from launch to its first call
 * returned: {@link ColdStartSdk} vs {@link ColdStartRaw}), launched alternately against one loopback
 * server started here.
 *
 * <pre>java -cp ... io.flowsdk.bench.FootprintBenchmark MAINS_DIR SDK_CLASSPATH RAW_CLASSPATH [RUNS [tag-probe]]</pre>
 *
 * With {@code tag-probe} it then also launches the raw main with and without a request tag
 * ({@code Request.Builder.tag(Object)}, which the SDK sets on every request), alternating, to
 * show what OkHttp's first tag costs at startup (it maps the tag's type to a Kotlin {@code KClass}).
 *
 * Run it with {@code bash benchmarks/footprint.sh}, which resolves both class paths with Maven.
 */
public final class FootprintBenchmark {
    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mains = args[0];
        String sdkCp = args[1];
        String rawCp = args[2];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 10;

        System.out.println("== Runtime class path of flows-client ==");
        long sdkBytes = listJars(sdkCp);
        System.out.println("== Runtime class path of a raw OkHttp + Gson client ==");
        long rawBytes = listJars(rawCp);
        System.out.printf(Locale.ROOT, "SDK closure / raw closure: %,d / %,d bytes = %.2fx (+%,d bytes)%n%n",
                sdkBytes, rawBytes, (double) sdkBytes / rawBytes, sdkBytes - rawBytes);

        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        try (LoopbackServer server = new LoopbackServer(0, 0, true)) {
            String url = server.baseUrl();
            List<String> sdkCmd = List.of(java, "-cp", mains + File.pathSeparator + sdkCp,
                    ColdStartSdk.class.getName(), url);
            List<String> rawCmd = List.of(java, "-cp", mains + File.pathSeparator + rawCp,
                    ColdStartRaw.class.getName(), url);

            System.out.printf("== Cold start: %d runs each, alternating, after one untimed run each ==%n", runs);
            launch(sdkCmd);
            launch(rawCmd);
            long[][][] both = alternate(sdkCmd, rawCmd, runs);
            long[][] sdk = both[0];
            long[][] raw = both[1];
            System.out.printf("%-34s %10s %10s %10s %12s%n", "launch -> first call returned (ms)", "median", "min",
                    "max", "exit median");
            row("SDK (ColdStartSdk)", sdk);
            row("raw OkHttp + Gson (ColdStartRaw)", raw);
            System.out.printf(Locale.ROOT, "ratio SDK / raw, medians: first call %.2fx (+%.0f ms), exit %.2fx%n",
                    median(sdk[0]) / median(raw[0]), (median(sdk[0]) - median(raw[0])) / 1e6,
                    median(sdk[1]) / median(raw[1]));
            // each round's two launches ran back to back: their ratio is less exposed to the load drifting
            System.out.printf(Locale.ROOT, "ratio SDK / raw, median of the %d rounds' ratios: first call %.3fx, "
                    + "exit %.3fx%n", runs, pairedRatio(sdk[0], raw[0]), pairedRatio(sdk[1], raw[1]));
            // the mains' own report, from main's start to the call returned: JVM start-up and exit left out
            System.out.printf(Locale.ROOT, "inside main (start -> call returned): SDK %.0f ms, raw %.0f ms, medians "
                    + "%.3fx (+%.0f ms), rounds' ratios %.3fx%n", median(sdk[2]) / 1e6, median(raw[2]) / 1e6,
                    median(sdk[2]) / median(raw[2]), (median(sdk[2]) - median(raw[2])) / 1e6,
                    pairedRatio(sdk[2], raw[2]));

            long sdkClasses = launch(with(sdkCmd, "-Xlog:class+load=info"))[2];
            long rawClasses = launch(with(rawCmd, "-Xlog:class+load=info"))[2];
            System.out.printf("classes loaded up to exit (-Xlog:class+load, one extra run each): SDK %,d, raw %,d "
                    + "(+%,d)%n", sdkClasses, rawClasses, sdkClasses - rawClasses);

            if (args.length > 4 && args[4].equals("tag-probe")) {
                List<String> tagCmd = new ArrayList<>(rawCmd);
                tagCmd.add("tag");
                launch(tagCmd);
                long[][][] pair = alternate(tagCmd, rawCmd, runs);
                long[][] tagged = pair[0];
                long[][] plain = pair[1];
                System.out.printf("%n== Tag probe: raw with a request tag / raw, %d runs each, alternating ==%n", runs);
                row("raw + tag(Object)", tagged);
                row("raw", plain);
                System.out.printf(Locale.ROOT, "ratio, medians: first call %.3fx (%+.1f ms); classes loaded %,d / %,d%n",
                        median(tagged[0]) / median(plain[0]), (median(tagged[0]) - median(plain[0])) / 1e6,
                        launch(with(tagCmd, "-Xlog:class+load=info"))[2], rawClasses);
            }
        }
    }

    private static long listJars(String classpath) {
        long total = 0;
        int count = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            File f = new File(entry);
            System.out.printf("  %-45s %,12d bytes%n", f.getName(), f.length());
            total += f.length();
            count++;
        }
        System.out.printf("  %-45s %,12d bytes (%.2f MiB)%n", count + " jars", total, total / 1048576.0);
        return total;
    }

    private static List<String> with(List<String> cmd, String jvmOption) {
        List<String> c = new ArrayList<>(cmd);
        c.add(1, jvmOption);
        return c;
    }

    /**
     * Launches {@code a} and {@code b} {@code runs} times each, in turn first (so that neither
     * always follows the other). {@return per command: times to the first call, to exit, and inside main}
     */
    private static long[][][] alternate(List<String> a, List<String> b, int runs)
            throws IOException, InterruptedException {
        long[][][] times = new long[2][3][runs];
        for (int i = 0; i < runs; i++) {
            boolean aFirst = i % 2 == 0;
            record(times[aFirst ? 0 : 1], i, launch(aFirst ? a : b));
            record(times[aFirst ? 1 : 0], i, launch(aFirst ? b : a));
        }
        return times;
    }

    private static void record(long[][] into, int i, long[] run) {
        into[0][i] = run[0];
        into[1][i] = run[1];
        into[2][i] = run[3];
    }

    /**
     * @return nanoseconds to the "OK" line, nanoseconds to exit, class-load lines seen, and the
     * nanoseconds the main itself reported from its start to the call returned
     */
    private static long[] launch(List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long ok = -1;
        long inMain = -1;
        long classes = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (ok < 0 && line.startsWith("OK ")) {
                    ok = System.nanoTime() - t0;
                } else if (line.startsWith("MAIN ")) {
                    inMain = Long.parseLong(line.substring(5).trim());
                } else if (line.contains("[class,load]")) {
                    classes++;
                } else {
                    output.add(line);
                }
            }
        }
        int code = p.waitFor();
        long exit = System.nanoTime() - t0;
        if (code != 0 || ok < 0) {
            throw new IllegalStateException(cmd.get(cmd.size() - 2) + " failed (exit " + code + "): " + output);
        }
        return new long[] {ok, exit, classes, inMain};
    }

    private static void row(String name, long[][] runs) {
        long[] sorted = runs[0].clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-34s %10.0f %10.0f %10.0f %12.0f%n", name, median(runs[0]) / 1e6,
                sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, median(runs[1]) / 1e6);
    }

    private static double pairedRatio(long[] a, long[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (double) a[i] / b[i];
        }
        Arrays.sort(r);
        int n = r.length;
        return n % 2 == 1 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2.0;
    }

    private static double median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
}
