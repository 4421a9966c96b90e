package io.flowsdk.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.annotations.SerializedName;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The baseline: what a hand-written client without the SDK would decode into. Plain
 * POJOs with the same fields and types as the SDK's models (date-times as {@code OffsetDateTime},
 * {@code variables} as any JSON), bound by plain reflective Gson in one streaming pass. Unknown
 * fields are dropped, missing lists stay null, numbers in {@code variables} become doubles: the
 * things the SDK does on top are what the ratios price.
 */
final class PlainModels {
    private PlainModels() {
    }

    /** Plain Gson with the one adapter it needs for {@code OffsetDateTime} (java.time is closed to reflection). */
    static Gson gson() {
        return new GsonBuilder().registerTypeAdapter(OffsetDateTime.class, new TypeAdapter<OffsetDateTime>() {
            @Override
            public void write(JsonWriter out, OffsetDateTime value) throws IOException {
                out.value(value.toString());
            }

            @Override
            public OffsetDateTime read(JsonReader in) throws IOException {
                return OffsetDateTime.parse(in.nextString());
            }
        }.nullSafe()).create();
    }

    static final class PlainTaskList {
        @SerializedName("Resources")
        List<PlainTask> resources;
        Integer itemsPerPage;
        Long startIndex;
        Long totalResults;
    }

    static final class PlainTask {
        String id;
        String displayName;
        String description;
        String status;
        String assigneeId;
        String ownerId;
        OffsetDateTime due;
        OffsetDateTime ended;
        String formId;
        String externalId;
        List<String> groupsIds;
        List<String> usersIds;
        PlainFlowReference flow;
        PlainMeta meta;
        Object variables;
    }

    static final class PlainFlowReference {
        String flowExternalId;
        String flowInstanceKey;
        String flowKey;
    }

    static final class PlainMeta {
        String appId;
        String commitId;
        OffsetDateTime created;
        OffsetDateTime lastModified;
        String location;
        String refersToId;
        String resourceType;
        Long revision;
        String tenantId;
    }
}
