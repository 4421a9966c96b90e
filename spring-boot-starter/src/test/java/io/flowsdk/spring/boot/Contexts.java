package io.flowsdk.spring.boot;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.testkit.StubClock;
import io.flowsdk.testkit.internal.StubTime;
import java.lang.reflect.Method;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the tests share; no Spring Boot type of one generation only, so they run on Boot 3 and 4. */
final class Contexts {
    private Contexts() {
    }

    /** A context with every auto-configuration of the starter, as the imports file lists them. */
    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FlowsAutoConfiguration.class,
                FlowsMetricsAutoConfiguration.class, FlowsTracingAutoConfiguration.class,
                FlowsHealthAutoConfiguration.class));
    }

    /**
     * A customizer that puts the client on the stub's time: while the stub's clock is frozen, the
     * client's waits move it instead of sleeping.
     */
    static FlowsClientBuilderCustomizer stubTime(StubClock clock) {
        return b -> b.clock(new StubTime(clock));
    }

    /** A client's settings as its toString() shows them (never a secret). */
    static String settings(FlowsClient client) {
        return client.toString();
    }

    /**
     * Calls {@code health()} on a health indicator of Boot 3 or Boot 4 (two unrelated types with
     * the same shape).
     *
     * @return the status code ("UP", "DOWN") and the details
     */
    static HealthResult health(Object indicator) {
        try {
            Method health = indicator.getClass().getMethod("health");
            health.setAccessible(true);
            Object h = health.invoke(indicator);
            Object status = h.getClass().getMethod("getStatus").invoke(h);
            String code = (String) status.getClass().getMethod("getCode").invoke(status);
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) h.getClass().getMethod("getDetails").invoke(h);
            return new HealthResult(code, details);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    record HealthResult(String status, Map<String, Object> details) {
    }
}
