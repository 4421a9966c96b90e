package io.flowsdk.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The body of a task completion: {@code {"variables": {...}}}, variables copied as given. */
public final class CompleteBody {
    private CompleteBody() {
    }

    public static Map<String, Object> of(Map<String, ?> variables) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : variables.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("variables must not have a null key");
            }
            copy.put(e.getKey(), e.getValue());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", copy);
        return body;
    }
}
