package io.flowsdk.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.Fault;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.RecordedRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * {@code @SpringBootTest @AutoConfigureFlowsStub}: the real auto-configured client, with client
 * credentials, against the stub, whatever the application's own configuration says.
 */
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureFlowsStub
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureFlowsStubTest {
    @Autowired
    FlowsStub stub;

    @Autowired
    FlowsClient client;

    @Autowired
    Environment environment;

    @Test
    @Order(1)
    void theAutoConfiguredClientTalksToTheStubWithClientCredentials() {
        String id = stub.addTask(new Task().displayName("Approve access")).getId();
        client.tasks().complete(id, Map.of("approved", true));
        assertThat(stub.task(id).orElseThrow().getStatus()).isEqualTo("completed");
        assertThat(client.baseUrl()).isEqualTo(stub.baseUrl());
        RecordedRequest token = stub.requests(Endpoint.TOKEN).get(0);
        assertThat(token.body()).contains("grant_type=client_credentials").doesNotContain("scope=");
        assertThat(stub.requests(Endpoint.COMPLETE_TASK).get(0).header("Authorization")).startsWith("Bearer ")
                .isNotEqualTo("Bearer " + stub.token());
    }

    @Test
    @Order(2)
    void theStubIsResetBeforeEachTest() {
        assertThat(stub.tasks()).isEmpty();
        assertThat(stub.requests()).isEmpty();
        // the token the client fetched in the first test is still good after the reset
        assertThat(client.tasks().list().count()).isZero();
    }

    @Test
    @Order(3)
    void theApplicationsProductionSettingsAreOverridden() {
        assertThat(environment.getProperty("flows.base-url")).isEqualTo(stub.baseUrl());
        assertThat(environment.getProperty("flows.client-id")).isEqualTo(FlowsStub.DEFAULT_CLIENT_ID);
        assertThat(environment.getProperty("flows.token-url")).isEqualTo(stub.tokenUrl());
        assertThat(environment.getProperty("flows.scopes")).isEmpty();
    }

    @Test
    @Order(4)
    void theClientWaitsOnTheStubsClock() {
        Instant frozen = Instant.parse("2030-01-01T00:00:00Z");
        stub.clock().set(frozen);
        stub.inject(Endpoint.LIST_TASKS, Fault.status(503)).always();
        assertThatThrownBy(() -> client.tasks().list().count()).isInstanceOf(ServerException.class);
        // the default policy: 3 attempts, two backoffs, passed on the stub's clock instead of slept
        assertThat(stub.requestCount(Endpoint.LIST_TASKS)).isEqualTo(3);
        assertThat(stub.clock().instant()).isAfter(frozen);
    }

    @Nested
    class InANestedClass {
        @Autowired
        FlowsStub nestedStub;

        @Test
        void theStubIsTheSame() {
            assertThat(nestedStub).isSameAs(stub);
            assertThat(client.tasks().list().count()).isZero();
        }
    }
}
