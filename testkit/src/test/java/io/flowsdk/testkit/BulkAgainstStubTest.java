package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowsdk.client.Bulk;
import io.flowsdk.client.BulkProgress;
import io.flowsdk.client.BulkResult;
import io.flowsdk.client.Change;
import io.flowsdk.client.FlowCancellation;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.SortOrder;
import io.flowsdk.client.error.BulkFailureException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.model.TaskFlowReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** completeAll, cancelAll and flows().cancelAll against the stateful fake, faults included. */
@ExtendWith(FlowsStubExtension.class)
class BulkAgainstStubTest {
    private static final Filter PENDING = Filter.eq("status", "pending");
    private final FlowsStub stub;

    BulkAgainstStubTest(FlowsStub stub) {
        this.stub = stub;
    }

    private List<String> seedPending(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(stub.addTask(new Task().displayName("Approve " + i).status("pending")).getId());
        }
        return ids;
    }

    private long pendingLeft() {
        return stub.tasks().stream().filter(t -> "pending".equals(t.getStatus())).count();
    }

    @Test
    void completeAllOfAQueryCompletesEveryMatchingTaskOnceWithTheVariablesAndReason(FlowsClient client) {
        seedPending(250);
        List<BulkProgress> progress = new CopyOnWriteArrayList<>();
        BulkResult<Task> r = client.tasks().completeAll(client.tasks().list().filter(PENDING),
                Map.of("approved", true), Change.reason("bulk approval"),
                Bulk.options().concurrency(8).onProgress(progress::add));
        r.orThrow();
        assertEquals(250, r.succeeded().size());
        assertTrue(r.succeeded().stream().allMatch(t -> "completed".equals(t.getStatus())
                && Map.of("approved", true).equals(t.getVariables())));
        assertEquals(0, pendingLeft());
        assertEquals(250, stub.requestCount(Endpoint.COMPLETE_TASK));
        assertTrue(stub.requests(Endpoint.COMPLETE_TASK).stream()
                .allMatch(q -> "bulk approval".equals(q.queryParam("reason"))));
        assertTrue(stub.requests(Endpoint.LIST_TASKS).stream().allMatch(q -> "id".equals(q.queryParam("sortBy"))),
                "the query is iterated by key");
        assertEquals(250, progress.size());
        assertEquals(250, progress.get(249).done());
        assertEquals(250, progress.get(0).total().orElseThrow());
    }

    @Test
    void completeAllOfIdsTakesEachDistinctIdOnceAndReportsTheMissingOnes(FlowsClient client) {
        List<String> ids = new ArrayList<>(seedPending(20));
        ids.add(ids.get(0));
        ids.add("no-such-task");
        BulkResult<Task> r = client.tasks().completeAll(ids, Map.of(), Change.none(), Bulk.options().concurrency(4));
        assertEquals(20, r.succeeded().size());
        assertEquals(List.of("no-such-task"), List.copyOf(r.failed().keySet()));
        assertInstanceOf(NotFoundException.class, r.failed().get("no-such-task"));
        assertEquals(21, stub.requestCount(Endpoint.COMPLETE_TASK));
        BulkFailureException e = assertThrows(BulkFailureException.class, r::orThrow);
        assertTrue(e.getMessage().startsWith("bulk run: 20 succeeded, 0 partial, 1 failed (no-such-task: "),
                e.getMessage());
    }

    @Test
    void badIdsAndUnpinnedSortedQueriesAreRefusedBeforeAnythingIsSent(FlowsClient client) {
        assertThrows(IllegalArgumentException.class, () -> client.tasks().cancelAll(List.of("t-1", ".."),
                Change.none(), Bulk.options()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client.tasks().cancelAll(
                client.tasks().list().sortBy("due", SortOrder.ASCENDING), Change.none(), Bulk.options()));
        assertTrue(e.getMessage().startsWith("cancelAll iterates the query by key"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bulk.options().concurrency(0));
        assertThrows(IllegalArgumentException.class, () -> Bulk.options().concurrency(65));
        assertEquals(0, stub.requests().size());
    }

    @Test
    void aSortedQueryPinnedToATimeIsIteratedAsItIs(FlowsClient client) {
        stub.clock().set(Instant.parse("2026-03-01T10:00:00Z"));
        seedPending(30);
        stub.clock().advance(Duration.ofSeconds(5));
        BulkResult<Task> r = client.tasks().cancelAll(client.tasks().list().filter(PENDING)
                .sortBy("displayName", SortOrder.DESCENDING).pageSize(7).snapshot(), Change.none(), Bulk.options());
        assertEquals(30, r.succeeded().size());
        assertEquals(0, pendingLeft());
    }

    /**
     * The first 8 completions (all in flight at once) are answered 429 with Retry-After: 1. The run
     * pauses as a whole: on the stub's frozen clock, which only the client's waits move (the run's
     * requests have no per-call retries), every request after them arrives a second later; none is
     * retried on its own.
     */
    @Test
    void a429StormPausesTheWholeRunAndNothingIsRetriedOnItsOwn(FlowsClient client) {
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        stub.clock().set(start);
        List<String> ids = seedPending(100);
        stub.inject(Endpoint.COMPLETE_TASK, Fault.rateLimited(1)).times(8);
        BulkResult<Task> r = client.tasks().completeAll(ids, Map.of("approved", true), Change.none(),
                Bulk.options().concurrency(8));
        r.orThrow();
        assertEquals(100, r.succeeded().size());
        List<RecordedRequest> completes = stub.requests(Endpoint.COMPLETE_TASK);
        assertEquals(108, completes.size(), "each rate-limited completion sent once more, no per-call retries");
        // the first 8 to arrive got the 429s (some may arrive after the pause moved the clock: they
        // were in flight); every later request was sent after the pause, a second later
        // (how much later is not fixed here: on the stub's clock a pause jumps at once, so a 429 still in
        // flight that arrives after the jump counts from there and may extend the pause)
        assertTrue(completes.subList(8, completes.size()).stream()
                .allMatch(q -> !q.receivedAt().isBefore(start.plusSeconds(1))), "nothing sent during the pause");
    }

    /** The example of docs/iteration-and-bulk.md, as written there. */
    @Test
    void theGuidesExampleHolds(FlowsClient client) {
        for (int i = 0; i < 250; i++) {
            stub.addTask(new Task().displayName("t" + i).status("pending"));
        }
        stub.inject(Endpoint.COMPLETE_TASK, Fault.rateLimited(1)).times(8);                 // a 429 storm
        stub.inject(Endpoint.COMPLETE_TASK, Fault.connectionReset()).afterHandling().times(3); // done, answer lost

        BulkResult<Task> r = client.tasks().completeAll(
                client.tasks().list().filter(Filter.eq("status", "pending")),
                Map.of("approved", true), Change.none(), Bulk.options());

        r.orThrow();
        assertEquals(250, r.succeeded().size());
        assertEquals(250 + 8, stub.requestCount(Endpoint.COMPLETE_TASK));   // the 8 rate-limited ones once more
        assertEquals(3, stub.requestCount(Endpoint.GET_TASK));
    }

    @Test
    void lostAnswersAreReconciledByReadingTheTask(FlowsClient client) {
        List<String> ids = seedPending(40);
        stub.inject(Endpoint.COMPLETE_TASK, Fault.connectionReset()).afterHandling().times(5); // done, answer lost
        BulkResult<Task> r = client.tasks().completeAll(ids, Map.of("approved", true), Change.none(), Bulk.options());
        r.orThrow();
        assertEquals(40, r.succeeded().size());
        assertEquals(40, stub.requestCount(Endpoint.COMPLETE_TASK), "never sent twice: the read showed the change");
        assertEquals(5, stub.requestCount(Endpoint.GET_TASK));
    }

    @Test
    void aLostRequestThatWasNotAppliedIsSentAgainAfterTheRead(FlowsClient client) {
        List<String> ids = seedPending(40);
        stub.inject(Endpoint.CANCEL_TASK, Fault.connectionReset()).times(5); // reset before the fake handled it
        BulkResult<Task> r = client.tasks().cancelAll(ids, Change.none(), Bulk.options());
        r.orThrow();
        assertEquals(40, r.succeeded().size());
        assertEquals(45, stub.requestCount(Endpoint.CANCEL_TASK));
        assertEquals(5, stub.requestCount(Endpoint.GET_TASK));
        assertEquals(0, pendingLeft());
    }

    @Test
    void flowsCancelAllKeeps207sApart(FlowsClient client) {
        for (int i = 0; i < 10; i++) {
            FlowInstance f = stub.addFlow(new FlowInstance().id("flow-" + i).displayName("Onboarding " + i));
            stub.addTask(new Task().id("task-" + i).status("pending")
                    .flow(new TaskFlowReference().flowInstanceKey(f.getId())));
        }
        stub.failJobCancellation("flow-3", "task-3");
        stub.addFlow(new FlowInstance().id("flow-done").status("completed"));
        BulkResult<FlowCancellation> r = client.flows().cancelAll(
                client.flows().list().filter(Filter.eq("status", "running")), Change.reason("reorg"),
                Bulk.options().concurrency(3));
        assertEquals(9, r.succeeded().size());
        assertTrue(r.succeeded().stream().allMatch(c -> c.statusCode() == 200 && !c.isPartial()));
        assertEquals(1, r.partial().size());
        assertEquals("flow-3", r.partial().get(0).flowId());
        assertEquals(List.of("task-3"), r.partial().get(0).notCanceledJobs());
        assertTrue(r.failed().isEmpty());
        assertThrows(BulkFailureException.class, r::orThrow);
    }

    @Test
    void aLostFlowCancelConfirmedByReadingTheFlowHasStatusCodeZero(FlowsClient client) {
        stub.addFlow(new FlowInstance().id("flow-1"));
        stub.inject(Endpoint.CANCEL_FLOW, Fault.connectionReset()).afterHandling();
        BulkResult<FlowCancellation> r = client.flows().cancelAll(List.of("flow-1"), Change.none(), Bulk.options());
        assertEquals(1, r.succeeded().size());
        assertEquals(0, r.succeeded().get(0).statusCode());
        assertEquals("canceled", r.succeeded().get(0).flowStatus());
        assertEquals(1, stub.requestCount(Endpoint.CANCEL_FLOW));
        assertEquals(1, stub.requestCount(Endpoint.GET_FLOW));
    }
}
