package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.flowsdk.client.Change;
import io.flowsdk.client.FlowCancellation;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Page;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.SortOrder;
import io.flowsdk.client.error.BadRequestException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.error.UnauthorizedException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.model.TaskFlowReference;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SDK's real FlowsClient against the stub, through the extension. */
@ExtendWith(FlowsStubExtension.class)
class ClientAgainstStubTest {
    private final FlowsStub stub;

    ClientAgainstStubTest(FlowsStub stub) {
        this.stub = stub;
    }

    static Task pendingTask(String id, String flowId) {
        return new Task().id(id).displayName("Task " + id).status("pending")
                .flow(flowId == null ? null : new TaskFlowReference().flowInstanceKey(flowId));
    }

    @Test
    void injectedClientIsTheStubsSharedClient(FlowsClient client) {
        assertSame(stub.client(), client);
        assertEquals(stub.baseUrl(), client.baseUrl());
    }

    @Test
    void listsEverySeededTaskAcrossPagesEvenWhenTheServerCapsThePageSize(FlowsClient client) {
        SeedData data = Seeds.realistic(12, 4, 7);
        stub.seed(data);
        stub.maxPageSize(5);
        List<Task> all = client.tasks().list().pageSize(20).toList();
        assertEquals(48, all.size());
        assertEquals(data.tasks().stream().map(t -> t.get("id").getAsString()).toList(),
                all.stream().map(Task::getId).toList());
        assertEquals(10, stub.requestCount(Endpoint.LIST_TASKS), "48 items in pages of 5");
        assertEquals(48, client.tasks().list().count());
        assertEquals(12, client.flows().list().toList().size());
    }

    @Test
    void parallelPagingKeepsOrderUnderConcurrentRequests(FlowsClient client) {
        SeedData data = Seeds.realistic(25, 4, 99);
        stub.seed(data);
        List<String> ids = client.tasks().list().pageSize(7).parallelism(4).stream().map(Task::getId).toList();
        assertEquals(data.tasks().stream().map(t -> t.get("id").getAsString()).toList(), ids);
    }

    @Test
    void filtersWithTheSdkEvaluator(FlowsClient client) {
        stub.seed(Seeds.realistic(10, 5, 3));
        long expected = stub.tasks().stream()
                .filter(t -> t.getStatus().equals("pending") && t.getAssigneeId() != null).count();
        assertTrue(expected > 0);
        List<Task> pending = client.tasks().list()
                .filter(Filter.eq("status", "PENDING").and(Filter.pr("assigneeId"))).toList();
        assertEquals(expected, pending.size());
        assertTrue(pending.stream().allMatch(t -> "pending".equals(t.getStatus())));
        RecordedRequest sent = stub.requests(Endpoint.LIST_TASKS).get(0);
        assertEquals("status eq \"PENDING\" and assigneeId pr", sent.queryParam("filter"));
    }

    @Test
    void invalidComparisonIs400(FlowsClient client) {
        stub.seed(Seeds.realistic(2, 2, 1));
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> client.tasks().list().filter("variables.approved gt true").toList());
        assertEquals(400, e.statusCode());
        assertTrue(e.errorMessage().contains("invalid filter"), e.errorMessage());
    }

    @Test
    void sortsWithMissingValuesLast(FlowsClient client) {
        stub.seed(Seeds.realistic(8, 4, 11));
        List<Task> byDue = client.tasks().list().sortBy("due", SortOrder.ASCENDING).toList();
        int firstMissing = byDue.size();
        for (int i = 0; i < byDue.size(); i++) {
            if (byDue.get(i).getDue() == null) {
                firstMissing = Math.min(firstMissing, i);
            } else {
                assertTrue(i < firstMissing, "a due date after a missing one");
                if (i > 0) {
                    assertFalse(byDue.get(i).getDue().isBefore(byDue.get(i - 1).getDue()));
                }
            }
        }
        assertTrue(firstMissing < byDue.size(), "the seed has tasks without a due date");
    }

    @Test
    void projectsAttributes(FlowsClient client) {
        stub.seed(Seeds.realistic(1, 3, 5));
        Page<Task> page = client.tasks().list().attributes("status").excludedAttributes("meta").firstPage();
        for (Task t : page.items()) {
            assertNotNull(t.getId());
            assertNotNull(t.getStatus());
            assertEquals(null, t.getDisplayName());
            assertEquals(null, t.getMeta());
        }
        assertEquals(List.of("status"), stub.requests(Endpoint.LIST_TASKS).get(0).queryParams("attributes"));
    }

    @Test
    void forTimeReadsHistory(FlowsClient client) {
        Instant t0 = Instant.parse("2026-02-01T09:00:00Z");
        stub.clock().set(t0);
        String id = stub.addTask(new Task().displayName("Approve")).getId();
        stub.clock().advance(Duration.ofHours(2));
        client.tasks().complete(id, Map.of("approved", true));
        OffsetDateTime oneHourIn = t0.plus(Duration.ofHours(1)).atOffset(ZoneOffset.ofHours(2));
        Task then = client.tasks().list().forTime(oneHourIn).toList().get(0);
        assertEquals("pending", then.getStatus());
        assertEquals("completed", client.tasks().get(id).getStatus());
        assertEquals(0, client.tasks().list().forTime(t0.minusSeconds(1).atOffset(ZoneOffset.UTC)).count());
    }

    @Test
    void aSnapshotSeesTheListAsItWasOneSecondBeforeItStarted(FlowsClient client) {
        // the client's clock is the stub's: pinned to the last completed second before the iteration
        stub.clock().set(java.time.Instant.parse("2026-03-01T12:00:00Z"));
        stub.addTask(new Task().displayName("seeded at 12:00:00"));
        assertEquals(0, client.tasks().list().snapshot().toList().size(), "created in the current second: not yet");
        assertEquals("2026-03-01T11:59:59Z", stub.requests(Endpoint.LIST_TASKS).get(0).queryParam("forTime"));
        stub.clock().advance(java.time.Duration.ofSeconds(1));
        assertEquals(1, client.tasks().list().snapshot().toList().size(), "a second later it is");
        assertEquals(1, client.tasks().list().toList().size(), "without a snapshot it is visible at once");
    }

    @Test
    void createCompleteCancelWithChange(FlowsClient client) {
        Task created = client.tasks().create(new Task().displayName("Approve access").assigneeId("u1"),
                Change.reason("new hire").withCorrelation("/tickets/42"));
        assertEquals("pending", created.getStatus());
        assertEquals(1L, created.getMeta().getRevision());
        assertEquals("Task", created.getMeta().getResourceType());
        assertEquals(stub.baseUrl() + "/flows/tasks/" + created.getId(), created.getMeta().getLocation());
        Task done = client.tasks().complete(created.getId(), Map.of("approved", true, "n", 1),
                Change.reason("approved by manager"));
        assertEquals("completed", done.getStatus());
        assertNotNull(done.getEnded());
        assertEquals(2L, done.getMeta().getRevision());
        JsonObject stored = stub.taskJson(created.getId()).orElseThrow();
        assertEquals(com.google.gson.JsonParser.parseString("{\"approved\":true,\"n\":1}"), stored.get("variables"));
        List<ResourceVersion> history = stub.taskHistory(created.getId());
        assertEquals("/tickets/42", history.get(0).correlation());
        assertEquals("approved by manager", history.get(1).reason());
        assertThrows(BadRequestException.class, () -> client.tasks().cancel(created.getId()));
        assertThrows(BadRequestException.class, () -> client.tasks().complete(created.getId()));

        String other = stub.addTask(new Task().displayName("x")).getId();
        assertEquals("canceled", client.tasks().cancel(other).getStatus());
    }

    @Test
    void getFindAndOddIds(FlowsClient client) {
        for (String id : new String[] {"a/b", "a b", "a?b", "a#b", "a%2Fb", "../x"}) {
            stub.addTask(pendingTask(id, null));
            assertEquals(id, client.tasks().get(id).getId());
            assertEquals("completed", client.tasks().complete(id).getStatus());
        }
        assertThrows(NotFoundException.class, () -> client.tasks().get("missing"));
        assertTrue(client.tasks().find("missing").isEmpty());
        assertTrue(client.flows().find("missing").isEmpty());
        stub.addFlow(new FlowInstance().id("f/1").displayName("flow"));
        assertEquals("flow", client.flows().get("f/1").getDisplayName());
    }

    @Test
    void flowCancel200And207(FlowsClient client) {
        stub.addFlow(new FlowInstance().id("f1"));
        stub.addFlow(new FlowInstance().id("f2"));
        stub.addTask(pendingTask("t1", "f1"));
        stub.addTask(pendingTask("t2", "f2"));
        stub.addTask(pendingTask("t3", "f2"));
        FlowCancellation ok = client.flows().cancel("f1", Change.reason("superseded"));
        assertEquals(200, ok.statusCode());
        assertFalse(ok.isPartial());
        assertEquals(List.of("t1"), ok.taskIds());
        assertEquals("superseded", stub.flowHistory("f1").get(1).reason());

        stub.failJobCancellation("f2", "t3");
        FlowCancellation partial = client.flows().cancel("f2");
        assertEquals(207, partial.statusCode());
        assertTrue(partial.isPartial());
        assertEquals(List.of("t2"), partial.canceledJobs());
        assertEquals(List.of("t3"), partial.notCanceledJobs());
        assertEquals("canceled", partial.flowStatus());
        assertThrows(FlowsException.class, partial::orThrow);
        assertThrows(NotFoundException.class, () -> client.flows().cancel("nope"));
    }

    @Test
    void wrongTokenIs401() {
        FlowsClient wrong = stub.client(b -> b.bearerToken("not-the-token"));
        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> wrong.tasks().get("x"));
        assertEquals(401, e.statusCode());
        assertFalse(e.getMessage().contains("not-the-token"));
    }

    @Test
    void transientFaultsAreRetriedWithoutSleeping(FlowsClient client) {
        stub.addTask(pendingTask("t1", null));
        stub.inject(Endpoint.GET_TASK, Fault.status(503));
        stub.inject(Endpoint.GET_TASK, Fault.connectionReset());
        long start = System.nanoTime();
        assertEquals("t1", client.tasks().get("t1").getId());
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
        assertEquals(3, stub.requestCount(Endpoint.GET_TASK));

        stub.inject(Endpoint.GET_TASK, Fault.rateLimited(0)).times(2);
        assertEquals("t1", client.tasks().get("t1").getId());
        assertEquals(6, stub.requestCount(Endpoint.GET_TASK));
    }

    @Test
    void eachFaultTypeSurfacesAsTheRightException() {
        stub.addTask(pendingTask("t1", null));
        FlowsClient once = stub.client(b -> b.retryPolicy(RetryPolicy.none()).timeout(Duration.ofMillis(500)));
        Map<Fault, Class<? extends Throwable>> cases = new java.util.LinkedHashMap<>();
        cases.put(Fault.connectionReset(), FlowsTransportException.class);
        cases.put(Fault.emptyResponse(), FlowsTransportException.class);
        cases.put(Fault.malformedResponseChunk(), FlowsException.class);
        cases.put(Fault.randomDataThenClose(), FlowsException.class);
        cases.put(Fault.truncatedBody(), MalformedResponseException.class);
        cases.put(Fault.html(), MalformedResponseException.class);
        cases.put(Fault.status(500), ServerException.class);
        cases.put(Fault.delay(Duration.ofSeconds(2)), FlowsTransportException.class);
        for (Map.Entry<Fault, Class<? extends Throwable>> c : cases.entrySet()) {
            stub.inject(Endpoint.GET_TASK, c.getKey());
            assertThrows(c.getValue(), () -> once.tasks().get("t1"), c.getKey().toString());
            assertEquals("t1", once.tasks().get("t1").getId(), "normal again after " + c.getKey());
        }
    }

    @Test
    void faultOnTheThirdPage() {
        stub.seed(Seeds.realistic(1, 10, 9));
        FlowsClient once = stub.client(b -> b.retryPolicy(RetryPolicy.none()));
        FaultPlan plan = stub.inject(Endpoint.LIST_TASKS, Fault.status(502)).afterRequests(2).times(1);
        assertThrows(ServerException.class, () -> once.tasks().list().pageSize(3).toList());
        assertEquals(3, stub.requestCount(Endpoint.LIST_TASKS));
        assertEquals(7L, Long.parseLong(stub.requests(Endpoint.LIST_TASKS).get(2).queryParam("startIndex")));
        assertEquals(1, plan.appliedCount());
        assertEquals(10, once.tasks().list().pageSize(3).toList().size());
    }

    @Test
    void aLostAnswerToAPostIsNotRetriedButReconciledByReadingTheTask(FlowsClient client) {
        stub.addTask(pendingTask("t1", null));
        stub.inject(Endpoint.COMPLETE_TASK, Fault.connectionReset()).afterHandling();
        assertEquals("completed", client.tasks().complete("t1").getStatus());
        assertEquals(1, stub.requestCount(Endpoint.COMPLETE_TASK));
        assertEquals(1, stub.requestCount(Endpoint.GET_TASK));
        assertEquals("completed", stub.task("t1").orElseThrow().getStatus());
        stub.addTask(pendingTask("t2", null));
        stub.inject(Endpoint.COMPLETE_TASK, Fault.connectionReset()); // lost before the fake handled it
        assertThrows(FlowsTransportException.class, () -> client.tasks().complete("t2"));
        assertEquals(2, stub.requestCount(Endpoint.COMPLETE_TASK));
    }

    @Test
    void journalShowsTheWire(FlowsClient client) {
        stub.addTask(pendingTask("a/b", null));
        client.tasks().list().attributes("id", "status").pageSize(5).toList();
        client.tasks().complete("a/b", Map.of("k", "v"), Change.of("why", "/c/1"));
        RecordedRequest list = stub.requests(Endpoint.LIST_TASKS).get(0);
        assertEquals("GET", list.method());
        assertEquals("/api/v1/flows/tasks", list.path());
        assertEquals(List.of("id", "status"), list.queryParams("attributes"));
        assertEquals("5", list.queryParam("count"));
        assertEquals("Bearer " + stub.token(), list.header("AUTHORIZATION"));
        RecordedRequest complete = stub.requests(Endpoint.COMPLETE_TASK).get(0);
        assertEquals("/api/v1/flows/tasks/a%2Fb/.complete", complete.path());
        assertEquals("why", complete.queryParam("reason"));
        assertEquals("/c/1", complete.queryParam("correlation"));
        assertEquals("{\"variables\":{\"k\":\"v\"}}", complete.body().replace(" ", ""));
        assertEquals(2, stub.requests().size());
        assertTrue(Objects.requireNonNull(complete.toString()).contains("COMPLETE_TASK"));
        assertFalse(complete.toString().contains(stub.token()));
    }
}
