package io.flowsdk.client.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.flowsdk.client.model.Task;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a task's state shows a complete or a cancel: what {@link Reconciliation} checks. A
 * complete shows when the task is {@code completed} and holds every variable sent with the value
 * sent (servers merge the variables sent into those the task had); a cancel shows when the task
 * is {@code canceled}. Values compare as JSON, numbers by value ({@code 1} equals {@code 1.0}).
 */
public final class TaskChanges {
    private TaskChanges() {
    }

    /**
     * @param task      the task read back
     * @param variables the variables sent, as JSON (the {@code variables} of the request body)
     * @return whether the task shows that completion
     */
    public static boolean showsCompletion(Task task, JsonElement variables) {
        if (!hasStatus(task, "completed")) {
            return false;
        }
        if (variables == null || !variables.isJsonObject() || variables.getAsJsonObject().size() == 0) {
            return true;
        }
        JsonElement stored = task.getVariables() == null ? null : JsonValues.toTree(task.getVariables(), "variables");
        if (stored == null || !stored.isJsonObject()) {
            return false;
        }
        JsonObject have = stored.getAsJsonObject();
        for (Map.Entry<String, JsonElement> sent : variables.getAsJsonObject().entrySet()) {
            if (!have.has(sent.getKey()) || !same(sent.getValue(), have.get(sent.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the task shows a cancel */
    public static boolean showsCancellation(Task task) {
        return hasStatus(task, "canceled");
    }

    /** @return the task's status, for messages */
    public static String describe(Task task) {
        return "status " + task.getStatus();
    }

    private static boolean hasStatus(Task task, String status) {
        return task != null && task.getStatus() != null && task.getStatus().toLowerCase(Locale.ROOT).equals(status);
    }

    /** JSON equality with numbers compared by value. */
    static boolean same(JsonElement a, JsonElement b) {
        if (a == null || a.isJsonNull()) {
            return b == null || b.isJsonNull();
        }
        if (b == null || b.isJsonNull()) {
            return false;
        }
        if (a.isJsonPrimitive() && b.isJsonPrimitive()) {
            JsonPrimitive x = a.getAsJsonPrimitive();
            JsonPrimitive y = b.getAsJsonPrimitive();
            if (x.isNumber() && y.isNumber()) {
                return new BigDecimal(x.getAsString()).compareTo(new BigDecimal(y.getAsString())) == 0;
            }
            return x.equals(y);
        }
        if (a.isJsonArray() && b.isJsonArray()) {
            JsonArray x = a.getAsJsonArray();
            JsonArray y = b.getAsJsonArray();
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isJsonObject() && b.isJsonObject()) {
            JsonObject x = a.getAsJsonObject();
            JsonObject y = b.getAsJsonObject();
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<String, JsonElement> e : x.entrySet()) {
                if (!y.has(e.getKey()) || !same(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
