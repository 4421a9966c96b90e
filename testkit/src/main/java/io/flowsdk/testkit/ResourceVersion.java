package io.flowsdk.testkit;

import com.google.gson.JsonObject;
import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry in the history of a task or flow instance, as the fake keeps it for
 * {@code forTime} queries and for assertions ({@link FlowsStub#taskHistory(String)},
 * {@link FlowsStub#flowHistory(String)}).
 *
 * @param at when the change happened (the stub's clock)
 * @param change what happened: {@code created}, {@code completed}, {@code canceled}
 *     (or {@code seeded} for the state a seeded resource was added with)
 * @param state the full resource as of this change (a copy on every read)
 * @param reason the {@code reason} query parameter of the request that made the change, or null
 * @param correlation the {@code correlation} query parameter of that request, or null
 */
public record ResourceVersion(Instant at, String change, JsonObject state, @Nullable String reason,
                              @Nullable String correlation) {

    /**
     * Copies the state so that a version never changes.
     *
     * @param at see the record description
     * @param change see the record description
     * @param state see the record description
     * @param reason see the record description
     * @param correlation see the record description
     */
    public ResourceVersion {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(change, "change");
        state = state.deepCopy();
    }

    /**
     * The resource as of this change.
     *
     * @return a copy, safe to modify
     */
    @Override
    public JsonObject state() {
        return state.deepCopy();
    }
}
