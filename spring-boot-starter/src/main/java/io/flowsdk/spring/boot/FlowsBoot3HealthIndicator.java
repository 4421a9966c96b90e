package io.flowsdk.spring.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code flows} health indicator on Spring Boot 3 (whose health API is spring-boot-actuator). */
final class FlowsBoot3HealthIndicator implements HealthIndicator {
    private final FlowsHealthCheck check;

    FlowsBoot3HealthIndicator(FlowsHealthCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        FlowsHealthCheck.Result r = check.check();
        return (r.up() ? Health.up() : Health.down()).withDetails(r.details()).build();
    }
}
