package io.flowsdk.client.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The fields of an error answer, read from a body of any shape: the API's
 * {@code {code, message, status}} ({@code code} as number or string), a gateway's
 * {@code application/problem+json} ({@code title}, {@code detail}, {@code status}), a SCIM
 * error ({@code scimType}, {@code detail}), or text that is not JSON at all (all fields null).
 */
record ErrorBody(String code, String message, String status) {
    static final ErrorBody EMPTY = new ErrorBody(null, null, null);

    /** @return a copy with the token masked in every field (it may have been JSON-escaped in the raw body) */
    ErrorBody redact(String token) {
        return new ErrorBody(Secrets.redact(code, token), Secrets.redact(message, token), Secrets.redact(status, token));
    }

    static ErrorBody parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            return EMPTY;
        }
        try {
            JsonElement root = JsonParser.parseString(trimmed);
            if (!root.isJsonObject()) {
                return EMPTY;
            }
            JsonObject o = root.getAsJsonObject();
            if (o.has("error") && o.get("error").isJsonObject() && !o.has("code") && !o.has("message")) {
                o = o.getAsJsonObject("error");
            }
            String code = first(o, "code", "scimType", "errorCode");
            String message = first(o, "message", "detail", "title", "error_description", "error");
            String status = first(o, "status");
            return new ErrorBody(code, message, status);
        } catch (RuntimeException notJson) {
            return EMPTY;
        }
    }

    private static String first(JsonObject o, String... names) {
        for (String name : names) {
            JsonElement e = o.get(name);
            if (e != null && e.isJsonPrimitive()) {
                return e.getAsJsonPrimitive().isString() ? e.getAsString() : e.toString();
            }
        }
        return null;
    }
}
