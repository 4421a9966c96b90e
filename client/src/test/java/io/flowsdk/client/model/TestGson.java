package io.flowsdk.client.model;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/**
 * A Gson built the way the SDK will build it: every generated model's CustomTypeAdapterFactory,
 * an ISO-8601 OffsetDateTime adapter, and LONG_OR_DOUBLE for untyped numbers. Test-only: the
 * SDK's own factory is written elsewhere; this one pins down what the models need from it.
 */
final class TestGson {

    private TestGson() {}

    static Gson create() {
        return new GsonBuilder()
                .registerTypeAdapterFactory(new CompleteTaskRequest.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new ErrorResponse.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new FlowCancel.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new FlowInstance.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new FlowInstancesList.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new FlowReference.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new Meta.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new Task.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new TaskFlowReference.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new TasksList.CustomTypeAdapterFactory())
                .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
                .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
                .create();
    }

    static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            out.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return OffsetDateTime.parse(in.nextString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }
}
