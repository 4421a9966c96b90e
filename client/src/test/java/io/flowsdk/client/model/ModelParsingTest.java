package io.flowsdk.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;

/**
 * Realistic answers of the 8 operations (src/test/resources/examples) parsed into the generated
 * models with a Gson configured like the SDK's.
 */
class ModelParsingTest {

    /** The SDK's own JSON configuration, exactly as a FlowsClient uses it. */
    private final Gson gson = new io.flowsdk.client.internal.JsonCodec().gson();

    // ---- flow instances ----------------------------------------------------------------------

    @Test
    void listFlowInstances() {
        FlowInstancesList page = parse("list-flow-instances.json", FlowInstancesList.class);

        assertEquals(3, page.getItemsPerPage());
        assertEquals(1L, page.getStartIndex());
        assertEquals(57L, page.getTotalResults());
        assertEquals(3, page.getResources().size());

        FlowInstance first = page.getResources().get(0);
        assertEquals("6f1c2a9e-51c4-4d8e-9a57-1d2e3f4a5b6c", first.getId());
        assertEquals("Access request - Alice Smith", first.getDisplayName());
        assertEquals("running", first.getStatus());
        assertEquals(OffsetDateTime.parse("2025-11-02T09:15:30.120Z"), first.getStartedAt());
        assertNull(first.getEndedAt());
        assertEquals(new FlowReference().displayName("Access request approval").externalId("access-request")
                .id("0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f").version(2L), first.getFlow());
        // StatusExplanations: a string and an object in the same list
        assertEquals("Waiting for manager approval", first.getStatusExplanations().get(0));
        Map<String, Object> explanation = asMap(first.getStatusExplanations().get(1));
        assertEquals("managerApproval", explanation.get("step"));
        assertEquals(1L, explanation.get("attempt"));
        assertEquals("2025-11-02T09:15:31.004Z", explanation.get("since"), "untyped date-times stay strings");
        Map<String, Object> vars = asMap(first.getVariables());
        assertEquals(List.of("payroll-viewer", "payroll-approver"), vars.get("requestedRoles"));
        assertEquals(Map.of("required", 1L, "received", 0L), vars.get("approvals"));
        assertEquals(12345678901234567L, vars.get("ticketNumber"));
        assertEquals(false, vars.get("urgent"));
        assertTrue(vars.containsKey("costCenter") && vars.get("costCenter") == null, "explicit null kept");

        FlowInstance second = page.getResources().get(1);
        assertEquals("completed", second.getStatus());
        assertEquals(OffsetDateTime.of(2025, 10, 31, 18, 42, 7, 5_000_000, ZoneOffset.ofHours(2)), second.getEndedAt());
        assertEquals(ZoneOffset.ofHours(2), second.getStartedAt().getOffset(), "the offset is kept");
        assertEquals(List.of(), second.getStatusExplanations());
        assertEquals(5L, second.getFlow().getVersion());
        assertEquals(42L, asMap(second.getVariables()).get("reviewedAccounts"));
        assertEquals(0.875, asMap(second.getVariables()).get("score"));

        FlowInstance third = page.getResources().get(2);
        assertEquals(Instant.parse("2025-11-03T18:59:12.450Z"), third.getStartedAt().toInstant());
        assertEquals(Instant.parse("2025-11-03T14:05:00Z"), third.getEndedAt().toInstant());
        Map<String, Object> failure = asMap(third.getStatusExplanations().get(0));
        assertEquals("JOB_FAILED", failure.get("code"));
        assertEquals(Map.of("target", "SAP", "httpStatus", 503L), failure.get("details"));
        assertEquals("legacy-free-text-variables", third.getVariables(), "variables may be any JSON, a string too");
    }

    @Test
    void getFlowInstance() {
        FlowInstance flow = parse("get-flow-instance.json", FlowInstance.class);

        assertEquals("6f1c2a9e-51c4-4d8e-9a57-1d2e3f4a5b6c", flow.getId());
        assertEquals("Access request for Alice Smith to the Payroll application", flow.getDescription());
        assertEquals(OffsetDateTime.of(2025, 11, 2, 11, 15, 30, 120_000_000, ZoneOffset.ofHours(2)), flow.getStartedAt());
        assertEquals(Instant.parse("2025-11-02T09:15:30.120Z"), flow.getStartedAt().toInstant());
        assertNull(flow.getEndedAt(), "endedAt: null");
        assertEquals("access-request", flow.getFlow().getExternalId());
        assertEquals(2L, flow.getFlow().getVersion());

        assertEquals("Waiting for manager approval", flow.getStatusExplanations().get(0));
        Map<String, Object> explanation = asMap(flow.getStatusExplanations().get(1));
        assertEquals(List.of("2025-11-03T09:00:00.000Z"), explanation.get("reminders"));

        Map<String, Object> vars = asMap(flow.getVariables());
        assertEquals(Long.valueOf(1), vars.get("count"), "1 reads back as Long 1, not Double 1.0");
        assertInstanceOf(Long.class, vars.get("count"));
        assertEquals(12345678901234567L, vars.get("ticketNumber"), "every digit kept");
        assertEquals(0.5, vars.get("ratio"));
        assertEquals(true, vars.get("approved"));
        List<?> roles = (List<?>) vars.get("requestedRoles");
        assertEquals("payroll-viewer", roles.get(0));
        assertEquals(Map.of("role", "payroll-approver", "validDays", 90L), roles.get(1));
        Map<String, Object> manager = asMap(vars.get("manager"));
        assertEquals("Maria Garcia", manager.get("name"));
        assertEquals(List.of(1L, 2L, 3L), manager.get("levels"));
    }

    @Test
    void cancelFlowAllJobsCanceled() {
        FlowCancel cancel = parse("cancel-flow-200.json", FlowCancel.class);

        assertEquals("6f1c2a9e-51c4-4d8e-9a57-1d2e3f4a5b6c", cancel.getFlowId());
        assertEquals("canceled", cancel.getFlowStatus());
        assertEquals(List.of("job-approval-1", "job-notify-3"), cancel.getCanceledJobs());
        assertEquals(List.of(), cancel.getNotCanceledJobs());
        assertEquals(List.of("2b7d9c40-8f1e-4a3b-b6c5-0d9e8f7a6b5c"), cancel.getTaskIds());
    }

    @Test
    void cancelFlowMultiStatus() {
        FlowCancel cancel = parse("cancel-flow-207.json", FlowCancel.class);

        assertEquals("9b8a7c6d-5e4f-4031-a2b1-c0d9e8f7a6b5", cancel.getFlowId());
        assertEquals(List.of("job-approval-1"), cancel.getCanceledJobs());
        assertEquals(List.of("job-provision-2", "job-provision-4"), cancel.getNotCanceledJobs());
        assertEquals(2, cancel.getTaskIds().size());
    }

    // ---- tasks -------------------------------------------------------------------------------

    @Test
    void listTasks() {
        TasksList page = parse("list-tasks.json", TasksList.class);

        assertEquals(3, page.getItemsPerPage());
        assertEquals(4L, page.getStartIndex());
        assertEquals(12L, page.getTotalResults());
        assertEquals(3, page.getResources().size());

        Task first = page.getResources().get(0);
        assertEquals("2b7d9c40-8f1e-4a3b-b6c5-0d9e8f7a6b5c", first.getId());
        assertEquals("pending", first.getStatus());
        assertEquals(OffsetDateTime.parse("2025-12-01T17:00:00Z"), first.getDue());
        assertNull(first.getEnded());
        assertEquals(new TaskFlowReference().flowExternalId("access-request")
                .flowInstanceKey("6f1c2a9e-51c4-4d8e-9a57-1d2e3f4a5b6c").flowKey("accessRequestApproval"), first.getFlow());
        assertEquals(1L, first.getMeta().getRevision());
        assertEquals(Map.of("requestedRole", "payroll-viewer", "approved", false), first.getVariables());

        Task second = page.getResources().get(1);
        assertEquals(List.of("finance-managers", "auditors"), second.getGroupsIds());
        assertEquals(List.of(), second.getUsersIds());
        assertEquals(OffsetDateTime.of(2025, 11, 10, 16, 20, 45, 318_000_000, ZoneOffset.ofHours(1)), second.getEnded());
        assertEquals(Instant.parse("2025-10-01T06:00:02.771Z"), second.getMeta().getCreated().toInstant());
        assertEquals(7L, second.getMeta().getRevision());
        List<?> decisions = (List<?>) asMap(second.getVariables()).get("decisions");
        assertEquals(Map.of("account", "bob.jones", "keep", false), decisions.get(0));

        Task third = page.getResources().get(2);
        assertEquals("canceled", third.getStatus());
        assertNull(third.getAssigneeId(), "absent fields are null");
        assertEquals(List.of(), third.getUsersIds(), "a missing list reads as an empty list");
        assertNull(third.getVariables());
        assertNull(third.getMeta().getAppId());
        assertEquals(ZoneOffset.ofHours(-5), third.getMeta().getCreated().getOffset());
    }

    @Test
    void getTask() {
        Task task = parse("get-task.json", Task.class);

        assertEquals("2b7d9c40-8f1e-4a3b-b6c5-0d9e8f7a6b5c", task.getId());
        assertEquals("Approve access to Payroll", task.getDisplayName());
        assertEquals("Alice Smith requests access to the Payroll application.", task.getDescription());
        assertEquals("8d0e4c55-2f4b-4e61-9a0b-5c7d6e8f9a01", task.getAssigneeId());
        assertEquals("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", task.getOwnerId());
        assertEquals("ticket-4711", task.getExternalId());
        assertEquals("approval-form", task.getFormId());
        assertEquals(List.of("payroll-approvers", "hr-admins"), task.getGroupsIds());
        assertEquals(List.of("8d0e4c55-2f4b-4e61-9a0b-5c7d6e8f9a01", "7c6b5a49-3827-4160-9f8e-7d6c5b4a3928"),
                task.getUsersIds());
        assertEquals(OffsetDateTime.of(2025, 12, 1, 18, 0, 0, 0, ZoneOffset.ofHours(1)), task.getDue());
        assertEquals("accessRequestApproval", task.getFlow().getFlowKey());

        Meta meta = task.getMeta();
        assertEquals(Long.valueOf(2), meta.getRevision());
        assertEquals(OffsetDateTime.of(2025, 11, 2, 11, 15, 31, 4_000_000, ZoneOffset.ofHours(2)), meta.getCreated());
        assertEquals(Instant.parse("2025-11-02T09:15:31.004Z"), meta.getCreated().toInstant());
        assertEquals(Instant.parse("2025-11-03T14:02:11.870Z"), meta.getLastModified().toInstant());
        assertEquals("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7", meta.getAppId());
        assertEquals("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", meta.getCommitId());
        assertEquals("https://acme.example.com/api/v1/flows/tasks/2b7d9c40-8f1e-4a3b-b6c5-0d9e8f7a6b5c", meta.getLocation());
        assertEquals("6f1c2a9e-51c4-4d8e-9a57-1d2e3f4a5b6c", meta.getRefersToId());
        assertEquals("Task", meta.getResourceType());
        assertEquals("acme", meta.getTenantId());

        Map<String, Object> vars = asMap(task.getVariables());
        assertEquals(90L, vars.get("validDays"));
        assertEquals(12345678901234567L, vars.get("ticketNumber"));
        List<?> history = (List<?>) vars.get("history");
        assertEquals("requested", asMap(history.get(0)).get("action"));
        assertNull(task.getAdditionalProperties(), "no unknown fields, no additional properties");
    }

    @Test
    void createTask() {
        Task task = parse("create-task.json", Task.class);

        assertEquals("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", task.getId());
        assertEquals("pending", task.getStatus());
        assertNull(task.getFlow(), "a task created outside a flow has no flow");
        assertEquals(OffsetDateTime.of(2025, 12, 5, 12, 0, 0, 0, ZoneOffset.ofHours(2)), task.getDue());
        assertEquals(1L, task.getMeta().getRevision());
        assertEquals(task.getMeta().getCreated(), task.getMeta().getLastModified());
        assertEquals(Instant.parse("2025-11-20T08:30:00.250Z"), task.getMeta().getCreated().toInstant());
        assertEquals(Map.of("exportFormat", "csv", "rows", 1L), task.getVariables());
    }

    @Test
    void completeTask() {
        Task task = parse("complete-task.json", Task.class);

        assertEquals("completed", task.getStatus());
        assertEquals(Instant.parse("2025-11-03T14:02:11.870Z"), task.getEnded().toInstant());
        assertEquals(task.getEnded().toInstant(), task.getMeta().getLastModified().toInstant());
        assertEquals(3L, task.getMeta().getRevision());
        assertEquals(Map.of("requestedRole", "payroll-viewer", "approved", true, "comment", "Fine for one quarter"),
                task.getVariables());
    }

    @Test
    void cancelTask() {
        Task task = parse("cancel-task.json", Task.class);

        assertEquals("canceled", task.getStatus());
        assertEquals("4c5d6e7f-8091-4a2b-8c3d-4e5f60718293", task.getId());
        assertEquals(OffsetDateTime.of(2025, 11, 4, 9, 0, 0, 0, ZoneOffset.ofHours(-5)), task.getDue());
        assertEquals(Instant.parse("2025-11-03T14:05:00Z"), task.getEnded().toInstant());
        assertEquals(4L, task.getMeta().getRevision());
        assertEquals("joinerOnboarding", task.getFlow().getFlowKey());
        assertEquals(List.of(), task.getUsersIds());
        assertNull(task.getVariables(), "variables: null");
    }

    // ---- robustness --------------------------------------------------------------------------

    @Test
    void unknownFieldsAreKeptNotRejected() {
        String json = """
                {
                  "id": "2b7d9c40-8f1e-4a3b-b6c5-0d9e8f7a6b5c",
                  "displayName": "Approve access to Payroll",
                  "priority": "high",
                  "escalationLevel": 2,
                  "labels": ["payroll", "sox"],
                  "sla": {"hours": 48, "breached": false},
                  "meta": {
                    "revision": 5,
                    "created": "2025-11-02T09:15:31.004Z",
                    "version": "W/\\"5\\"",
                    "shard": 7
                  },
                  "flow": {"flowKey": "accessRequestApproval", "flowVersion": 3}
                }
                """;
        Task task = gson.fromJson(json, Task.class);

        assertEquals("Approve access to Payroll", task.getDisplayName());
        assertEquals("high", task.getAdditionalProperty("priority"));
        assertEquals(2, ((Number) task.getAdditionalProperty("escalationLevel")).intValue());
        assertEquals(List.of("payroll", "sox"), task.getAdditionalProperty("labels"));
        assertEquals(Map.of("hours", 48L, "breached", false), task.getAdditionalProperty("sla"));
        assertEquals(4, task.getAdditionalProperties().size());

        Meta meta = task.getMeta();
        assertEquals(5L, meta.getRevision());
        assertEquals(Instant.parse("2025-11-02T09:15:31.004Z"), meta.getCreated().toInstant());
        assertEquals("W/\"5\"", meta.getAdditionalProperty("version"));
        assertEquals(7L, ((Number) meta.getAdditionalProperty("shard")).longValue());
        assertEquals(3L, ((Number) task.getFlow().getAdditionalProperty("flowVersion")).longValue());

        // and they survive a round trip
        Task again = gson.fromJson(gson.toJson(task), Task.class);
        assertEquals("high", again.getAdditionalProperty("priority"));
        assertEquals("W/\"5\"", again.getMeta().getAdditionalProperty("version"));
    }

    @Test
    void unknownFieldsOfEveryListAndCancelModelAreKept() {
        FlowInstancesList page = gson.fromJson("""
                {"Resources": [{"id": "6f1c2a9e-51c4-4d8e-9a57-1d2e3f4a5b6c", "priority": 1,
                  "flow": {"id": "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "owner": "iam-team"}}],
                 "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 1}
                """, FlowInstancesList.class);
        assertEquals(List.of("urn:ietf:params:scim:api:messages:2.0:ListResponse"), page.getAdditionalProperty("schemas"));
        assertEquals("iam-team", page.getResources().get(0).getFlow().getAdditionalProperty("owner"));

        FlowCancel cancel = gson.fromJson("""
                {"flowId": "6f1c2a9e-51c4-4d8e-9a57-1d2e3f4a5b6c", "canceledAt": "2025-11-03T14:05:00Z"}
                """, FlowCancel.class);
        assertEquals("2025-11-03T14:05:00Z", cancel.getAdditionalProperty("canceledAt"));
    }

    @Test
    void errorBodyCodeMayBeNumberOrString() {
        ErrorResponse numeric = gson.fromJson("""
                {"code": 400, "message": "Bad Request: invalid filter", "status": "Bad Request"}
                """, ErrorResponse.class);
        assertEquals(400L, numeric.getCode());
        assertEquals("Bad Request: invalid filter", numeric.getMessage());
        assertEquals("Bad Request", numeric.getStatus());

        ErrorResponse symbolic = gson.fromJson("""
                {"code": "E_TASK_NOT_FOUND", "message": "Not Found: task 2b7d9c40 does not exist", "status": "Not Found"}
                """, ErrorResponse.class);
        assertEquals("E_TASK_NOT_FOUND", symbolic.getCode());
    }

    // ---- serialization -----------------------------------------------------------------------

    @Test
    void taskWithOnlyDisplayNameSerializesToJustThatField() {
        Task task = new Task().displayName("Approve access to Payroll");

        assertEquals("{\"displayName\":\"Approve access to Payroll\"}", gson.toJson(task));
    }

    @Test
    void completeTaskRequestSerializesVariablesOnly() {
        CompleteTaskRequest request = new CompleteTaskRequest()
                .putVariablesItem("approved", true)
                .putVariablesItem("validDays", 90L);

        assertEquals("{\"variables\":{\"approved\":true,\"validDays\":90}}", gson.toJson(request));
        assertEquals("{}", gson.toJson(new CompleteTaskRequest()));
    }

    @Test
    void dateTimesSerializeWithTheirOffset() {
        Task task = new Task().due(OffsetDateTime.of(2025, 12, 1, 18, 0, 0, 120_000_000, ZoneOffset.ofHours(1)));

        assertEquals("{\"due\":\"2025-12-01T18:00:00.12+01:00\"}", gson.toJson(task));
        assertEquals(task.getDue(), gson.fromJson(gson.toJson(task), Task.class).getDue());
    }

    // ---- helpers -----------------------------------------------------------------------------

    private <T> T parse(String example, Class<T> type) {
        T value = gson.fromJson(resource("examples/" + example), type);
        assertEquals(type, Objects.requireNonNull(value, example).getClass());
        return value;
    }

    private static String resource(String name) {
        try (InputStream in = ModelParsingTest.class.getClassLoader().getResourceAsStream(name)) {
            Objects.requireNonNull(in, name + " not on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) assertInstanceOf(Map.class, value);
    }
}
