package io.flowsdk.micrometer;

import io.flowsdk.client.FlowCancellation;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.Fault;
import io.flowsdk.testkit.FlowsStub;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every meter against the testkit's stub, read from a {@link SimpleMeterRegistry}. */
class FlowsMetricsTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final FlowsStub stub = new FlowsStub();
    private final List<String> ids = new ArrayList<>();

    {
        stub.clock().set(java.time.Instant.parse("2026-01-01T00:00:00Z")); // frozen: retry waits move it, no sleep
    }

    @AfterEach
    void close() {
        stub.close();
    }

    private FlowsClient client() {
        return stub.client(b -> b.listener(FlowsMetrics.bind(registry)));
    }

    private String addTask(String name) {
        String id = stub.addTask(new Task().displayName(name).assigneeId("u1")).getId();
        ids.add(id);
        return id;
    }

    private Timer requests(String operation, String method, String status, String outcome) {
        return registry.find(FlowsMetrics.REQUESTS).tags("operation", operation, "method", method, "status", status,
                "outcome", outcome).timer();
    }

    private Timer attempts(String operation, String status, String outcome) {
        return registry.find(FlowsMetrics.ATTEMPTS).tags("operation", operation, "status", status, "outcome", outcome)
                .timer();
    }

    private double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    /** No tag value is an id, whatever was called. */
    private void assertNoIdInTags() {
        Set<String> values = new TreeSet<>();
        for (Meter m : registry.getMeters()) {
            for (Tag t : m.getId().getTags()) {
                values.add(t.getValue());
            }
        }
        for (String id : ids) {
            assertFalse(values.contains(id), "an id as a tag value: " + values);
        }
        assertTrue(values.stream().noneMatch(v -> v.contains("/") && !v.contains("{") && v.length() > 9),
                "a path that is not a template: " + values);
    }

    @Test
    void callsAreTimedByOperationMethodStatusAndOutcome() {
        String id = addTask("Approve access");
        FlowsClient c = client();
        c.tasks().get(id);
        c.tasks().get(id);
        c.tasks().complete(id, java.util.Map.of("approved", true));
        assertThrows(NotFoundException.class, () -> c.tasks().get("no-such-task"));

        assertEquals(2, requests("tasks.get", "GET", "200", "SUCCESS").count());
        assertEquals(1, requests("tasks.complete", "POST", "200", "SUCCESS").count());
        assertEquals(1, requests("tasks.get", "GET", "404", "CLIENT_ERROR").count());
        assertEquals(2, attempts("tasks.get", "200", "SUCCESS").count());
        assertTrue(requests("tasks.get", "GET", "200", "SUCCESS").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)
                > 0);
        assertNull(registry.find(FlowsMetrics.RETRIES).counter(), "no retry, no retry counter");
        assertNoIdInTags();
    }

    @Test
    void rateLimitingAndRetriesAreCounted() {
        String id = addTask("Approve access");
        stub.inject(Endpoint.GET_TASK, Fault.rateLimited(1));
        stub.inject(Endpoint.GET_TASK, Fault.status(503));
        client().tasks().get(id);

        assertEquals(1, requests("tasks.get", "GET", "200", "SUCCESS").count(), "one call");
        assertEquals(1, attempts("tasks.get", "429", "RATE_LIMITED").count());
        assertEquals(1, attempts("tasks.get", "503", "SERVER_ERROR").count());
        assertEquals(1, attempts("tasks.get", "200", "SUCCESS").count());
        assertEquals(1, count(FlowsMetrics.RATE_LIMITED, "operation", "tasks.get"));
        assertEquals(1, count(FlowsMetrics.RETRIES, "operation", "tasks.get", "reason", "RATE_LIMITED"));
        assertEquals(1, count(FlowsMetrics.RETRIES, "operation", "tasks.get", "reason", "SERVER_ERROR"));
    }

    @Test
    void aCallWithoutAnswerHasStatusNone() {
        String id = addTask("Approve access");
        stub.inject(Endpoint.CANCEL_TASK, Fault.connectionReset());
        assertThrows(RuntimeException.class, () -> client().tasks().cancel(id));
        assertEquals(1, requests("tasks.cancel", "POST", "NONE", "IO_ERROR").count());
    }

    @Test
    void iterationsCountPagesAndItems() {
        for (int i = 0; i < 25; i++) {
            addTask("Task " + i);
        }
        List<Task> all = client().tasks().list().pageSize(10).toList();
        assertEquals(25, all.size());

        assertEquals(3, count(FlowsMetrics.PAGES, "operation", "tasks.list"));
        assertEquals(3, requests("tasks.list", "GET", "200", "SUCCESS").count());
        Timer iterations = registry.find(FlowsMetrics.ITERATIONS).tags("operation", "tasks.list", "outcome", "SUCCESS")
                .timer();
        assertNotNull(iterations);
        assertEquals(1, iterations.count());
        DistributionSummary items = registry.find(FlowsMetrics.ITERATION_ITEMS)
                .tags("operation", "tasks.list", "outcome", "SUCCESS").summary();
        assertEquals(1, items.count());
        assertEquals(25, items.totalAmount());
        assertEquals("items", items.getId().getBaseUnit());
        assertNoIdInTags();
    }

    @Test
    void tokenRequestsAreCountedByReasonAndOutcome() {
        String id = addTask("Approve access");
        FlowsClient c = stub.clientWithCredentials(b -> b.listener(FlowsMetrics.bind(registry)));
        c.tasks().get(id);
        c.tasks().get(id);
        assertEquals(1, count(FlowsMetrics.TOKEN_REFRESHES, "reason", "INITIAL", "outcome", "SUCCESS"));
        assertEquals(1, requests("oauth2.token", "POST", "200", "SUCCESS").count(), "the token request is a call");

        stub.revokeTokens();
        c.tasks().get(id);
        assertEquals(1, count(FlowsMetrics.TOKEN_REFRESHES, "reason", "REJECTED", "outcome", "SUCCESS"));
        assertEquals(1, count(FlowsMetrics.RETRIES, "operation", "tasks.get", "reason", "UNAUTHORIZED"));

        FlowsClient wrong = stub.clientWithCredentials(ClientCredentials.builder().clientId(FlowsStub.DEFAULT_CLIENT_ID)
                .clientSecret("wrong").build(), b -> b.listener(FlowsMetrics.bind(registry)));
        assertThrows(AuthenticationException.class, () -> wrong.tasks().get(id));
        assertEquals(1, count(FlowsMetrics.TOKEN_REFRESHES, "reason", "INITIAL", "outcome", "FAILURE"));
        assertEquals(1, requests("tasks.get", "GET", "NONE", "AUTHENTICATION_ERROR").count());
    }

    @Test
    void partialResultsAreCounted() {
        FlowInstance flow = stub.addFlow(new FlowInstance().displayName("Onboarding"));
        stub.addJob(flow.getId(), "job-mail");
        stub.failJobCancellation(flow.getId(), "job-provisioning");
        FlowCancellation c = client().flows().cancel(flow.getId());
        assertTrue(c.isPartial());
        assertEquals(1, count(FlowsMetrics.PARTIAL_RESULTS, "operation", "flows.cancel"));
        assertEquals(1, requests("flows.cancel", "POST", "207", "SUCCESS").count());
        ids.add(flow.getId());
        assertNoIdInTags();
    }

    @Test
    void commonTagsGoOnEveryMeter() {
        String id = addTask("Approve access");
        stub.client(b -> b.listener(FlowsMetrics.bind(registry, Tags.of("client", "approvals")))).tasks().get(id);
        List<Meter> meters = registry.getMeters();
        assertFalse(meters.isEmpty());
        assertTrue(meters.stream().allMatch(m -> "approvals".equals(m.getId().getTag("client"))),
                meters.stream().map(m -> m.getId().toString()).collect(Collectors.joining("\n")));
    }

    @Test
    void theMetersHaveDescriptionsAndTimersMeasureTime() {
        String id = addTask("Approve access");
        client().tasks().get(id);
        Timer t = requests("tasks.get", "GET", "200", "SUCCESS");
        assertNotNull(t.getId().getDescription());
        assertTrue(t.max(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
        assertTrue(Duration.ofNanos((long) t.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                .compareTo(Duration.ofSeconds(10)) < 0);
    }
}
