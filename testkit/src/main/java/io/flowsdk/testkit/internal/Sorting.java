package io.flowsdk.testkit.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.flowsdk.client.internal.Ids;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SCIM sorting (RFC 7644 §3.4.2.3) as the fake applies it. Not public API.
 *
 * <ul>
 *   <li>{@code sortBy} is an attribute path such as {@code due} or {@code meta.created}, matched
 *       ignoring case; for a multi-valued attribute the first value counts.</li>
 *   <li>{@code sortOrder} is {@code ascending} (the default) or {@code descending}, any case.</li>
 *   <li>Resources without a value sort last in ascending order and first in descending order
 *       (RFC 7644: "ordered last if ascending and first if descending").</li>
 *   <li>Date-time strings compare in time order, numbers by value, other strings ignoring case;
 *       the sort is stable (equal values keep insertion order).</li>
 *   <li>Identifiers ({@link SdkFilterSupport#CASE_EXACT}: {@code id}, {@code externalId}, ...) are
 *       case-exact and opaque: their strings compare in code point order (the order of their UTF-8
 *       bytes), never ignoring case and never as date-times, exactly as the filter compares them,
 *       so that {@code id gt "<last id>"} over a list sorted by {@code id} skips and repeats
 *       nothing (keyset paging).</li>
 * </ul>
 */
public final class Sorting {
    private Sorting() {}

    /**
     * Sorts resources in place.
     *
     * @param resources the resources
     * @param sortBy the attribute path, or null for insertion order
     * @param sortOrder {@code ascending}, {@code descending} or null
     * @throws ApiError 400 for an unknown sort order
     */
    public static void sort(List<JsonObject> resources, String sortBy, String sortOrder) {
        boolean descending = false;
        if (sortOrder != null && !sortOrder.isBlank()) {
            String o = sortOrder.trim().toLowerCase(Locale.ROOT);
            if (o.equals("descending")) {
                descending = true;
            } else if (!o.equals("ascending")) {
                throw new ApiError(400, "invalid sortOrder '" + sortOrder + "': use ascending or descending");
            }
        }
        if (sortBy == null || sortBy.isBlank()) {
            return;
        }
        Comparator<JsonObject> c = comparator(sortBy.trim());
        resources.sort(descending ? c.reversed() : c);
    }

    /**
     * The ascending comparator for an attribute; missing values are greater than any value.
     *
     * @param sortBy the attribute path
     * @return the comparator
     */
    public static Comparator<JsonObject> comparator(String sortBy) {
        if (isCaseExact(sortBy)) {
            return (a, b) -> compareIdentifiers(key(a, sortBy), key(b, sortBy));
        }
        return (a, b) -> compareValues(key(a, sortBy), key(b, sortBy));
    }

    private static boolean isCaseExact(String path) {
        String name = path.substring(path.lastIndexOf(':') + 1);
        for (String exact : SdkFilterSupport.CASE_EXACT) {
            if (exact.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static int compareIdentifiers(JsonPrimitive a, JsonPrimitive b) {
        if (a == null || b == null || !a.isString() || !b.isString()) {
            return compareValues(a, b);
        }
        return Ids.compare(a.getAsString(), b.getAsString());
    }

    private static JsonPrimitive key(JsonObject resource, String path) {
        JsonElement e = Json.path(resource, path);
        if (e != null && e.isJsonArray()) {
            e = e.getAsJsonArray().isEmpty() ? null : e.getAsJsonArray().get(0);
        }
        return e != null && e.isJsonPrimitive() ? e.getAsJsonPrimitive() : null;
    }

    static int compareValues(JsonPrimitive a, JsonPrimitive b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a.isNumber()) {
            return new BigDecimal(a.getAsString()).compareTo(new BigDecimal(b.getAsString()));
        }
        if (a.isBoolean()) {
            return Boolean.compare(a.getAsBoolean(), b.getAsBoolean());
        }
        Optional<Instant> ta = Json.parseTime(a.getAsString());
        Optional<Instant> tb = Json.parseTime(b.getAsString());
        if (ta.isPresent() && tb.isPresent()) {
            return ta.get().compareTo(tb.get());
        }
        int c = a.getAsString().compareToIgnoreCase(b.getAsString());
        return c != 0 ? c : a.getAsString().compareTo(b.getAsString());
    }

    private static int rank(JsonPrimitive p) {
        return p.isNumber() ? 0 : p.isString() ? 1 : 2;
    }
}
