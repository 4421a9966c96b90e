package com.example.approvals;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.FlowsStubExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(FlowsStubExtension.class)
class ApprovalInboxTest {
    @Test
    void approvesATaskAsynchronously(FlowsStub stub, FlowsClient client) throws Exception {
        stub.addTask(new Task().id("task-1").displayName("Approve access").status("pending"));

        String status = new ApprovalInbox(client).approve("task-1").get(10, TimeUnit.SECONDS);

        assertEquals("completed", status);
        assertEquals("completed", stub.task("task-1").orElseThrow().getStatus());
    }
}
