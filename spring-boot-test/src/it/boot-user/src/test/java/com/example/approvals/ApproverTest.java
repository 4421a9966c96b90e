package com.example.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowsdk.client.model.Task;
import io.flowsdk.spring.boot.test.AutoConfigureFlowsStub;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.FlowsStub;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
@AutoConfigureFlowsStub
class ApproverTest {
    @Autowired
    FlowsStub stub;

    @Autowired
    ApprovalsApp.Approver approver;

    @Autowired
    ApplicationContext context;

    @Test
    void approvesThroughTheAutoConfiguredClient() {
        System.out.println("Spring Boot " + SpringBootVersion.getVersion());
        stub.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
        String id = stub.addTask(new Task().displayName("Approve")).getId();
        stub.clock().advance(Duration.ofSeconds(2));
        assertThat(approver.approveAll()).isEqualTo(1);
        assertThat(stub.task(id).orElseThrow().getStatus()).isEqualTo("completed");
        assertThat(stub.requestCount(Endpoint.TOKEN)).isEqualTo(1);
    }

    @Test
    void theHealthIndicatorOfThisBootIsThere() throws Exception {
        Object indicator = context.getBean("flowsHealthIndicator");
        // the indicator's class is the starter's own (not public): call health() through its interface
        java.lang.reflect.Method method = indicator.getClass().getMethod("health");
        method.setAccessible(true);
        Object health = method.invoke(indicator);
        assertThat(health.toString()).contains("UP");
        String expectedPackage = SpringBootVersion.getVersion().startsWith("3.")
                ? "org.springframework.boot.actuate.health" : "org.springframework.boot.health.contributor";
        assertThat(health.getClass().getPackageName()).isEqualTo(expectedPackage);
    }
}
