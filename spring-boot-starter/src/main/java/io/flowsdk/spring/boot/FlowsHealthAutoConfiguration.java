package io.flowsdk.spring.boot;

import io.flowsdk.client.FlowsClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The actuator health indicator {@code flows} for the application's {@link FlowsClient} (the
 * auto-configured one or its own, if there is exactly one or a primary one): UP when a count of
 * tasks succeeds, DOWN otherwise, with the HTTP status and the latency as details. Turned off by
 * {@code management.health.flows.enabled=false}. One nested configuration per Spring Boot
 * generation, each used only where its health API is on the class path.
 */
@AutoConfiguration(after = FlowsAutoConfiguration.class)
@ConditionalOnClass(FlowsClient.class)
@ConditionalOnSingleCandidate(FlowsClient.class)
public class FlowsHealthAutoConfiguration {

    /** Created by Spring from the auto-configuration imports. */
    public FlowsHealthAutoConfiguration() {
    }

    /** Spring Boot 4: the health API of spring-boot-health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator("flows")
    static class Boot4 {
        @Bean
        org.springframework.boot.health.contributor.HealthIndicator flowsHealthIndicator(FlowsClient client) {
            return new FlowsHealthIndicator(new FlowsHealthCheck(client));
        }
    }

    /** Spring Boot 3: the health API of spring-boot-actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.boot.actuate.health.HealthIndicator",
            "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator"})
    @org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator("flows")
    static class Boot3 {
        @Bean
        org.springframework.boot.actuate.health.HealthIndicator flowsHealthIndicator(FlowsClient client) {
            return new FlowsBoot3HealthIndicator(new FlowsHealthCheck(client));
        }
    }
}
