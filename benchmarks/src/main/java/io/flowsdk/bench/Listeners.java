package io.flowsdk.bench;

import io.flowsdk.client.FlowsListener;
import io.flowsdk.micrometer.FlowsMetrics;
import io.flowsdk.opentelemetry.FlowsTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;

/**
 * The listener variants of the listener-overhead benchmarks: none, one that does nothing, Micrometer
 * into a {@code SimpleMeterRegistry}, OpenTelemetry with the SDK (batch processor, W3C propagation)
 * exporting to nowhere, and the same with a synchronous processor ({@code opentelemetry-sync}). {@link #close()} releases what the variant started.
 */
final class Listeners implements AutoCloseable {
    static final String[] VARIANTS = {"none", "noop", "micrometer", "opentelemetry"};

    final FlowsListener listener;
    private final AutoCloseable resources;

    private Listeners(FlowsListener listener, AutoCloseable resources) {
        this.listener = listener;
        this.resources = resources;
    }

    static Listeners create(String variant) {
        switch (variant) {
            case "none":
                return new Listeners(null, () -> { });
            case "noop":
                return new Listeners(new FlowsListener() {
                }, () -> { });
            case "micrometer":
                return new Listeners(FlowsMetrics.bind(new SimpleMeterRegistry()), () -> { });
            case "opentelemetry":
                return tracing(BatchSpanProcessor.builder(new Nowhere()).build());
            case "opentelemetry-sync":
                return tracing(SimpleSpanProcessor.create(new Nowhere()));
            default:
                throw new IllegalArgumentException("unknown listener variant " + variant);
        }
    }

    /**
     * The SDK as an application sets it up: W3C propagation, every span sampled, {@code processor}
     * (batch in production; synchronous where a benchmark produces spans faster than a batch
     * processor's queue takes them, which would measure dropped spans).
     */
    private static Listeners tracing(SpanProcessor processor) {
        SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(processor).build();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(tracing)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        return new Listeners(FlowsTracing.create(otel), tracing::close);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the " + getClass().getSimpleName() + " resources failed", e);
        }
    }

    /** An exporter that drops every span: the SDK's cost without an exporter's. */
    private static final class Nowhere implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
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
