package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.BadRequestException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.model.Task;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** "The server did it, but the answer was lost": the SDK reads the task instead of guessing. */
@ExtendWith(FlowsStubExtension.class)
class ReconciliationAgainstStubTest {
    private final FlowsStub stub;

    ReconciliationAgainstStubTest(FlowsStub stub) {
        this.stub = stub;
    }

    private String pending() {
        return stub.addTask(new Task().displayName("Approve").status("pending")).getId();
    }

    @Test
    void aCompleteDoneButWhoseAnswerWasLostReturnsTheCompletedTask(FlowsClient client) throws Exception {
        String id = pending();
        stub.inject(Endpoint.COMPLETE_TASK, Fault.connectionReset()).afterHandling();
        Task t = client.tasks().complete(id, Map.of("approved", true));
        assertEquals("completed", t.getStatus());
        assertEquals(Map.of("approved", true), t.getVariables());
        assertEquals(1, stub.requestCount(Endpoint.COMPLETE_TASK));
        assertEquals(1, stub.requestCount(Endpoint.GET_TASK));

        String other = pending();
        stub.inject(Endpoint.COMPLETE_TASK, Fault.emptyResponse()).afterHandling();
        assertEquals("completed", client.tasks().completeAsync(other, Map.of("approved", true))
                .get(10, TimeUnit.SECONDS).getStatus());
    }

    @Test
    void aCancelDoneButWhoseAnswerWasCutShortReturnsTheCancelledTask(FlowsClient client) {
        String id = pending();
        stub.inject(Endpoint.CANCEL_TASK, Fault.truncatedBody());
        assertEquals("canceled", client.tasks().cancel(id).getStatus());
        assertEquals(1, stub.requestCount(Endpoint.CANCEL_TASK));
    }

    @Test
    void aCompleteWhoseAnswerCameTooLateIsConfirmedByTheRead(FlowsStub stub) {
        String id = pending();
        FlowsClient impatient = stub.client(b -> b.timeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none()));
        stub.inject(Endpoint.COMPLETE_TASK, Fault.delay(Duration.ofMillis(600)));  // applied at once, answered late
        assertEquals("completed", impatient.tasks().complete(id).getStatus());
        assertEquals(1, stub.requestCount(Endpoint.COMPLETE_TASK));
    }

    @Test
    void aResetBeforeTheFakeHandledTheRequestLeavesThePendingTaskAndTheFailure(FlowsClient client) {
        String id = pending();
        stub.inject(Endpoint.COMPLETE_TASK, Fault.connectionReset());
        FlowsTransportException e = assertThrows(FlowsTransportException.class, () -> client.tasks().complete(id));
        assertEquals("pending", stub.task(id).orElseThrow().getStatus());
        assertEquals(1, e.getSuppressed().length);
        assertEquals(1, stub.requestCount(Endpoint.COMPLETE_TASK), "the POST is never sent twice");
    }

    @Test
    void completingACompletedTaskIsTheFakesBadRequestAndNotReconciled(FlowsClient client) {
        String id = pending();
        client.tasks().complete(id, Map.of("approved", true));
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> client.tasks().complete(id, Map.of("approved", true)));
        assertEquals("Bad Request: cannot complete task " + id + ": it is already completed", e.errorMessage());
        assertEquals(0, stub.requestCount(Endpoint.GET_TASK));
    }
}
