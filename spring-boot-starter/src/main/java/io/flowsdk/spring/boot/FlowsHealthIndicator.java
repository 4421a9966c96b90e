package io.flowsdk.spring.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code flows} health indicator on Spring Boot 4 (whose health API is spring-boot-health). */
final class FlowsHealthIndicator implements HealthIndicator {
    private final FlowsHealthCheck check;

    FlowsHealthIndicator(FlowsHealthCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        FlowsHealthCheck.Result r = check.check();
        return (r.up() ? Health.up() : Health.down()).withDetails(r.details()).build();
    }
}
