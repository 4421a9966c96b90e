package io.flowsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionTest {
    static final JsonObject TASK = JsonParser.parseString(
            "{'id':'t1','status':'pending','displayName':'x','variables':{'a':1},"
                    + "'meta':{'created':'2026-01-01T00:00:00Z','revision':1}}").getAsJsonObject();

    @Test
    void attributesKeepOnlyTheListedOnesAndAlwaysId() {
        JsonObject p = new Projection(List.of("status"), List.of()).apply(TASK);
        assertEquals("{\"id\":\"t1\",\"status\":\"pending\"}", p.toString());
    }

    @Test
    void subAttributesCaseAndUrnPrefixes() {
        JsonObject p = new Projection(List.of("META.created", "urn:ietf:params:scim:schemas:Task:displayName"), List.of())
                .apply(TASK);
        assertEquals("{\"id\":\"t1\",\"meta\":{\"created\":\"2026-01-01T00:00:00Z\"},\"displayName\":\"x\"}", p.toString());
    }

    @Test
    void excludedAttributesNeverRemoveId() {
        JsonObject p = new Projection(List.of(), List.of("variables", "id", "meta.revision")).apply(TASK);
        assertEquals("{\"id\":\"t1\",\"status\":\"pending\",\"displayName\":\"x\",\"meta\":{\"created\":\"2026-01-01T00:00:00Z\"}}",
                p.toString());
        assertTrue(TASK.has("variables"), "the source is not changed");
    }

    @Test
    void unknownAttributesAreIgnored() {
        assertEquals("{\"id\":\"t1\"}", new Projection(List.of("nope", "meta.nope"), List.of("nope")).apply(TASK).toString());
    }

    @Test
    void repeatedAndCommaSeparatedParametersBothWork() {
        ApiRequest r = ApiRequest.of("GET", "/api/v1/flows/tasks?attributes=id&attributes=status,%20displayName", Map.of(), "");
        assertEquals(List.of("id", "status", "displayName"), r.multiParam("attributes"));
    }
}
