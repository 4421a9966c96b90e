package io.flowsdk.client.internal;

import io.flowsdk.client.model.CompleteTaskRequest;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The generated models' own {@code toJson()} and {@code fromJson(String)} go through the client's
 * codec (the hand-written {@link JSON} in the generator's invoker package), not through a
 * generated JVM-wide Gson: they read and write exactly as a {@code FlowsClient} does.
 */
class ModelJsonTest {
    @Test
    void theModelsUseTheSharedClientCodec() {
        assertSame(JsonCodec.shared(), JsonCodec.shared());
        assertSame(JsonCodec.shared().gson(), JSON.getGson());
    }

    @Test
    void fromJsonReadsLikeTheClient() throws Exception {
        Task task = Task.fromJson("{\"id\":\"t1\",\"due\":\"2026-01-01T10:00:00\","
                + "\"variables\":{\"n\":12345678901234567,\"one\":1}}");
        assertEquals(Map.of("n", 12345678901234567L, "one", 1L), task.getVariables());
        assertEquals(OffsetDateTime.parse("2026-01-01T10:00:00Z"), task.getDue());
        assertEquals(List.of(), task.getGroupsIds());
    }

    @Test
    void theGeneratorsOwnGsonReadsDifferently() {
        // what fromJson gave before the models were pointed at the client's codec
        Task task = io.flowsdk.client.internal.generated.JSON.getGson()
                .fromJson("{\"id\":\"t1\",\"variables\":{\"one\":1}}", Task.class);
        assertEquals(Map.of("one", 1.0), task.getVariables());
        assertNull(task.getGroupsIds());
    }

    @Test
    void toJsonWritesLikeTheClient() {
        Task task = new Task().displayName("Approve <Payroll> & co");
        assertEquals(new JsonCodec().toJson(task), task.toJson());
        assertEquals("{\"displayName\":\"Approve <Payroll> & co\"}", task.toJson(), "no HTML escaping");
        assertEquals("{}", new CompleteTaskRequest().toJson(), "unset lists and maps are not written");
    }
}
