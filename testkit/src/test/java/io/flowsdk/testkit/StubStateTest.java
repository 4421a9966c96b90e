package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stub's state for assertions: typed models read as a client reads them, and the JSON as stored. */
@ExtendWith(FlowsStubExtension.class)
class StubStateTest {

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void aTaskReadsExactlyAsTheClientReadsIt(FlowsStub stub, FlowsClient client) {
        stub.addTask(json("{\"id\":\"t1\",\"due\":\"2026-03-01T10:00:00Z\",\"extra\":{\"a\":1},"
                + "\"variables\":{\"priority\":1,\"big\":12345678901234567890,\"ratio\":0.5}}"));

        Task task = stub.task("t1").orElseThrow();

        assertEquals(client.tasks().get("t1"), task, "what a client reads from the same task");
        assertEquals("pending", task.getStatus());
        assertEquals(OffsetDateTime.parse("2026-03-01T10:00:00Z"), task.getDue());
        assertEquals(1L, task.getMeta().getRevision());
        // the client's codec: exact numbers (the generated models' own Gson would give doubles)
        assertEquals(Map.of("priority", 1L, "big", new BigInteger("12345678901234567890"), "ratio", 0.5), task.getVariables());
        assertEquals(Map.of("a", 1L), task.getAdditionalProperty("extra"), "unknown fields are kept");
    }

    @Test
    void aFlowReadsWithItsStatusExplanationObjects(FlowsStub stub, FlowsClient client) {
        stub.addFlow(json("{\"id\":\"f1\",\"StatusExplanations\":[{\"message\":\"Waiting for approval\"}]}"));

        FlowInstance flow = stub.flow("f1").orElseThrow();

        assertEquals(client.flows().get("f1"), flow);
        assertEquals("running", flow.getStatus());
        assertEquals(List.of(Map.of("message", "Waiting for approval")), flow.getStatusExplanations());
    }

    @Test
    void theListsAreInInsertionOrderLikeTheirJsonForms(FlowsStub stub, FlowsClient client) {
        stub.seed(Seeds.realistic(3, 2, 17));

        List<Task> tasks = stub.tasks();
        List<FlowInstance> flows = stub.flows();

        assertEquals(6, tasks.size());
        assertEquals(3, flows.size());
        assertEquals(stub.tasksJson().stream().map(t -> t.get("id").getAsString()).toList(),
                tasks.stream().map(Task::getId).toList());
        assertEquals(stub.flowsJson().stream().map(f -> f.get("id").getAsString()).toList(),
                flows.stream().map(FlowInstance::getId).toList());
        assertEquals(client.tasks().list().toList(), tasks);
        assertEquals(client.flows().list().toList(), flows);
    }

    @Test
    void unknownIdsAreEmptyInBothForms(FlowsStub stub) {
        assertTrue(stub.task("nope").isEmpty());
        assertTrue(stub.taskJson("nope").isEmpty());
        assertTrue(stub.flow("nope").isEmpty());
        assertTrue(stub.flowJson("nope").isEmpty());
        assertEquals(List.of(), stub.tasks());
        assertEquals(List.of(), stub.flows());
    }

    @Test
    void theModelsAreCopies(FlowsStub stub) {
        stub.addTask(new Task().id("t1").displayName("Approve"));
        stub.task("t1").orElseThrow().setStatus("completed");
        stub.tasks().get(0).setDisplayName("changed");
        assertEquals("pending", stub.task("t1").orElseThrow().getStatus());
        assertEquals("Approve", stub.taskJson("t1").orElseThrow().get("displayName").getAsString());
    }

    @Test
    void aTaskSeededAsJsonThatNoClientCouldReadSaysSo(FlowsStub stub) {
        stub.addTask(json("{\"id\":\"bad\",\"due\":\"next tuesday\"}"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> stub.task("bad"));

        assertTrue(e.getMessage().contains("\"bad\""), e.getMessage());
        assertTrue(e.getMessage().contains("next tuesday"), "says what did not read: " + e.getMessage());
        assertEquals("next tuesday", stub.taskJson("bad").orElseThrow().get("due").getAsString(), "the JSON form still works");
        assertThrows(IllegalStateException.class, stub::tasks);
    }
}
