package io.flowsdk.examples;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import io.flowsdk.micrometer.FlowsMetrics;
import io.flowsdk.opentelemetry.FlowsTracing;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.Fault;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.Seeds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Metrics and traces of a demo-like run against an embedded {@link FlowsStub}: a client with
 * {@code FlowsMetrics.bind(registry)} (Micrometer) and {@code FlowsTracing.create(openTelemetry)}
 * (OpenTelemetry) as listeners counts, iterates, meets a 429, completes a task, cancels a flow that
 * answers 207, has its token revoked and asks for a task that does not exist. Then it prints
 * every meter, and the spans by name.
 */
public final class Observability {
    private Observability() {
    }

    /**
     * Runs the example against its own embedded stub.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<SpanData> spans = new CopyOnWriteArrayList<>();
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new Collect(spans))).build();
        OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();

        try (FlowsStub stub = new FlowsStub()) {
            stub.clock().set(Seeds.DEFAULT_ANCHOR); // frozen: the client's waits (Retry-After) move it, no sleep
            stub.seed(Seeds.realistic(3, 400, 7));
            FlowsClient client = stub.clientWithCredentials(b -> b
                    .listener(FlowsMetrics.bind(registry))
                    .listener(FlowsTracing.create(openTelemetry)));
            run(stub, client);
        } finally {
            tracerProvider.close();
        }
        printMeters(registry);
        printSpans(spans);
    }

    private static void run(FlowsStub stub, FlowsClient client) {
        long all = client.tasks().list().count();
        long seen = client.tasks().list().pageSize(100).parallelism(4).stream().count();
        System.out.printf("counted %d tasks, iterated %d%n", all, seen);

        Task pending = client.tasks().list().filter(Filter.eq("status", "pending")).pageSize(1).firstPage()
                .items().get(0);
        stub.inject(Endpoint.GET_TASK, Fault.rateLimited(1)); // one 429 with Retry-After: 1, then normal
        client.tasks().get(pending.getId());
        client.tasks().complete(pending.getId(), Map.of("approved", true));

        FlowInstance running = client.flows().list().filter(Filter.eq("status", "running")).pageSize(1).firstPage()
                .items().get(0);
        stub.failJobCancellation(running.getId(), "job-provisioning");
        System.out.println("flow cancel answered " + client.flows().cancel(running.getId()).statusCode());

        stub.revokeTokens(); // the next call gets 401, fetches a new token and is repeated once
        client.tasks().get(pending.getId());
        try {
            client.tasks().get("no-such-task");
        } catch (NotFoundException e) {
            System.out.println("no-such-task: 404");
        }
    }

    private static void printMeters(SimpleMeterRegistry registry) {
        System.out.println();
        System.out.println("Meters (flows-micrometer)");
        List<Meter> meters = registry.getMeters().stream()
                .sorted(Comparator.comparing((Meter m) -> m.getId().getName()).thenComparing(m -> tags(m)))
                .collect(Collectors.toList());
        for (Meter m : meters) {
            String value;
            if (m instanceof Timer t) {
                value = String.format("count=%d mean=%.1fms", t.count(), t.mean(TimeUnit.MILLISECONDS));
            } else if (m instanceof Counter c) {
                value = String.format("count=%.0f", c.count());
            } else if (m instanceof DistributionSummary s) {
                value = String.format("count=%d total=%.0f", s.count(), s.totalAmount());
            } else {
                continue;
            }
            System.out.printf("  %-30s %-68s %s%n", m.getId().getName(), tags(m), value);
        }
    }

    private static String tags(Meter m) {
        return m.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue())
                .collect(Collectors.joining(" "));
    }

    private static void printSpans(List<SpanData> spans) {
        System.out.println();
        System.out.println("Spans (flows-opentelemetry)");
        Map<String, Long> byName = new TreeMap<>(spans.stream()
                .collect(Collectors.groupingBy(s -> s.getName() + " (" + s.getKind() + ")", Collectors.counting())));
        byName.forEach((name, n) -> System.out.printf("  %-28s x%d%n", name, n));
        spans.stream().filter(s -> s.getName().endsWith(".iterate")).findFirst().ifPresent(it ->
                System.out.printf("  the iteration's span has %d page spans as children%n", spans.stream()
                        .filter(s -> s.getParentSpanId().equals(it.getSpanId())).count()));
    }

    /** Keeps finished spans in memory (an application would export them). */
    private static final class Collect implements SpanExporter {
        private final List<SpanData> spans;

        Collect(List<SpanData> spans) {
            this.spans = spans;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
