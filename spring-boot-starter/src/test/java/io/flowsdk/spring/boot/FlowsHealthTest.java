package io.flowsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.spring.boot.Contexts.HealthResult;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.Fault;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.FlowsStubExtension;
import io.flowsdk.testkit.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code flows} health indicator, against the testkit. */
@ExtendWith(FlowsStubExtension.class)
class FlowsHealthTest {
    private FlowsStub stub;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(FlowsStub stub) {
        this.stub = stub;
        this.runner = Contexts.runner().withPropertyValues("flows.base-url=" + stub.baseUrl(),
                "flows.client-id=" + FlowsStub.DEFAULT_CLIENT_ID, "flows.client-secret=" + FlowsStub.DEFAULT_CLIENT_SECRET,
                "flows.retry.max-attempts=1");
    }

    @Test
    void upWithStatusAndLatencyAfterOneCountRequest() {
        runner.run(context -> {
            assertThat(context).hasBean("flowsHealthIndicator");
            HealthResult health = Contexts.health(context.getBean("flowsHealthIndicator"));
            assertThat(health.status()).isEqualTo("UP");
            assertThat(health.details()).containsEntry("status", 200).containsKey("latencyMs");
            assertThat((Long) health.details().get("latencyMs")).isNotNegative();
            RecordedRequest count = stub.requests(Endpoint.LIST_TASKS).get(0);
            assertThat(stub.requestCount(Endpoint.LIST_TASKS)).isEqualTo(1);
            assertThat(count.queryParam("count")).isEqualTo("0");
        });
    }

    @Test
    void downWithTheStatusWhenTheApiAnswers500() {
        stub.inject(Endpoint.LIST_TASKS, Fault.status(500)).always();
        runner.run(context -> {
            HealthResult health = Contexts.health(context.getBean("flowsHealthIndicator"));
            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.details()).containsEntry("status", 500).containsKey("latencyMs");
            assertThat((String) health.details().get("error")).startsWith("ServerException: ");
            assertNoSecret(health);
        });
    }

    @Test
    void downWhenTheTokenIsRefused() {
        runner.withPropertyValues("flows.client-secret=wrong-s3cr3t").run(context -> {
            HealthResult health = Contexts.health(context.getBean("flowsHealthIndicator"));
            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.details()).containsEntry("status", 401);
            assertThat(health.toString()).doesNotContain("wrong-s3cr3t");
        });
    }

    @Test
    void downWithoutStatusWhenTheServerIsGone() {
        FlowsStub gone = new FlowsStub();
        String baseUrl = gone.baseUrl();
        gone.close();
        runner.withPropertyValues("flows.base-url=" + baseUrl).run(context -> {
            HealthResult health = Contexts.health(context.getBean("flowsHealthIndicator"));
            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.details()).doesNotContainKey("status").containsKeys("latencyMs", "error");
            assertNoSecret(health);
        });
    }

    @Test
    void disabledByManagementHealthFlowsEnabled() {
        runner.withPropertyValues("management.health.flows.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(FlowsClient.class)
                        .doesNotHaveBean("flowsHealthIndicator"));
    }

    @Test
    void disabledWithTheOtherDefaultIndicators() {
        runner.withPropertyValues("management.health.defaults.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("flowsHealthIndicator"));
        runner.withPropertyValues("management.health.defaults.enabled=false", "management.health.flows.enabled=true")
                .run(context -> assertThat(context).hasBean("flowsHealthIndicator"));
    }

    @Test
    void noIndicatorWithoutAClient() {
        Contexts.runner().run(context -> assertThat(context).doesNotHaveBean("flowsHealthIndicator"));
    }

    @Test
    void checksTheApplicationsOwnClientToo() {
        Contexts.runner().withBean(FlowsClient.class, () -> FlowsClient.builder().baseUrl(stub.baseUrl())
                .bearerToken(stub.token()).build()).run(context -> {
                    HealthResult health = Contexts.health(context.getBean("flowsHealthIndicator"));
                    assertThat(health.status()).isEqualTo("UP");
                    assertThat(stub.requests(Endpoint.LIST_TASKS).get(0).header("Authorization"))
                            .isEqualTo("Bearer " + stub.token());
                });
    }

    @Test
    void noIndicatorForTwoClients() {
        Contexts.runner().withBean("a", FlowsClient.class, () -> FlowsClient.builder().baseUrl(stub.baseUrl()).build())
                .withBean("b", FlowsClient.class, () -> FlowsClient.builder().baseUrl(stub.baseUrl()).build())
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("flowsHealthIndicator"));
    }

    private static void assertNoSecret(HealthResult health) {
        assertThat(health.toString()).doesNotContain(FlowsStub.DEFAULT_CLIENT_SECRET);
    }
}
