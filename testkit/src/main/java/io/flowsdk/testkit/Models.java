package io.flowsdk.testkit;

import com.google.gson.JsonObject;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Conversions between stored JSON and the SDK's generated models. */
final class Models {
    private Models() {}

    static Task task(JsonObject json) {
        try {
            return Task.fromJson(Json.write(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FlowInstance flow(JsonObject json) {
        try {
            return FlowInstance.fromJson(Json.write(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
