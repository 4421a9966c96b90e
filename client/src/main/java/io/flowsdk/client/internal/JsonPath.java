package io.flowsdk.client.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value is in a JSON document, for messages: {@code variables.approval.self},
 * {@code variables.list[2]}, and {@code variables["a b"]} for a key that is not a plain name.
 * Built as the document is walked, rendered only when a message needs it.
 */
final class JsonPath {
    private final JsonPath parent;
    private final String key;
    private final int index;

    private JsonPath(JsonPath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    /** @param name the name of the whole value, such as {@code variables}; empty for a whole body */
    static JsonPath root(String name) {
        return new JsonPath(null, name, -1);
    }

    JsonPath child(String key) {
        return new JsonPath(this, key, -1);
    }

    JsonPath index(int i) {
        return new JsonPath(this, null, i);
    }

    boolean isUnnamedRoot() {
        return parent == null && key.isEmpty();
    }

    /** @return the path, shortened in the middle past 240 characters; "the value" for an unnamed root */
    @Override
    public String toString() {
        List<JsonPath> chain = new ArrayList<>();
        for (JsonPath p = this; p != null; p = p.parent) {
            chain.add(p);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = chain.size() - 1; i >= 0; i--) {
            JsonPath p = chain.get(i);
            if (p.parent == null) {
                sb.append(p.key);
            } else if (p.key == null) {
                sb.append('[').append(p.index).append(']');
            } else if (isPlainName(p.key)) {
                sb.append(sb.length() == 0 ? "" : ".").append(p.key);
            } else {
                sb.append('[').append(quoted(p.key)).append(']');
            }
        }
        if (sb.length() == 0) {
            return "the value";
        }
        return sb.length() <= 240 ? sb.toString() : sb.substring(0, 160) + "..." + sb.substring(sb.length() - 60);
    }

    /** ASCII names only: anything else is quoted, so a message shows exactly what the key holds. */
    private static boolean isPlainName(String key) {
        if (key.isEmpty() || !(isLetter(key.charAt(0)) || key.charAt(0) == '_' || key.charAt(0) == '$')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '$' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A key as a JSON string, with anything unprintable escaped so a message stays one clean line. */
    private static String quoted(String key) {
        StringBuilder sb = new StringBuilder("\"");
        int limit = Math.min(key.length(), 80);
        for (int i = 0; i < limit; i++) {
            char c = key.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(key.length() > limit ? "...\"" : "\"").toString();
    }
}
