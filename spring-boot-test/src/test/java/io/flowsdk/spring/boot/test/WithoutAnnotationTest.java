package io.flowsdk.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.testkit.FlowsStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Without the annotation nothing changes: no stub, and the application's own configuration. */
@SpringBootTest(classes = TestApplication.class)
class WithoutAnnotationTest {
    @Autowired
    ApplicationContext context;

    @Test
    void noStub() {
        assertThat(context.getBeanNamesForType(FlowsStub.class)).isEmpty();
        assertThat(context.getBean(FlowsClient.class).baseUrl()).isEqualTo("https://flows.example.test/api/v1");
    }
}
