package io.flowsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.micrometer.FlowsMetrics;
import io.flowsdk.opentelemetry.FlowsTracing;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.FlowsStubExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Metrics and traces are attached when the application has Micrometer or OpenTelemetry, and only then. */
@ExtendWith(FlowsStubExtension.class)
class ObservabilityTest {
    private FlowsStub stub;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(FlowsStub stub) {
        this.stub = stub;
        this.runner = Contexts.runner().withPropertyValues("flows.base-url=" + stub.baseUrl(), "flows.token=" + stub.token());
    }

    @Test
    void metricsGoToTheApplicationsRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasBean("flowsMetricsCustomizer");
            context.getBean(FlowsClient.class).tasks().list().count();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find(FlowsMetrics.REQUESTS).timer()).isNotNull();
            assertThat(registry.find(FlowsMetrics.REQUESTS).timer().count()).isEqualTo(1);
        });
    }

    @Test
    void noMetricsWithoutARegistry() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("flowsMetricsCustomizer"));
    }

    @Test
    void noMetricsWithoutFlowsMicrometer() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(FlowsMetrics.class)).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("flowsMetricsCustomizer");
                    context.getBean(FlowsClient.class).tasks().list().count();
                    assertThat(context.getBean(MeterRegistry.class).find(FlowsMetrics.REQUESTS).timer()).isNull();
                });
    }

    @Test
    void noMetricsForTwoRegistriesWithoutAPrimary() {
        runner.withBean("a", MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("b", MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("flowsMetricsCustomizer"));
    }

    @Test
    void tracesGoToTheApplicationsOpenTelemetry() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        runner.withBean(OpenTelemetry.class, () -> sdk(exporter)).run(context -> {
            assertThat(context).hasBean("flowsTracingCustomizer");
            context.getBean(FlowsClient.class).tasks().list().count();
            assertThat(exporter.getFinishedSpanItems()).hasSize(1);
            assertThat(exporter.getFinishedSpanItems().get(0).getInstrumentationScopeInfo().getName())
                    .isEqualTo(FlowsTracing.INSTRUMENTATION_NAME);
            String traceparent = stub.requests(Endpoint.LIST_TASKS).get(0).header("traceparent");
            assertThat(traceparent).contains(exporter.getFinishedSpanItems().get(0).getTraceId());
        });
    }

    @Test
    void noTracesWithoutOpenTelemetry() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean("flowsTracingCustomizer");
            context.getBean(FlowsClient.class).tasks().list().count();
            assertThat(stub.requests(Endpoint.LIST_TASKS).get(0).header("traceparent")).isNull();
        });
    }

    @Test
    void noTracesWithoutFlowsOpenTelemetry() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        runner.withBean(OpenTelemetry.class, () -> sdk(exporter))
                .withClassLoader(new FilteredClassLoader(FlowsTracing.class)).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("flowsTracingCustomizer");
                    context.getBean(FlowsClient.class).tasks().list().count();
                    assertThat(exporter.getFinishedSpanItems()).isEmpty();
                });
    }

    @Test
    void bothTogether() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean(OpenTelemetry.class, () -> sdk(exporter))
                .run(context -> {
                    context.getBean(FlowsClient.class).tasks().list().count();
                    assertThat(exporter.getFinishedSpanItems()).hasSize(1);
                    assertThat(context.getBean(MeterRegistry.class).find(FlowsMetrics.REQUESTS).timer()).isNotNull();
                });
    }

    private static OpenTelemetry sdk(InMemorySpanExporter exporter) {
        return OpenTelemetrySdk.builder()
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
    }
}
