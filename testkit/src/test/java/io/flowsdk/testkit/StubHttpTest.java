package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stub over raw HTTP (java.net.http), so the wire is exactly what the test sends. */
class StubHttpTest {
    static FlowsStub stub;

    @BeforeAll
    static void start() {
        stub = new FlowsStub();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void reset() {
        stub.reset();
    }

    static JsonObject task(String id, String status) {
        JsonObject t = new JsonObject();
        t.addProperty("id", id);
        t.addProperty("status", status);
        t.addProperty("displayName", "Task " + id);
        return t;
    }

    @Test
    void baseUrlIsLoopbackWithApiRoot() {
        assertTrue(stub.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/api/v1"), stub.baseUrl());
        assertEquals(FlowsStub.DEFAULT_TOKEN, stub.token());
    }

    @Test
    void percentEncodedIdsAreDecoded() throws Exception {
        stub.addTask(task("a/b", "pending"));
        stub.addTask(task("a b", "pending"));
        stub.addTask(task("a?b#c", "pending"));
        assertEquals("a/b", Http.get(stub, "/flows/tasks/a%2Fb").json().getAsJsonObject().get("id").getAsString());
        assertEquals("a b", Http.get(stub, "/flows/tasks/a%20b").json().getAsJsonObject().get("id").getAsString());
        assertEquals("a?b#c", Http.get(stub, "/flows/tasks/a%3Fb%23c").json().getAsJsonObject().get("id").getAsString());
        Http.Answer done = Http.post(stub, "/flows/tasks/a%2Fb/.complete", "{\"variables\":{}}");
        assertEquals(200, done.status());
        assertEquals("completed", stub.task("a/b").orElseThrow().getStatus());
        assertEquals("/api/v1/flows/tasks/a%2Fb/.complete", stub.requests(Endpoint.COMPLETE_TASK).get(0).path());
    }

    @Test
    void missingOrWrongTokenIs401WithErrorBody() throws Exception {
        stub.addTask(task("t1", "pending"));
        for (String token : new String[] {null, "wrong"}) {
            Http.Answer a = Http.send(stub, "GET", "/flows/tasks/t1", null, token);
            assertEquals(401, a.status());
            JsonObject body = a.json().getAsJsonObject();
            assertEquals(401, body.get("code").getAsInt());
            assertEquals("Unauthorized", body.get("status").getAsString());
            assertTrue(body.get("message").getAsString().startsWith("Unauthorized: "));
        }
        assertEquals(2, stub.requestCount(Endpoint.GET_TASK));
    }

    @Test
    void unknownPathsAnd405() throws Exception {
        assertEquals(404, Http.get(stub, "/flows").status());
        assertEquals(404, Http.get(stub, "/nope").status());
        assertEquals(405, Http.post(stub, "/flows/", "{}").status());
        assertEquals(405, Http.get(stub, "/flows/tasks/x/.complete").status());
        assertNull(stub.requests().get(0).endpoint());
    }

    @Test
    void listWithPagingOverHttp() throws Exception {
        for (int i = 1; i <= 7; i++) {
            stub.addTask(task("t" + i, "pending"));
        }
        JsonObject page = Http.get(stub, "/flows/tasks?startIndex=3&count=2").json().getAsJsonObject();
        assertEquals(7, page.get("totalResults").getAsInt());
        assertEquals(3, page.get("startIndex").getAsInt());
        assertEquals(2, page.get("itemsPerPage").getAsInt());
        assertEquals("t3", page.getAsJsonArray("Resources").get(0).getAsJsonObject().get("id").getAsString());
        JsonObject projected = Http.get(stub, "/flows/tasks?count=1&attributes=id&attributes=status").json().getAsJsonObject();
        JsonObject first = projected.getAsJsonArray("Resources").get(0).getAsJsonObject();
        assertEquals(List.of("id", "status"), List.copyOf(first.keySet()));
        RecordedRequest r = stub.requests(Endpoint.LIST_TASKS).get(1);
        assertEquals(List.of("id", "status"), r.queryParams("attributes"));
        assertEquals("Bearer " + stub.token(), r.header("authorization"));
    }

    @Test
    void forTimeWithOffsetMustBeEncoded() throws Exception {
        stub.clock().set(Instant.parse("2026-01-01T00:00:00Z"));
        stub.addTask(task("t1", "pending"));
        assertEquals(1, Http.get(stub, "/flows/tasks?forTime=2026-01-01T02%3A00%3A00%2B02%3A00").json()
                .getAsJsonObject().get("totalResults").getAsInt());
        assertEquals(400, Http.get(stub, "/flows/tasks?forTime=2026-01-01T02:00:00+02:00").status(),
                "an unencoded + is a space, as on a real server");
    }

    @Test
    void createCompleteAndCancel() throws Exception {
        stub.clock().set(Instant.parse("2026-03-01T10:00:00Z"));
        Http.Answer created = Http.post(stub, "/flows/tasks?reason=new&correlation=%2Ftickets%2F1",
                "{\"displayName\":\"Approve\",\"id\":\"ignored\"}");
        assertEquals(200, created.status());
        JsonObject t = created.json().getAsJsonObject();
        String id = t.get("id").getAsString();
        assertFalse(id.equals("ignored"));
        assertEquals("pending", t.get("status").getAsString());
        JsonObject meta = t.getAsJsonObject("meta");
        assertEquals(1, meta.get("revision").getAsInt());
        assertEquals("Task", meta.get("resourceType").getAsString());
        assertEquals("2026-03-01T10:00:00Z", meta.get("created").getAsString());
        assertEquals(stub.baseUrl() + "/flows/tasks/" + id, meta.get("location").getAsString());
        assertEquals("/tickets/1", stub.taskHistory(id).get(0).correlation());

        stub.clock().advance(Duration.ofMinutes(5));
        Http.Answer cancelled = Http.post(stub, "/flows/tasks/" + id + "/.cancel?reason=dup", "{}");
        assertEquals(200, cancelled.status());
        JsonObject c = cancelled.json().getAsJsonObject();
        assertEquals("canceled", c.get("status").getAsString());
        assertEquals("2026-03-01T10:05:00Z", c.get("ended").getAsString());
        assertEquals(2, c.getAsJsonObject("meta").get("revision").getAsInt());
        assertEquals("dup", stub.taskHistory(id).get(1).reason());

        Http.Answer again = Http.post(stub, "/flows/tasks/" + id + "/.complete", "{\"variables\":{}}");
        assertEquals(400, again.status());
        assertEquals(400, again.json().getAsJsonObject().get("code").getAsInt());
        assertEquals(400, Http.post(stub, "/flows/tasks", "[1,2]").status());
        assertEquals(404, Http.get(stub, "/flows/tasks/missing").status());
        assertEquals(404, Http.get(stub, "/flows/missing").status());
        assertEquals(404, Http.post(stub, "/flows/missing/.cancel", "{}").status());
    }

    @Test
    void flowCancelAnswers207WhenAJobFails() throws Exception {
        JsonObject flow = new JsonObject();
        flow.addProperty("id", "f1");
        stub.addFlow(flow);
        for (String id : new String[] {"t1", "t2"}) {
            JsonObject t = task(id, "pending");
            JsonObject ref = new JsonObject();
            ref.addProperty("flowInstanceKey", "f1");
            t.add("flow", ref);
            stub.addTask(t);
        }
        stub.failJobCancellation("f1", "job-provision-2");
        Http.Answer a = Http.post(stub, "/flows/f1/.cancel", "{}");
        assertEquals(207, a.status());
        JsonObject body = a.json().getAsJsonObject();
        assertEquals("f1", body.get("flowId").getAsString());
        assertEquals("canceled", body.get("flowStatus").getAsString());
        assertEquals("[\"t1\",\"t2\"]", body.get("canceledJobs").toString());
        assertEquals("[\"job-provision-2\"]", body.get("notCanceledJobs").toString());
        assertEquals("[\"t1\",\"t2\"]", body.get("taskIds").toString());
        assertEquals("canceled", stub.task("t2").orElseThrow().getStatus());
        assertNotNull(stub.flow("f1").orElseThrow().getEndedAt());
    }

    @Test
    void faultsOverHttp() throws Exception {
        stub.addTask(task("t1", "pending"));
        stub.inject(Endpoint.GET_TASK, Fault.status(503));
        stub.inject(Endpoint.GET_TASK, Fault.rateLimited(7));
        stub.inject(Endpoint.GET_TASK, Fault.html());
        Http.Answer a = Http.get(stub, "/flows/tasks/t1");
        assertEquals(503, a.status());
        assertEquals(503, a.json().getAsJsonObject().get("code").getAsInt());
        Http.Answer b = Http.get(stub, "/flows/tasks/t1");
        assertEquals(429, b.status());
        assertEquals("7", b.header("Retry-After"));
        Http.Answer c = Http.get(stub, "/flows/tasks/t1");
        assertEquals(200, c.status());
        assertTrue(c.header("Content-Type").startsWith("text/html"));
        assertEquals(200, Http.get(stub, "/flows/tasks/t1").status());

        stub.inject(Endpoint.GET_TASK, Fault.connectionReset());
        assertThrows(IOException.class, () -> Http.get(stub, "/flows/tasks/t1"));
        stub.inject(Endpoint.GET_TASK, Fault.emptyResponse());
        assertThrows(IOException.class, () -> Http.get(stub, "/flows/tasks/t1"));
        stub.inject(Endpoint.GET_TASK, Fault.truncatedBody());
        Http.Answer t = Http.get(stub, "/flows/tasks/t1");
        assertEquals(200, t.status());
        assertTrue(t.body().startsWith("{\"id\":\"t1\""), t.body());
        assertThrows(RuntimeException.class, () -> t.json());
        assertEquals(7, stub.requestCount(Endpoint.GET_TASK));
    }

    @Test
    void faultsShortCircuitUnlessAfterHandling() throws Exception {
        stub.addTask(task("t1", "pending"));
        stub.addTask(task("t2", "pending"));
        stub.inject(Endpoint.COMPLETE_TASK, Fault.status(500));
        assertEquals(500, Http.post(stub, "/flows/tasks/t1/.complete", "{}").status());
        assertEquals("pending", stub.task("t1").orElseThrow().getStatus());
        stub.inject(Endpoint.COMPLETE_TASK, Fault.connectionReset()).afterHandling();
        assertThrows(IOException.class, () -> Http.post(stub, "/flows/tasks/t2/.complete", "{}"));
        assertEquals("completed", stub.task("t2").orElseThrow().getStatus());
    }

    @Test
    void delayFault() throws Exception {
        stub.addTask(task("t1", "pending"));
        stub.inject(Endpoint.GET_TASK, Fault.delay(Duration.ofMillis(400)));
        long start = System.nanoTime();
        assertEquals(200, Http.get(stub, "/flows/tasks/t1").status());
        assertTrue(System.nanoTime() - start >= 350_000_000L);
    }

    @Test
    void wireMockVerifyWorks() throws Exception {
        Http.get(stub, "/flows/tasks?count=0");
        stub.wireMock().verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/flows/tasks")));
    }
}
