package io.flowsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Configuration;

/**
 * A real application start: the starter is found through its auto-configuration imports, and
 * Spring Boot picks the starter's failure analyzers (registered in spring.factories) for what
 * goes wrong with the flows.* properties, before its own.
 */
class StartupFailureTest {
    /** No application.properties of whatever project runs these tests (they also run in a user's project). */
    private static final String ISOLATED = "--spring.config.name=flows-starter-startup-test";

    @BeforeEach
    void clear() {
        synchronized (CapturingFailureAnalysisReporter.REPORTED) {
            CapturingFailureAnalysisReporter.REPORTED.clear();
        }
    }

    private static void start(Map<String, Object> properties) {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(properties);
        app.setLogStartupInfo(false);
        app.run(ISOLATED, "--spring.main.banner-mode=off", "--logging.level.root=off");
    }

    @Test
    void invalidPropertiesAreExplainedByTheStarter() {
        assertThatThrownBy(() -> start(Map.of("flows.base-url", "https://flows.example.test/api/v1",
                "flows.token", "t0k3n-Value", "flows.client-id", "app")));
        FailureAnalysis analysis = CapturingFailureAnalysisReporter.last();
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("The Flows client could not be configured from the flows.* "
                + "properties:").contains("flows.token is set together with client credentials (flows.client-id)")
                .doesNotContain("t0k3n-Value");
    }

    @Test
    void badValuesAreExplainedByTheStarterBeforeSpringBoot() {
        assertThatThrownBy(() -> start(Map.of("flows.base-url", "https://flows.example.test/api/v1",
                "flows.token", "t", "flows.retry.initial-backoff", "a bit")));
        assertThat(CapturingFailureAnalysisReporter.last().getDescription())
                .contains("flows.retry.initial-backoff = \"a bit\"").contains("is not a duration such as");
    }

    @Test
    void aValidConfigurationStarts() {
        try (var context = new SpringApplication(App.class) {
            {
                setWebApplicationType(WebApplicationType.NONE);
                setDefaultProperties(Map.of("flows.base-url", "https://flows.example.test/api/v1", "flows.token", "t"));
            }
        }.run(ISOLATED, "--spring.main.banner-mode=off")) {
            assertThat(context.getBean(io.flowsdk.client.FlowsClient.class).baseUrl())
                    .isEqualTo("https://flows.example.test/api/v1");
        }
        assertThat(CapturingFailureAnalysisReporter.last()).isNull();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}
