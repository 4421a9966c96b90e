package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void deterministicAndVaried() {
        SeedData a = Seeds.realistic(30, 4, 42);
        assertEquals(a.toString(), Seeds.realistic(30, 4, 42).toString());
        assertEquals(a.tasks().toString(), Seeds.realistic(30, 4, 42).tasks().toString());
        assertNotEquals(a.tasks().toString(), Seeds.realistic(30, 4, 43).tasks().toString());
        assertEquals(30, a.flows().size());
        assertEquals(120, a.tasks().size());
        Set<String> statuses = a.tasks().stream().map(t -> t.get("status").getAsString()).collect(Collectors.toSet());
        assertEquals(Set.of("pending", "completed", "canceled"), statuses);
        assertTrue(a.tasks().stream().anyMatch(t -> !t.has("due")));
        assertTrue(a.tasks().stream().anyMatch(t -> !t.has("assigneeId")));
        assertTrue(a.tasks().stream().map(t -> t.get("assigneeId")).filter(x -> x != null).distinct().count() > 3);
        for (JsonObject f : a.flows()) {
            JsonObject explanation = f.getAsJsonArray("StatusExplanations").get(0).getAsJsonObject();
            assertFalse(explanation.get("message").getAsString().isBlank(), "an object with a message, as the platform sends");
        }
        Set<String> flowIds = a.flows().stream().map(f -> f.get("id").getAsString()).collect(Collectors.toSet());
        for (JsonObject t : a.tasks()) {
            assertTrue(flowIds.contains(t.getAsJsonObject("flow").get("flowInstanceKey").getAsString()));
            boolean open = t.get("status").getAsString().equals("pending");
            assertEquals(!open, t.has("ended"));
        }
    }

    @Test
    void seedingKeepsTheDataAndAnOpenPast() {
        try (FlowsStub stub = new FlowsStub()) {
            SeedData d = Seeds.realistic(5, 3, 1);
            stub.seed(d);
            assertEquals(15, stub.tasks().size());
            JsonObject done = stub.tasksJson().stream().filter(t -> !t.get("status").getAsString().equals("pending"))
                    .findFirst().orElseThrow();
            assertEquals(2, stub.taskHistory(done.get("id").getAsString()).size());
            assertEquals("pending", stub.taskHistory(done.get("id").getAsString()).get(0).state().get("status").getAsString());
        }
    }
}
