package io.flowsdk.testkit;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * A batch of flow instances and tasks to seed a {@link FlowsStub} with
 * ({@link FlowsStub#seed(SeedData)}), usually made by {@link Seeds}.
 *
 * @param flows flow instances as API JSON
 * @param tasks tasks as API JSON (linked to their flow by {@code flow.flowInstanceKey})
 */
public record SeedData(List<JsonObject> flows, List<JsonObject> tasks) {

    /**
     * Copies the resources, so the batch never changes.
     *
     * @param flows see the record description
     * @param tasks see the record description
     */
    public SeedData {
        flows = flows.stream().map(JsonObject::deepCopy).toList();
        tasks = tasks.stream().map(JsonObject::deepCopy).toList();
    }

    /**
     * The flow instances.
     *
     * @return copies, safe to modify
     */
    @Override
    public List<JsonObject> flows() {
        return flows.stream().map(JsonObject::deepCopy).toList();
    }

    /**
     * The tasks.
     *
     * @return copies, safe to modify
     */
    @Override
    public List<JsonObject> tasks() {
        return tasks.stream().map(JsonObject::deepCopy).toList();
    }

    @Override
    public String toString() {
        return "SeedData[" + flows.size() + " flows, " + tasks.size() + " tasks]";
    }
}
