package io.flowsdk.spring.boot;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.micrometer.FlowsMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Records the auto-configured client's calls in the application's Micrometer
 * {@link MeterRegistry} ({@code flows.client.*} meters, see {@code flows-micrometer}) when
 * {@code flows-micrometer} is on the class path and the context has one registry (or a primary
 * one). Runs after Spring Boot's metrics auto-configuration, Boot 3 or 4, so that its registry is
 * seen. Exclude this class ({@code spring.autoconfigure.exclude}) to keep the client's metrics off.
 */
@AutoConfiguration(before = FlowsAutoConfiguration.class, afterName = {
        // Spring Boot 4
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        // Spring Boot 3
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({FlowsClient.class, FlowsMetrics.class, MeterRegistry.class})
@ConditionalOnSingleCandidate(MeterRegistry.class)
public class FlowsMetricsAutoConfiguration {

    /** Created by Spring from the auto-configuration imports. */
    public FlowsMetricsAutoConfiguration() {
    }

    /**
     * Adds the metrics listener to the client's builder.
     *
     * @param registry the application's registry
     * @return the customizer
     */
    @Bean
    public FlowsClientBuilderCustomizer flowsMetricsCustomizer(MeterRegistry registry) {
        return builder -> builder.listener(FlowsMetrics.bind(registry));
    }
}
