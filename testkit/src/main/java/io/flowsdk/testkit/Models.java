package io.flowsdk.testkit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.flowsdk.client.internal.JsonCodec;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.internal.Json;

/**
 * Conversions between stored JSON and the SDK's models, with the client's own codec: a model
 * read from the stub is exactly what a client would have read from the same answer (exact
 * numbers, lenient date-times, unknown fields kept).
 */
final class Models {
    private static final JsonCodec CODEC = JsonCodec.shared();

    private Models() {}

    static Task task(JsonObject json) {
        return decode(json, Task.class);
    }

    static FlowInstance flow(JsonObject json) {
        return decode(json, FlowInstance.class);
    }

    static JsonObject json(Object model) {
        return JsonParser.parseString(CODEC.toJson(model)).getAsJsonObject();
    }

    private static <T> T decode(JsonObject json, Class<T> type) {
        try {
            return CODEC.fromJson(Json.write(json), type);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored " + type.getSimpleName() + " " + json.get("id")
                    + " does not read as the SDK's model, as a client would also fail to (" + e.getMessage()
                    + "); its JSON form shows it as stored", e);
        }
    }
}
