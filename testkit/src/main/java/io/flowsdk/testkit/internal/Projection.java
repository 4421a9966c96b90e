package io.flowsdk.testkit.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * SCIM attribute projection (RFC 7644 §3.4.2.5) as the fake applies it. Not public API.
 *
 * <ul>
 *   <li>{@code attributes}: only {@code id} (always returned) and the listed attributes are
 *       returned; a sub-attribute path such as {@code meta.created} returns just that part.</li>
 *   <li>{@code excludedAttributes}: the listed attributes are removed, except {@code id}.</li>
 *   <li>Names ignore case; a schema URN prefix ({@code urn:...:Task:status}) is ignored.</li>
 * </ul>
 *
 * @param attributes the attributes to return (empty: all)
 * @param excluded the attributes to remove
 */
public record Projection(List<String> attributes, List<String> excluded) {

    /**
     * Copies the lists and strips URN prefixes.
     *
     * @param attributes see the record description
     * @param excluded see the record description
     */
    public Projection {
        attributes = attributes.stream().map(Projection::stripUrn).toList();
        excluded = excluded.stream().map(Projection::stripUrn).toList();
    }

    /**
     * Whether this projection changes anything.
     *
     * @return false when neither list is given
     */
    public boolean isIdentity() {
        return attributes.isEmpty() && excluded.isEmpty();
    }

    /**
     * Projects one resource.
     *
     * @param resource the full resource (not changed)
     * @return the projected copy
     */
    public JsonObject apply(JsonObject resource) {
        JsonObject out;
        if (attributes.isEmpty()) {
            out = resource.deepCopy();
        } else {
            out = new JsonObject();
            copyPath(resource, out, "id");
            for (String a : attributes) {
                copyPath(resource, out, a);
            }
        }
        for (String x : excluded) {
            if (!x.equalsIgnoreCase("id")) {
                removePath(out, x);
            }
        }
        return out;
    }

    private static void copyPath(JsonObject from, JsonObject to, String path) {
        String[] parts = path.split("\\.");
        String[] names = new String[parts.length];
        JsonElement value = from;
        for (int i = 0; i < parts.length; i++) {
            if (value == null || !value.isJsonObject()) {
                return;
            }
            names[i] = Json.memberName(value.getAsJsonObject(), parts[i]);
            if (names[i] == null) {
                return;
            }
            value = value.getAsJsonObject().get(names[i]);
        }
        JsonObject dst = to;
        for (int i = 0; i < names.length - 1; i++) {
            JsonElement existing = dst.get(names[i]);
            if (existing == null || !existing.isJsonObject()) {
                existing = new JsonObject();
                dst.add(names[i], existing);
            }
            dst = existing.getAsJsonObject();
        }
        dst.add(names[names.length - 1], value.deepCopy());
    }

    private static void removePath(JsonObject target, String path) {
        String[] parts = path.split("\\.");
        JsonObject current = target;
        for (int i = 0; i < parts.length; i++) {
            String name = Json.memberName(current, parts[i]);
            if (name == null) {
                return;
            }
            if (i == parts.length - 1) {
                current.remove(name);
                return;
            }
            JsonElement next = current.get(name);
            if (!next.isJsonObject()) {
                return;
            }
            current = next.getAsJsonObject();
        }
    }

    private static String stripUrn(String name) {
        String n = name.trim();
        if (n.regionMatches(true, 0, "urn:", 0, 4)) {
            int colon = n.lastIndexOf(':');
            return n.substring(colon + 1);
        }
        return n;
    }
}
