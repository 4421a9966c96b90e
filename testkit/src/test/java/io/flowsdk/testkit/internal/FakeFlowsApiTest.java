package io.flowsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.StubClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fake API without HTTP: requests in, responses out. */
class FakeFlowsApiTest {
    final StubClock clock = new StubClock().set(Instant.parse("2026-01-01T00:00:00Z"));
    final ResourceStore store = new ResourceStore(clock, () -> "http://h/api/v1");
    /** A stand-in filter language for these tests: "attr eq value", "attr gt value" (throws on booleans). */
    final FilterSupport filters = text -> {
        String[] p = text.split(" ");
        if (p.length != 3) {
            throw new IllegalArgumentException("expected 3 tokens at position 0");
        }
        return (Predicate<JsonObject>) o -> {
            String v = Json.string(o, p[0]);
            if (p[1].equals("gt")) {
                if (o.has(p[0]) && o.get(p[0]).getAsJsonPrimitive().isBoolean()) {
                    throw new IllegalArgumentException("gt is not defined for booleans");
                }
                return v != null && v.compareTo(p[2]) > 0;
            }
            return p[2].equals(v);
        };
    };
    final FakeFlowsApi api = new FakeFlowsApi(store, filters, () -> "tok");

    ApiResponse get(String url) {
        return api.handle(ApiRequest.of("GET", url, Map.of("Authorization", List.of("Bearer tok")), ""));
    }

    ApiResponse post(String url, String body) {
        return api.handle(ApiRequest.of("POST", url, Map.of("authorization", List.of("bearer tok")), body));
    }

    void seed(int n) {
        for (int i = 1; i <= n; i++) {
            JsonObject t = new JsonObject();
            t.addProperty("id", "t" + i);
            t.addProperty("status", i % 2 == 0 ? "completed" : "pending");
            t.addProperty("flag", i == 3);
            store.addTask(t);
        }
    }

    @Test
    void listResponseShape() {
        seed(5);
        JsonObject body = get("/api/v1/flows/tasks?startIndex=2&count=2").json().getAsJsonObject();
        assertEquals(List.of("Resources", "itemsPerPage", "startIndex", "totalResults"), List.copyOf(body.keySet()));
        assertEquals(2, body.get("itemsPerPage").getAsInt());
        assertEquals(2, body.get("startIndex").getAsInt());
        assertEquals(5, body.get("totalResults").getAsInt());
    }

    @Test
    void countZeroGivesOnlyTheTotal() {
        seed(5);
        JsonObject body = get("/api/v1/flows/tasks?count=0").json().getAsJsonObject();
        assertEquals(0, body.getAsJsonArray("Resources").size());
        assertEquals(0, body.get("itemsPerPage").getAsInt());
        assertEquals(5, body.get("totalResults").getAsInt());
        assertEquals(0, get("/api/v1/flows/tasks?count=-4").json().getAsJsonObject().getAsJsonArray("Resources").size());
        assertEquals(1, get("/api/v1/flows/tasks?startIndex=-4&count=1").json().getAsJsonObject().get("startIndex").getAsInt());
        JsonObject beyond = get("/api/v1/flows/tasks?startIndex=99").json().getAsJsonObject();
        assertEquals(0, beyond.getAsJsonArray("Resources").size());
        assertEquals(5, beyond.get("totalResults").getAsInt());
    }

    @Test
    void maxPageSizeCapsCount() {
        seed(5);
        api.maxPageSize(2);
        JsonObject body = get("/api/v1/flows/tasks?count=100").json().getAsJsonObject();
        assertEquals(2, body.get("itemsPerPage").getAsInt());
        assertEquals(5, body.get("totalResults").getAsInt());
    }

    @Test
    void filterSortProjectTogether() {
        seed(6);
        JsonObject body = get("/api/v1/flows/tasks?filter=status%20eq%20pending&sortBy=id&sortOrder=descending"
                + "&attributes=status&count=2").json().getAsJsonObject();
        assertEquals(3, body.get("totalResults").getAsInt());
        JsonArray r = body.getAsJsonArray("Resources");
        assertEquals("{\"id\":\"t5\",\"status\":\"pending\"}", r.get(0).toString());
        assertEquals("{\"id\":\"t3\",\"status\":\"pending\"}", r.get(1).toString());
    }

    @ParameterizedTest
    @CsvSource({"status%20eq", "flag%20gt%20x"})
    void badFiltersAre400WithErrorBody(String filter) {
        seed(3);
        ApiResponse r = get("/api/v1/flows/tasks?filter=" + filter);
        assertEquals(400, r.status());
        JsonObject e = r.json().getAsJsonObject();
        assertEquals(400, e.get("code").getAsInt());
        assertEquals("Bad Request", e.get("status").getAsString());
        assertTrue(e.get("message").getAsString().startsWith("Bad Request: invalid filter: "), e.toString());
    }

    @Test
    void authIsCheckedFirst() {
        ApiResponse r = api.handle(ApiRequest.of("GET", "/api/v1/nope", Map.of(), ""));
        assertEquals(401, r.status());
        assertEquals("Bearer", r.headers().get("WWW-Authenticate"));
        assertEquals(401, api.handle(ApiRequest.of("GET", "/api/v1/flows/", Map.of("Authorization", List.of("Basic tok")), "")).status());
        assertEquals(401, api.handle(ApiRequest.of("GET", "/api/v1/flows/", Map.of("Authorization", List.of("Bearer tok2")), "")).status());
        assertEquals(200, get("/api/v1/flows/").status());
    }

    @Test
    void createNeedsAnObjectAndIgnoresServerFields() {
        assertEquals(400, post("/api/v1/flows/tasks", "").status());
        assertEquals(400, post("/api/v1/flows/tasks", "\"x\"").status());
        assertEquals(400, post("/api/v1/flows/tasks", "{broken").status());
        JsonObject t = post("/api/v1/flows/tasks", "{\"id\":\"mine\",\"status\":\"pending\",\"meta\":{\"revision\":9}}")
                .json().getAsJsonObject();
        assertEquals(1, t.getAsJsonObject("meta").get("revision").getAsInt());
        assertEquals(1, store.tasks(null).size());
    }

    @Test
    void completeAcceptsAnEmptyBodyButNotANonObject() {
        seed(1);
        assertEquals(400, post("/api/v1/flows/tasks/t1/.complete", "[]").status());
        assertEquals(200, post("/api/v1/flows/tasks/t1/.complete", "").status());
    }

    @ParameterizedTest
    @CsvSource({
        "GET,  /api/v1/flows/,                     LIST_FLOWS,    ''",
        "GET,  /api/v1/flows/f1,                   GET_FLOW,      f1",
        "POST, /api/v1/flows/f%2F1/.cancel,         CANCEL_FLOW,   f/1",
        "GET,  /api/v1/flows/tasks,                LIST_TASKS,    ''",
        "POST, /api/v1/flows/tasks,                CREATE_TASK,   ''",
        "GET,  /api/v1/flows/tasks/a%20b,           GET_TASK,      a b",
        "GET,  /api/v1/flows/tasks/a+b,             GET_TASK,      a+b",
        "POST, /api/v1/flows/tasks/%2E%2E/.complete, COMPLETE_TASK, ..",
        "POST, /api/v1/flows/tasks/t/.cancel,       CANCEL_TASK,   t",
    })
    void routing(String method, String path, Endpoint endpoint, String id) {
        Route r = Route.of(method, path);
        assertEquals(endpoint, r.endpoint());
        assertEquals(id.isEmpty() ? null : id, r.id());
    }

    @ParameterizedTest
    @CsvSource({
        "GET,  /api/v1/flows,                404",
        "GET,  /api/v1/flows/tasks/,         404",
        "GET,  /api/v1/flows/f1/x,           404",
        "GET,  /flows/,                      404",
        "POST, /api/v1/flows/,               405",
        "GET,  /api/v1/flows/f1/.cancel,     405",
        "POST, /api/v1/flows/tasks/t1,       405",
        "GET,  /api/v1/flows/tasks/%zz,      404",
    })
    void unroutable(String method, String path, int status) {
        Route r = Route.of(method, path);
        assertNull(r.endpoint());
        assertEquals(status, r.errorStatus());
    }
}
