package io.flowsdk.spring.boot;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.opentelemetry.FlowsTracing;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Traces the auto-configured client's calls with the application's {@link OpenTelemetry} (a
 * {@code CLIENT} span per call, W3C trace context on every attempt; see
 * {@code flows-opentelemetry}) when {@code flows-opentelemetry} is on the class path and the
 * context has one {@code OpenTelemetry} bean (or a primary one). Runs after Spring Boot's
 * OpenTelemetry auto-configuration, Boot 3 or 4. Exclude this class
 * ({@code spring.autoconfigure.exclude}) to keep the client's spans off.
 */
@AutoConfiguration(before = FlowsAutoConfiguration.class, afterName = {
        // Spring Boot 4
        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
        // Spring Boot 3
        "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration"})
@ConditionalOnClass({FlowsClient.class, FlowsTracing.class, OpenTelemetry.class})
@ConditionalOnSingleCandidate(OpenTelemetry.class)
public class FlowsTracingAutoConfiguration {

    /** Created by Spring from the auto-configuration imports. */
    public FlowsTracingAutoConfiguration() {
    }

    /**
     * Adds the tracing listener to the client's builder.
     *
     * @param openTelemetry the application's OpenTelemetry
     * @return the customizer
     */
    @Bean
    public FlowsClientBuilderCustomizer flowsTracingCustomizer(OpenTelemetry openTelemetry) {
        return builder -> builder.listener(FlowsTracing.create(openTelemetry));
    }
}
