package io.flowsdk.examples.startupcost;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the starter adds to an application's startup: a minimal Spring Boot application (nothing
 * but auto-configuration, on this example's class path: Boot, actuator, Micrometer, the SDK)
 * started three ways in rotating rounds, so that load from elsewhere on the machine hits all
 * alike: with the starter's auto-configurations; without them (excluded) and no client; without
 * them and a client made by hand in a {@code @Bean}, which is what the starter replaces. Not a test: run by hand
 * (BENCHMARKS.md, "Spring Boot starter: startup"). It lives outside the application's package on
 * purpose: there, its hand-made client bean would be found by the application's component scan and
 * replace the starter's in the application's own tests.
 *
 * <ul>
 *   <li>{@code warm}: in this JVM, after warm-up rounds of both; the time of
 *       {@code SpringApplication.run} to a refreshed context, the client built;</li>
 *   <li>{@code cold}: a fresh JVM per start (the same class path), from launch to the context
 *       refreshed, class loading included, which is what an application pays once.</li>
 * </ul>
 *
 * <p>The starter's variant sets {@code flows.base-url} (a loopback URL; nothing is sent) and a
 * token; the other excludes the four auto-configurations. Both run with
 * {@code spring.main.lazy-initialization=false} and no web server.
 */
public final class StartupCost {
    private static final String EXCLUDE = "--spring.autoconfigure.exclude="
            + "io.flowsdk.spring.boot.FlowsAutoConfiguration,io.flowsdk.spring.boot.FlowsMetricsAutoConfiguration,"
            + "io.flowsdk.spring.boot.FlowsTracingAutoConfiguration,io.flowsdk.spring.boot.FlowsHealthAutoConfiguration";
    private static final String[] WITH = {"--flows.base-url=http://127.0.0.1:9/api/v1", "--flows.token=bench"};

    private StartupCost() {
    }

    /**
     * Runs the measurement.
     *
     * @param args {@code warm [warmups] [rounds]}, {@code cold [rounds]}, or (for a child JVM)
     *             {@code once STARTER|NONE|MANUAL}
     * @throws Exception on a failure to start a child JVM
     */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "warm";
        switch (mode) {
            case "once" -> {
                long t0 = Long.parseLong(System.getProperty("bench.launched", "0"));
                long start = System.nanoTime();
                start(Variant.valueOf(args[1])).close();
                // ms from process launch (wall clock, as ProcessBuilder saw it) and of run() alone
                System.out.printf(Locale.ROOT, "%d %d%n", System.currentTimeMillis() - t0,
                        (System.nanoTime() - start) / 1_000_000);
            }
            case "cold" -> cold(args.length > 1 ? Integer.parseInt(args[1]) : 10);
            default -> warm(args.length > 1 ? Integer.parseInt(args[1]) : 10,
                    args.length > 2 ? Integer.parseInt(args[2]) : 30);
        }
    }

    /** The three applications compared. */
    enum Variant {
        /** The starter's auto-configurations on: a client from properties, metrics, health. */
        STARTER,
        /** The starter's auto-configurations excluded, no client. */
        NONE,
        /** The starter's auto-configurations excluded, a client made by hand in a {@code @Bean}. */
        MANUAL
    }

    private static ConfigurableApplicationContext start(Variant variant) {
        SpringApplication app = new SpringApplication(variant == Variant.MANUAL ? ManualApp.class : MinimalApp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        List<String> a = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--logging.level.root=warn",
                "--spring.config.name=startup-cost", "--management.metrics.enable.all=true"));
        a.addAll(variant == Variant.STARTER ? Arrays.asList(WITH) : List.of(EXCLUDE));
        return app.run(a.toArray(String[]::new));
    }

    private static void warm(int warmups, int rounds) {
        for (int i = 0; i < warmups; i++) {
            for (Variant v : Variant.values()) {
                start(v).close();
            }
        }
        long[][] times = new long[3][rounds];
        for (int i = 0; i < rounds; i++) {
            // rotate which goes first, so that none always follows another's garbage
            for (int k = 0; k < 3; k++) {
                Variant v = Variant.values()[(i + k) % 3];
                times[v.ordinal()][i] = time(v);
            }
        }
        String title = "warm (same JVM, " + warmups + " warm-up rounds, " + rounds + " rounds), us";
        report(title + ": starter / no client", times[0], times[1], 1000);
        report(title + ": starter / client made by hand", times[0], times[2], 1000);
    }

    private static long time(Variant variant) {
        long t = System.nanoTime();
        ConfigurableApplicationContext c = start(variant);
        long elapsed = System.nanoTime() - t;
        c.close();
        return elapsed;
    }

    private static void cold(int rounds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        long[][] launch = new long[3][rounds];
        long[][] run = new long[3][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < 3; k++) {
                Variant v = Variant.values()[(i + k) % 3];
                long[] r = child(java, cp, v);
                launch[v.ordinal()][i] = r[0];
                run[v.ordinal()][i] = r[1];
            }
        }
        String title = "cold (a JVM per start, " + rounds + " rounds), launch to context refreshed, ms";
        report(title + ": starter / no client", launch[0], launch[1], 1);
        report(title + ": starter / client made by hand", launch[0], launch[2], 1);
        report("cold, SpringApplication.run alone, ms: starter / no client", run[0], run[1], 1);
        report("cold, SpringApplication.run alone, ms: starter / client made by hand", run[0], run[2], 1);
    }

    private static long[] child(String java, String cp, Variant variant) throws Exception {
        File out = Files.createTempFile("startup-cost", ".txt").toFile();
        try {
            Process p = new ProcessBuilder(java, "-cp", cp, "-Dbench.launched=" + System.currentTimeMillis(),
                    StartupCost.class.getName(), "once", variant.name())
                    .redirectErrorStream(true).redirectOutput(out).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("child failed: " + Files.readString(out.toPath()));
            }
            List<String> lines = Files.readAllLines(out.toPath());
            String[] last = lines.get(lines.size() - 1).trim().split(" ");
            return new long[] {Long.parseLong(last[0]), Long.parseLong(last[1])};
        } finally {
            Files.deleteIfExists(out.toPath());
        }
    }

    private static void report(String title, long[] with, long[] without, long unit) {
        long[] w = with.clone();
        long[] wo = without.clone();
        Arrays.sort(w);
        Arrays.sort(wo);
        double[] ratios = new double[with.length];
        for (int i = 0; i < with.length; i++) {
            ratios[i] = (double) with[i] / without[i];
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "%s%n  first:  median %,d  (p10 %,d, p90 %,d)%n"
                        + "  second: median %,d  (p10 %,d, p90 %,d)%n"
                        + "  ratio of medians %.3f; paired ratios: median %.3f, quartiles %.3f-%.3f%n",
                title, w[w.length / 2] / unit, w[w.length / 10] / unit, w[w.length * 9 / 10] / unit,
                wo[wo.length / 2] / unit, wo[wo.length / 10] / unit, wo[wo.length * 9 / 10] / unit,
                (double) w[w.length / 2] / wo[wo.length / 2], ratios[ratios.length / 2], ratios[ratios.length / 4],
                ratios[ratios.length * 3 / 4]);
    }

    /** The application: auto-configuration only. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class MinimalApp {
    }

    /** The application with a client of its own, as it would be written without the starter. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ManualApp {
        @org.springframework.context.annotation.Bean(destroyMethod = "close")
        io.flowsdk.client.FlowsClient flowsClient() {
            return io.flowsdk.client.FlowsClient.builder().baseUrl("http://127.0.0.1:9/api/v1").bearerToken("bench")
                    .build();
        }
    }
}
