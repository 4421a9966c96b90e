package io.flowsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.flowsdk.testkit.ResourceVersion;
import io.flowsdk.testkit.StubClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceStoreTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final StubClock clock = new StubClock().set(T0);
    final ResourceStore store = new ResourceStore(clock, () -> "http://h/api/v1");

    static JsonObject o(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    static JsonObject taskOf(String id, String flowId) {
        return o("{'id':'" + id + "','flow':{'flowInstanceKey':'" + flowId + "'}}");
    }

    @Test
    void statusExplanationsAreObjectsAsThePlatformSendsThem() {
        JsonObject f = store.addFlow(o("{'id':'f1','StatusExplanations':[{'message':'Waiting'},{}]}"));
        assertEquals(o("{'message':'Waiting'}"), f.getAsJsonArray("StatusExplanations").get(0));
        store.addFlow(o("{'id':'f2','StatusExplanations':[]}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.addFlow(o("{'id':'f3','StatusExplanations':[{'message':'a'},'Waiting']}")));
        assertTrue(e.getMessage().contains("item 1 is \"Waiting\""), e.getMessage());
        assertTrue(e.getMessage().contains("{\"message\": "), "says what to send instead: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.addFlow(o("{'id':'f4','StatusExplanations':'Waiting'}")));
        assertFalse(store.flow("f3").isPresent(), "a refused flow is not stored");
    }

    @Test
    void seedingFillsServerFields() {
        JsonObject t = store.addTask(o("{'displayName':'x'}"));
        assertEquals(36, t.get("id").getAsString().length());
        assertEquals("pending", t.get("status").getAsString());
        JsonObject meta = t.getAsJsonObject("meta");
        assertEquals("2026-01-01T00:00:00Z", meta.get("created").getAsString());
        assertEquals("2026-01-01T00:00:00Z", meta.get("lastModified").getAsString());
        assertEquals(1, meta.get("revision").getAsInt());
        assertEquals("http://h/api/v1/flows/tasks/" + t.get("id").getAsString(), meta.get("location").getAsString());
        assertThrows(IllegalArgumentException.class, () -> store.addTask(o("{'id':'" + t.get("id").getAsString() + "'}")));
        JsonObject f = store.addFlow(o("{}"));
        assertEquals("running", f.get("status").getAsString());
        assertEquals("2026-01-01T00:00:00Z", f.get("startedAt").getAsString());
    }

    @Test
    void completeSetsStatusEndedVariablesAndRevision() {
        store.addTask(o("{'id':'t1','variables':{'keep':1,'over':1}}"));
        clock.advance(Duration.ofHours(1));
        JsonObject done = store.completeTask("t1", o("{'over':2,'approved':true}"), "ok", "/tickets/1");
        assertEquals("completed", done.get("status").getAsString());
        assertEquals("2026-01-01T01:00:00Z", done.get("ended").getAsString());
        assertEquals("{\"keep\":1,\"over\":2,\"approved\":true}", done.get("variables").toString());
        assertEquals(2, done.getAsJsonObject("meta").get("revision").getAsInt());
        assertEquals("2026-01-01T01:00:00Z", done.getAsJsonObject("meta").get("lastModified").getAsString());
        List<ResourceVersion> h = store.taskHistory("t1");
        assertEquals(List.of("seeded", "completed"), h.stream().map(ResourceVersion::change).toList());
        assertEquals("ok", h.get(1).reason());
        assertEquals("/tickets/1", h.get(1).correlation());
    }

    @Test
    void finishedTasksCannotBeCompletedOrCancelled() {
        store.addTask(o("{'id':'t1'}"));
        store.cancelTask("t1", null, null);
        assertEquals(400, assertThrows(ApiError.class, () -> store.completeTask("t1", null, null, null)).status());
        assertEquals(400, assertThrows(ApiError.class, () -> store.cancelTask("t1", null, null)).status());
        assertEquals(404, assertThrows(ApiError.class, () -> store.cancelTask("nope", null, null)).status());
        store.addTask(o("{'id':'t2','status':'COMPLETED'}"));
        assertEquals(400, assertThrows(ApiError.class, () -> store.cancelTask("t2", null, null)).status());
    }

    @Test
    void forTimeAnswersFromHistory() {
        store.addTask(o("{'id':'t1'}"));                       // 00:00
        clock.advance(Duration.ofHours(1));
        store.addTask(o("{'id':'t2'}"));                       // 01:00
        clock.advance(Duration.ofHours(1));
        store.completeTask("t1", null, null, null);            // 02:00

        assertEquals(List.of(), ids(store.tasks(T0.minusSeconds(1))));
        assertEquals(List.of("t1"), ids(store.tasks(T0)));
        List<JsonObject> at90 = store.tasks(T0.plus(Duration.ofMinutes(90)));
        assertEquals(List.of("t1", "t2"), ids(at90));
        assertEquals("pending", at90.get(0).get("status").getAsString());
        assertFalse(at90.get(0).has("ended"));
        assertEquals("completed", store.tasks(T0.plus(Duration.ofHours(2))).get(0).get("status").getAsString());
        assertEquals("completed", store.tasks(null).get(0).get("status").getAsString());
    }

    @Test
    void seededFinishedResourcesHaveAnOpenPast() {
        store.addTask(o("{'id':'t1','status':'completed','ended':'2026-01-01T05:00:00Z','meta':{'created':'2026-01-01T01:00:00Z'}}"));
        assertEquals("pending", store.tasks(Instant.parse("2026-01-01T02:00:00Z")).get(0).get("status").getAsString());
        assertEquals("completed", store.tasks(Instant.parse("2026-01-01T05:00:00Z")).get(0).get("status").getAsString());
        assertEquals(2, store.task("t1").orElseThrow().getAsJsonObject("meta").get("revision").getAsInt());
        store.addFlow(o("{'id':'f1','status':'canceled','startedAt':'2026-01-01T01:00:00Z','endedAt':'2026-01-01T03:00:00Z'}"));
        assertEquals("running", store.flows(Instant.parse("2026-01-01T02:00:00Z")).get(0).get("status").getAsString());
        assertEquals(List.of(), store.flows(Instant.parse("2026-01-01T00:30:00Z")));
    }

    @Test
    void flowCancelCancelsOpenTasksAnd200WhenAllJobsCancel() {
        store.addFlow(o("{'id':'f1'}"));
        store.addTask(taskOf("t1", "f1"));
        store.addTask(taskOf("t2", "f1"));
        store.addTask(taskOf("other", "f2"));
        JsonObject done = taskOf("t3", "f1");
        done.addProperty("status", "completed");
        store.addTask(done);
        store.addJob("f1", "job-mail");
        clock.advance(Duration.ofMinutes(1));
        ResourceStore.FlowCancelResult r = store.cancelFlow("f1", "superseded", null);
        assertEquals(200, r.status());
        assertEquals(List.of("t1", "t2", "job-mail"), r.canceledJobs());
        assertEquals(List.of(), r.notCanceledJobs());
        assertEquals(List.of("t1", "t2"), r.taskIds());
        assertEquals("canceled", r.flow().get("status").getAsString());
        assertEquals("2026-01-01T00:01:00Z", r.flow().get("endedAt").getAsString());
        assertEquals("canceled", store.task("t2").orElseThrow().get("status").getAsString());
        assertEquals("superseded", store.taskHistory("t2").get(1).reason());
        assertEquals("pending", store.task("other").orElseThrow().get("status").getAsString());
        assertEquals("completed", store.task("t3").orElseThrow().get("status").getAsString());
        assertEquals("superseded", store.flowHistory("f1").get(1).reason());
        assertEquals(400, assertThrows(ApiError.class, () -> store.cancelFlow("f1", null, null)).status());
        assertEquals(404, assertThrows(ApiError.class, () -> store.cancelFlow("nope", null, null)).status());
    }

    @Test
    void the207Rule() {
        store.addFlow(o("{'id':'f1'}"));
        store.addTask(taskOf("t1", "f1"));
        store.addTask(taskOf("t2", "f1"));
        store.failJobCancellation("f1", "t2");                 // a task job that fails: the task stays open
        store.failJobCancellation("f1", "job-provision");      // any other job id: registered and failing
        ResourceStore.FlowCancelResult r = store.cancelFlow("f1", null, null);
        assertEquals(207, r.status());
        assertEquals(List.of("t1"), r.canceledJobs());
        assertEquals(List.of("t2", "job-provision"), r.notCanceledJobs());
        assertEquals(List.of("t1"), r.taskIds());
        assertEquals("pending", store.task("t2").orElseThrow().get("status").getAsString());
        assertEquals("canceled", r.flow().get("status").getAsString(), "the flow itself is cancelled");
    }

    @Test
    void readsAreCopies() {
        store.addTask(o("{'id':'t1'}"));
        store.task("t1").orElseThrow().addProperty("status", "hacked");
        store.tasks(null).get(0).addProperty("status", "hacked");
        store.taskHistory("t1").get(0).state().addProperty("status", "hacked");
        assertEquals("pending", store.task("t1").orElseThrow().get("status").getAsString());
        assertEquals("pending", store.taskHistory("t1").get(0).state().get("status").getAsString());
        store.clear();
        assertTrue(store.tasks(null).isEmpty());
    }

    static List<String> ids(List<JsonObject> l) {
        return l.stream().map(x -> x.get("id").getAsString()).toList();
    }
}
