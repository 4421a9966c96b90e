package io.flowsdk.examples;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.model.TaskFlowReference;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.Fault;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.FlowsStubExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The pattern users copy: test your own service against the shipped stub. The extension starts
 * one stateful fake of the API per test class, resets it before each test, and injects the
 * stub and a client configured for it.
 */
@ExtendWith(FlowsStubExtension.class)
class ApprovalServiceTest {

    @Test
    void approvesLowPriorityRequestsAndLeavesTheRest(FlowsStub stub, FlowsClient client) {
        Task small = stub.addTask(new Task().displayName("Approve access to Wiki").status("pending")
                .variables(java.util.Map.of("priority", 1)));
        Task big = stub.addTask(new Task().displayName("Approve access to Payroll").status("pending")
                .variables(java.util.Map.of("priority", 5)));

        int approved = new ApprovalService(client).autoApprove(2);

        assertEquals(1, approved);
        assertEquals("completed", client.tasks().get(small.getId()).getStatus());
        assertEquals("pending", client.tasks().get(big.getId()).getStatus());
        assertEquals(1, stub.requestCount(Endpoint.COMPLETE_TASK));
    }

    @Test
    void aFlakyServerDoesNotBreakTheSweep(FlowsStub stub, FlowsClient client) {
        stub.addTask(new Task().displayName("Review VPN").status("pending")
                .flow(new TaskFlowReference().flowKey("joinerOnboarding"))
                .variables(java.util.Map.of("priority", 1)));
        stub.inject(Endpoint.LIST_TASKS, Fault.status(503)).times(1);   // the first page fails once, then works

        assertEquals(1, new ApprovalService(client).autoApprove(2));
        assertEquals(2, stub.requestCount(Endpoint.LIST_TASKS), "the SDK retried the page");
    }

    @Test
    void approvesEveryMatchingTaskEvenWhenThereAreManyPages(FlowsStub stub, FlowsClient client) {
        for (int i = 0; i < 250; i++) {
            stub.addTask(new Task().displayName("Approve " + i).status("pending")
                    .variables(java.util.Map.of("priority", i % 2 == 0 ? 1 : 5)));
        }

        int approved = new ApprovalService(client).autoApprove(2);

        // the loop completes what it lists: by offset it would skip tasks as they leave "pending"
        assertEquals(125, approved);
        assertEquals(125, stub.requestCount(Endpoint.COMPLETE_TASK));
        assertEquals(125, stub.tasks().stream().filter(t -> "pending".equals(t.getStatus())).count());
    }

    @Test
    void eachTestStartsFromAnEmptyStub(FlowsStub stub) {
        assertFalse(stub.tasks().iterator().hasNext());
    }
}
