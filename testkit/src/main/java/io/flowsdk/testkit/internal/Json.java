package io.flowsdk.testkit.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import io.flowsdk.client.internal.Rfc3339;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/** JSON helpers shared by the fake. Not public API. */
public final class Json {
    private Json() {}

    /**
     * Writes a JSON element compactly, as a server does: nulls kept, no HTML escaping. This is
     * Gson's own {@code JsonElement.toString()}; no Gson configuration is needed to write a tree.
     *
     * @param element the element
     * @return its JSON text
     */
    public static String write(JsonElement element) {
        return element.toString();
    }

    /**
     * Parses JSON text, strictly enough to refuse garbage.
     *
     * @param text the text
     * @return the element, or empty when the text is not JSON
     */
    public static Optional<JsonElement> tryParse(String text) {
        try {
            return Optional.of(JsonParser.parseString(text));
        } catch (JsonSyntaxException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * Formats an instant as RFC 3339 in UTC, as the API writes timestamps.
     *
     * @param instant the instant
     * @return for example {@code 2026-01-01T00:00:00Z}
     */
    public static String time(Instant instant) {
        return Rfc3339.format(instant);
    }

    /**
     * Parses an RFC 3339 date-time, as the client does.
     *
     * @param text the text
     * @return the instant, or empty when the text is not a date-time with an offset
     */
    public static Optional<Instant> parseTime(String text) {
        return Optional.ofNullable(Rfc3339.parse(text)).map(OffsetDateTime::toInstant);
    }

    /**
     * Finds a member of an object, ignoring the case of its name (SCIM attribute names are
     * case-insensitive).
     *
     * @param object the object
     * @param name the member name
     * @return the actual name as stored, or null
     */
    public static String memberName(JsonObject object, String name) {
        if (object.has(name)) {
            return name;
        }
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * Resolves a dotted attribute path (such as {@code meta.created}), ignoring case.
     *
     * @param object the object
     * @param path the path
     * @return the element, or null when absent or JSON null
     */
    public static JsonElement path(JsonObject object, String path) {
        JsonElement current = object;
        for (String part : path.split("\\.", -1)) {
            if (current == null || !current.isJsonObject()) {
                return null;
            }
            JsonObject o = current.getAsJsonObject();
            String name = memberName(o, part);
            current = name == null ? null : o.get(name);
        }
        return current == null || current.isJsonNull() ? null : current;
    }

    /**
     * Reads a string member.
     *
     * @param object the object
     * @param path a dotted path
     * @return the string, or null when absent or not a string
     */
    public static String string(JsonObject object, String path) {
        JsonElement e = path(object, path);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    /**
     * Returns the {@code meta} object of a resource, creating it when missing.
     *
     * @param resource the resource
     * @return its meta object
     */
    public static JsonObject meta(JsonObject resource) {
        JsonElement meta = resource.get("meta");
        if (meta == null || !meta.isJsonObject()) {
            JsonObject created = new JsonObject();
            resource.add("meta", created);
            return created;
        }
        return meta.getAsJsonObject();
    }

    /**
     * Builds the API's error body.
     *
     * @param status the HTTP status
     * @param message the message, without the status text prefix
     * @return for example {@code {"code": 404, "message": "Not Found: ...", "status": "Not Found"}}
     */
    public static JsonObject error(int status, String message) {
        JsonObject body = new JsonObject();
        body.addProperty("code", status);
        body.addProperty("message", reason(status) + ": " + message);
        body.addProperty("status", reason(status));
        return body;
    }

    /**
     * The reason phrase of an HTTP status.
     *
     * @param status the status
     * @return for example {@code Not Found}
     */
    public static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 207: return "Multi-Status";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 409: return "Conflict";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return status >= 500 ? "Server Error" : "Error";
        }
    }
}
