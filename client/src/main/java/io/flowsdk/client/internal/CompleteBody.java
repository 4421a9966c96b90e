package io.flowsdk.client.internal;

import com.google.gson.JsonObject;

import java.util.Map;

/**
 * The body of a task completion, {@code {"variables": {...}}}, converted by {@link JsonValues}
 * when the call is made: a variable JSON cannot hold fails on the caller's thread, naming it, and
 * later changes to the caller's map do not change what is sent.
 */
public final class CompleteBody {
    private CompleteBody() {
    }

    /**
     * @param variables the variables, not null
     * @return the body
     * @throws IllegalArgumentException if a variable cannot be written as JSON
     */
    public static JsonObject of(Map<String, ?> variables) {
        JsonObject body = new JsonObject();
        body.add("variables", JsonValues.toTree(variables, "variables"));
        return body;
    }
}
