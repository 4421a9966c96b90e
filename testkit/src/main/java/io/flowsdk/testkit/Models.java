package io.flowsdk.testkit;

import com.google.gson.JsonObject;
import io.flowsdk.client.internal.JsonCodec;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;

/** Conversions between stored JSON and the SDK's generated models, by the client's own reading rules. */
final class Models {
    private static final JsonCodec CODEC = new JsonCodec();

    private Models() {}

    static Task task(JsonObject json) {
        return CODEC.gson().fromJson(json, Task.class);
    }

    static FlowInstance flow(JsonObject json) {
        return CODEC.gson().fromJson(json, FlowInstance.class);
    }
}
