package io.flowsdk.examples;

import io.flowsdk.client.Change;
import io.flowsdk.client.FlowCancellation;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Page;
import io.flowsdk.client.Query;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.SortOrder;
import io.flowsdk.client.auth.ClientAuthMethod;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.PartialFailureException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.filter.FilterParseException;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.model.TaskAttributes;
import io.flowsdk.client.model.TaskFlowReference;
import io.flowsdk.client.model.TaskStatus;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.Fault;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.FlowsStubExtension;
import io.flowsdk.testkit.ResourceVersion;
import io.flowsdk.testkit.Seeds;
import io.flowsdk.testkit.WithClientCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snippets of the user guide in {@code docs/} (concepts, paging, filters, errors and retries,
 * authentication, configuration, testing) and the README's first section, written as there and
 * run against the testkit's stub: a renamed or retyped method breaks this file's compilation, and
 * a claim the guide makes about a result is asserted here.
 */
@ExtendWith(FlowsStubExtension.class)
class DocsSnippetsTest {

    @Test
    void readmeConnectToYourTenant(FlowsStub stub) {
        stub.registerClient("approvals-bot", "s3cret");
        String clientId = "approvals-bot";
        String clientSecret = "s3cret";
        try (FlowsClient client = FlowsClient.builder()
                .baseUrl(stub.baseUrl())
                .clientCredentials(clientId, clientSecret)
                .build()) {
            client.tasks().list().count();
            client.flows().list().count();
        }
        assertEquals(1, stub.requestCount(Endpoint.TOKEN));
    }

    @Test
    void conceptsQueryAndPage(FlowsStub stub, FlowsClient client) {
        stub.seed(Seeds.realistic(3, 40, 42));
        Query<Task> pending = client.tasks().list()
                .filter(Filter.eq(TaskAttributes.STATUS, TaskStatus.PENDING))
                .sortBy(TaskAttributes.DUE, SortOrder.ASCENDING)
                .attributes("id", "displayName", "due")
                .pageSize(200);
        int seen = 0;
        for (Task t : pending) {
            assertEquals(null, t.getStatus(), "only the attributes asked for (and id) come back");
            seen++;
        }
        long viaStream;
        try (Stream<Task> s = pending.stream()) {
            viaStream = s.count();
        }
        long viaPages = 0;
        for (Page<Task> p : pending.pages()) {
            viaPages += p.items().size();
        }
        Page<Task> first = pending.firstPage();
        long n = pending.count();
        List<Task> all = pending.limit(500).toList();
        assertEquals(n, seen);
        assertEquals(n, viaStream);
        assertEquals(n, viaPages);
        assertEquals(n, all.size());
        assertEquals(n, first.totalResults());
        assertTrue(first.totalKnown() && first.total().isPresent() && first.startIndex() == 1);

        Task task = client.tasks().get(all.get(0).getId());
        TaskStatus s = TaskStatus.of(task);
        assertTrue(TaskStatus.PENDING.equals(s));
        assertFalse(TaskStatus.fromString("escalated").isKnown());
        assertEquals("meta.lastModified", TaskAttributes.META_LAST_MODIFIED);

        Task done = client.tasks().complete(task.getId(), Map.of("approved", true),
                Change.reason("approved by manager").withCorrelation("/tickets/42"));
        assertEquals("completed", done.getStatus());
        List<ResourceVersion> history = stub.taskHistory(task.getId());
        assertEquals("approved by manager", history.get(history.size() - 1).reason());
        assertEquals("/tickets/42", history.get(history.size() - 1).correlation());
        assertThrows(IllegalArgumentException.class, () -> client.tasks().get(".."));
    }

    @Test
    void pagingModes(FlowsStub stub, FlowsClient client) {
        for (int i = 0; i < 250; i++) {
            stub.addTask(new Task().displayName("t" + i).status("pending"));
        }
        assertEquals(20, client.tasks().list().startIndex(101).limit(20).toList().size());
        long parallel;
        try (Stream<Task> s = client.tasks().list().pageSize(20).parallelism(8).stream()) {
            parallel = s.count();
        }
        assertEquals(250, parallel);

        // the loop that changes what it iterates
        int completed = 0;
        for (Task t : client.tasks().list().filter(Filter.eq("status", "pending")).pageSize(50).keyset()) {
            client.tasks().complete(t.getId(), Map.of("approved", true));
            completed++;
        }
        assertEquals(250, completed);
        assertEquals(0, client.tasks().list().filter(Filter.eq("status", "pending")).count());

        assertThrows(IllegalStateException.class, () -> client.tasks().list().keyset().sortBy("due"));
        assertThrows(IllegalStateException.class, () -> client.tasks().list().sortBy("due").keyset());
        assertThrows(IllegalArgumentException.class, () -> client.tasks().list().pageSize(1001));
        assertEquals(250, client.tasks().list().snapshot().count());
        assertEquals(0, client.tasks().list()
                .forTime(OffsetDateTime.parse("2000-01-01T00:00:00Z")).count());
    }

    @Test
    void filters() {
        Filter f = Filter.eq(TaskAttributes.STATUS, TaskStatus.PENDING)
                .and(Filter.or(Filter.sw("displayName", "Approve"), Filter.co("description", "access")))
                .and(Filter.not(Filter.pr("ended")));
        assertEquals("status eq \"pending\" and (displayName sw \"Approve\" or description co \"access\") "
                + "and not (ended pr)", f.toString());
        assertEquals("due gt \"2026-01-01T00:00:00Z\"",
                Filter.gt("due", OffsetDateTime.parse("2026-01-01T00:00Z")).toString());
        assertEquals("emails[type eq \"work\"]", Filter.valuePath("emails", Filter.eq("type", "work")).toString());
        assertEquals("displayName eq \"say \\\"hi\\\"\"", Filter.eq("displayName", "say \"hi\"").toString());
        assertTrue(Filter.parse("status EQ \"pending\"").equals(Filter.eq("status", "pending")));
        assertEquals(f, Filter.parse(f.toString()));
        Filter.parse("userName sw \"J\" and not (title pr)");
        Filter g = Filter.eq(TaskAttributes.STATUS, TaskStatus.PENDING)
                .and(Filter.gt(TaskAttributes.META_LAST_MODIFIED, Instant.parse("2026-01-01T00:00:00Z")))
                .and(Filter.eq(TaskAttributes.FLOW_FLOW_INSTANCE_KEY, "flow-1"));
        assertEquals("status eq \"pending\" and meta.lastModified gt \"2026-01-01T00:00:00Z\" "
                + "and flow.flowInstanceKey eq \"flow-1\"", g.toString());
        FilterParseException e = assertThrows(FilterParseException.class, () -> Filter.parse("status \"pending\""));
        assertTrue(e instanceof IllegalArgumentException && e.position() == 7, e.getMessage());
        assertTrue(e.getMessage().endsWith("at position 7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Filter.eq("1status", "x"));
        assertTrue(Filter.eq("status", "pending").matches(new Task().status("PENDING")));
    }

    @Test
    void errorsAndRetries(FlowsStub stub, FlowsClient client) {
        String taskId = stub.addTask(new Task().status("pending")).getId();
        try {
            client.tasks().get("no-such-task");
        } catch (NotFoundException e) {
            assertEquals(404, e.statusCode());
            assertFalse(e.isRetryable());
            assertTrue(e.getMessage().startsWith("GET /api/v1/flows/tasks/no-such-task -> 404"), e.getMessage());
            assertTrue(e.responseHeaders().keySet().stream().allMatch(h -> h.equals(h.toLowerCase())));
        }
        assertEquals(Optional.empty(), client.tasks().find("no-such-task"));

        FlowsClient noRetry = stub.client(b -> b.retryPolicy(RetryPolicy.none()));
        stub.inject(Endpoint.GET_TASK, Fault.status(503));
        FlowsApiException e503 = assertThrows(FlowsApiException.class, () -> noRetry.tasks().get(taskId));
        assertTrue(e503.isRetryable(), "a 503 on a GET may succeed later");
        stub.inject(Endpoint.COMPLETE_TASK, Fault.status(503));
        FlowsException post503 = assertThrows(FlowsException.class, () -> client.tasks().complete(taskId));
        assertFalse(post503.isRetryable(), "a 503 on a POST is never sent again");
        assertEquals(1, stub.requestCount(Endpoint.COMPLETE_TASK));

        RetryPolicy defaults = RetryPolicy.defaults();
        assertEquals(3, defaults.maxAttempts());
        assertEquals(Duration.ofMillis(100), defaults.initialBackoff());
        assertEquals(Duration.ofSeconds(2), defaults.maxBackoff());
        assertEquals(Duration.ofSeconds(60), defaults.maxRetryAfter());
        RetryPolicy p = RetryPolicy.builder()
                .maxAttempts(5)
                .initialBackoff(Duration.ofMillis(200))
                .maxBackoff(Duration.ofSeconds(5))
                .maxRetryAfter(Duration.ofSeconds(30))
                .build();
        assertEquals(1, RetryPolicy.none().maxAttempts());
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder()
                .initialBackoff(Duration.ofSeconds(3)).maxBackoff(Duration.ofSeconds(2)).build());

        FlowsClient patient = stub.client(b -> b.retryPolicy(p));
        stub.inject(Endpoint.GET_TASK, Fault.rateLimited(120));
        int before = stub.requestCount(Endpoint.GET_TASK);
        RateLimitedException tooLong = assertThrows(RateLimitedException.class, () -> patient.tasks().get(taskId));
        assertEquals(Optional.of(Duration.ofSeconds(120)), tooLong.retryAfter());
        assertEquals(before + 1, stub.requestCount(Endpoint.GET_TASK), "fails at once, without a retry");

        FlowInstance flow = stub.addFlow(new FlowInstance().status("running"));
        stub.failJobCancellation(flow.getId(), "job-provisioning");
        FlowCancellation c = client.flows().cancel(flow.getId());
        assertEquals(207, c.statusCode());
        assertTrue(c.isPartial());
        assertEquals(List.of("job-provisioning"), c.notCanceledJobs());
        assertThrows(PartialFailureException.class, c::orThrow);

        FlowsClient closed = stub.client(b -> {});
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.tasks().get(taskId));
    }

    @Test
    void virtualTimeHonoursRetryAfterWithoutSleeping(FlowsStub stub, FlowsClient client) {
        String id = stub.addTask(new Task().status("pending")).getId();
        stub.clock().set(Instant.parse("2026-01-01T00:00:00Z"));
        stub.inject(Endpoint.GET_TASK, Fault.rateLimited(30));
        client.tasks().get(id);
        assertEquals(Instant.parse("2026-01-01T00:00:30Z"), stub.clock().instant());
    }

    @Test
    void authenticationSettings(FlowsStub stub) {
        stub.registerClient("approvals-bot", "s3cret", "read", "write");
        ClientCredentials credentials = ClientCredentials.builder()
                .clientId("approvals-bot")
                .clientSecret("s3cret")
                .scopes("read", "write")
                .tokenUrl(stub.tokenUrl())
                .authMethod(ClientAuthMethod.CLIENT_SECRET_POST)
                .refreshBefore(Duration.ofMinutes(2))
                .build();
        assertEquals(Duration.ofSeconds(60), ClientCredentials.DEFAULT_REFRESH_BEFORE);
        assertTrue(credentials.toString().contains("clientSecret=\u2588\u2588"));
        assertFalse(credentials.toString().contains("s3cret"));
        try (FlowsClient client = FlowsClient.builder().baseUrl(stub.baseUrl()).credentials(credentials).build()) {
            client.tasks().list().count();
            assertFalse(client.toString().contains("s3cret"));
        }
        assertTrue(stub.requests(Endpoint.TOKEN).get(0).body().contains("client_secret=s3cret"),
                "client_secret_post sends the secret in the form body");

        try (FlowsClient wrong = FlowsClient.builder().baseUrl(stub.baseUrl())
                .clientCredentials("approvals-bot", "not-the-secret").build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.tasks().get("t"));
            assertEquals("invalid_client", e.error());
            assertEquals(401, e.statusCode());
            assertFalse(e.getMessage().contains("not-the-secret"));
        }

        assertThrows(IllegalStateException.class, () -> FlowsClient.builder().baseUrl("https://acme.example.com/api/v1")
                .bearerToken("t").clientCredentials("id", "secret").build());
        assertThrows(IllegalStateException.class, () -> FlowsClient.builder()
                .baseUrl("https://acme.example.com/api/v1").build());
        assertThrows(IllegalArgumentException.class, () -> FlowsClient.builder().baseUrl("http://acme.example.com/api/v1")
                .bearerToken("t").build());
        assertThrows(IllegalArgumentException.class, () -> FlowsClient.builder().bearerToken("has space"));
        assertThrows(IllegalArgumentException.class, () -> FlowsClient.builder().timeout(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> FlowsClient.builder().baseUrl(null));
        FlowsClient.builder().baseUrl("https://acme.example.com/api/v1").noAuthentication().build().close();
    }

    @Test
    void testingGuideTokens(FlowsStub stub, @WithClientCredentials FlowsClient shared) {
        FlowsClient client = stub.clientWithCredentials(b -> {});
        client.tasks().list().count();
        client.flows().list().count();
        assertEquals(1, stub.requestCount(Endpoint.TOKEN));
        stub.revokeTokens();
        client.tasks().list().count();
        assertEquals(2, stub.requestCount(Endpoint.TOKEN));
        shared.tasks().list().count();
    }

    @Test
    void testingGuideSeeding(FlowsStub stub, FlowsClient client) {
        Task task = stub.addTask(new Task().displayName("Review").status("pending").assigneeId("u-1"));
        FlowInstance flow = stub.addFlow(new FlowInstance().status("running"));
        stub.addTask(new Task().displayName("Step 1").flow(new TaskFlowReference().flowInstanceKey(flow.getId())));
        stub.seed(Seeds.realistic(20, 5, 42));
        assertEquals("pending", stub.task(task.getId()).orElseThrow().getStatus());
        assertEquals(1, client.tasks().list().filter(Filter.eq("flow.flowInstanceKey", flow.getId())).count());
        client.tasks().list().filter("status eq \"pending\"").firstPage();
        assertEquals("status eq \"pending\"", stub.requests(Endpoint.LIST_TASKS).get(1).queryParam("filter"));
        assertEquals(21, stub.flows().size());
    }
}
