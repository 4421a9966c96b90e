package io.flowsdk.client.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validates attribute paths used in {@code sortBy}, {@code attributes} and
 * {@code excludedAttributes} (RFC 7644 attrPath: an optional schema URN, a name, an optional
 * sub-attribute), so a typo or an injected character fails before any request.
 */
public final class AttributeNames {
    private static final Pattern ATTR_PATH = Pattern.compile(
            "(?:[uU][rR][nN]:[A-Za-z0-9][A-Za-z0-9.:_-]*:)?(?:\\$ref|[A-Za-z][A-Za-z0-9_-]*)(?:\\.(?:\\$ref|[A-Za-z][A-Za-z0-9_-]*))?");

    private AttributeNames() {
    }

    public static String require(String name, String parameter) {
        Objects.requireNonNull(name, () -> parameter + " must not be null");
        if (!ATTR_PATH.matcher(name).matches()) {
            throw new IllegalArgumentException(parameter + " is not a valid attribute path: \"" + printable(name)
                    + "\" (expected a name such as displayName or meta.lastModified)");
        }
        return name;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.length() > 80 ? sb.substring(0, 80) + "..." : sb.toString();
    }
}
