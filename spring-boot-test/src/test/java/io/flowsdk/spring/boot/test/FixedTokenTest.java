package io.flowsdk.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.FlowsStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code clientCredentials = false}: the stub's fixed token, and no token request. */
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureFlowsStub(clientCredentials = false)
class FixedTokenTest {
    @Autowired
    FlowsStub stub;

    @Autowired
    FlowsClient client;

    @Test
    void usesTheStubsToken() {
        assertThat(client.tasks().list().count()).isZero();
        assertThat(stub.requests(Endpoint.LIST_TASKS).get(0).header("Authorization")).isEqualTo("Bearer " + stub.token());
        assertThat(stub.requestCount(Endpoint.TOKEN)).isZero();
    }
}
