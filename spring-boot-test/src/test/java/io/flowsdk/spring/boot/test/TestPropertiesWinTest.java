package io.flowsdk.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.FlowsStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A test's own properties win over the ones the annotation sets. */
@SpringBootTest(classes = TestApplication.class, properties = {"flows.scopes=read", "flows.user-agent=bot-test/1"})
@AutoConfigureFlowsStub
class TestPropertiesWinTest {
    @Autowired
    FlowsStub stub;

    @Autowired
    FlowsClient client;

    @Test
    void scopesOfTheTest() {
        assertThat(client.tasks().list().count()).isZero();
        assertThat(stub.requests(Endpoint.TOKEN).get(0).body()).contains("scope=read");
        assertThat(stub.requests(Endpoint.LIST_TASKS).get(0).header("User-Agent")).endsWith(" bot-test/1");
    }
}
