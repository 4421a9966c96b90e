package io.flowsdk.testkit.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.FlowsStub;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check behind {@link SchemaConformanceExtension}: it accepts what the platform sends and rejects the rest. */
class PlatformSchemaTest {
    private static final String JSON = "application/json";
    private final PlatformSchema schema = PlatformSchema.shared();

    @Test
    void statusExplanationsItemsMustBeObjectsAsOnThePlatform() {
        assertEquals(List.of(), schema.check(Endpoint.GET_FLOW, 200, JSON,
                "{\"id\":\"f1\",\"StatusExplanations\":[{\"message\":\"Waiting for approval\"},{}]}"));
        List<String> problems = schema.check(Endpoint.GET_FLOW, 200, JSON,
                "{\"id\":\"f1\",\"StatusExplanations\":[\"Waiting for approval\"]}");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("/StatusExplanations/0"), problems.toString());
        assertTrue(problems.get(0).contains("object"), problems.toString());
        assertEquals(1, schema.check(Endpoint.LIST_FLOWS, 200, JSON,
                "{\"Resources\":[{\"id\":\"f1\",\"StatusExplanations\":[42]}],\"totalResults\":1}").size());
    }

    @Test
    void typesAndFormatsOfTheDeclaredSchemaAreEnforced() {
        assertEquals(List.of(), schema.check(Endpoint.GET_TASK, 200, JSON,
                "{\"id\":\"t1\",\"due\":\"2026-01-01T00:00:00Z\",\"groupsIds\":[\"g\"],\"meta\":{\"revision\":2},\"variables\":[1,\"x\"]}"));
        assertEquals(1, schema.check(Endpoint.GET_TASK, 200, JSON, "{\"due\":\"tomorrow\"}").size(), "date-time");
        assertEquals(1, schema.check(Endpoint.GET_TASK, 200, JSON, "{\"groupsIds\":\"g\"}").size(), "array of strings");
        assertEquals(1, schema.check(Endpoint.GET_TASK, 200, JSON, "{\"meta\":{\"revision\":\"2\"}}").size(), "integer");
        assertEquals(1, schema.check(Endpoint.GET_TASK, 200, JSON, "{\"assigneeId\":null}").size(), "no null without nullable");
        assertEquals(1, schema.check(Endpoint.LIST_TASKS, 200, JSON, "{\"itemsPerPage\":1.5}").size(), "int32");
    }

    @Test
    void theStatusMustBeDeclaredForTheOperation() {
        String cancel = "{\"flowId\":\"f\",\"flowStatus\":\"canceled\",\"canceledJobs\":[],\"notCanceledJobs\":[\"j\"],\"taskIds\":[]}";
        assertEquals(List.of(), schema.check(Endpoint.CANCEL_FLOW, 207, JSON, cancel));
        assertEquals(1, schema.check(Endpoint.CANCEL_FLOW, 207, JSON, "{\"notCanceledJobs\":[1]}").size());
        assertEquals(1, schema.check(Endpoint.GET_TASK, 207, JSON, "{}").size(), "207 is for flow cancels only");
        assertEquals(1, schema.check(Endpoint.LIST_TASKS, 404, JSON, "{\"code\":404}").size(), "lists declare no 404");
        assertEquals(1, schema.check(null, 200, JSON, "{}").size(), "no operation, no success");
    }

    @Test
    void errorBodiesAreTheApisAndTheBodyIsJson() {
        assertEquals(List.of(), schema.check(Endpoint.GET_TASK, 404, JSON,
                "{\"code\":404,\"message\":\"Not Found: task x does not exist\",\"status\":\"Not Found\"}"));
        assertEquals(List.of(), schema.check(null, 405, JSON, "{\"code\":\"405\",\"message\":\"m\",\"status\":\"s\"}"));
        assertEquals(1, schema.check(Endpoint.GET_TASK, 401, JSON, "{\"message\":7}").size());
        assertEquals(1, schema.check(Endpoint.GET_TASK, 200, "text/html", "{}").size(), "content type");
        assertEquals(1, schema.check(Endpoint.GET_TASK, 200, JSON, "<html>").size(), "not JSON");
        assertEquals(1, schema.check(Endpoint.GET_TASK, 200, JSON, "").size(), "empty");
    }

    @Test
    void everyAnswerOfTheSuitesStubsIsChecked() {
        long before = AnswerLog.checkedCount();
        try (FlowsStub stub = new FlowsStub()) {
            String id = stub.addTask(new Task().displayName("Approve")).getId();
            stub.client().tasks().get(id);
            stub.client().tasks().complete(id);
        }
        assertEquals(before + 2, AnswerLog.checkedCount(), "the listener is registered (META-INF/services)");
    }
}
