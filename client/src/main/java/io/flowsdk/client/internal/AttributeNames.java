package io.flowsdk.client.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * The one grammar of attribute paths, used by filters ({@code Filter}, {@code Filter.parse},
 * {@code FilterEvaluator}) and by the {@code sortBy}, {@code attributes} and
 * {@code excludedAttributes} parameters, so a name is accepted or refused the same way
 * everywhere, before any request:
 *
 * <pre>
 * attrPath = [urn ":"] ATTRNAME ["." ATTRNAME]                  ; RFC 7644 §3.10
 * ATTRNAME = ALPHA *(ALPHA / DIGIT / "-" / "_") / "$ref"
 * urn      = "urn:" segment 1*(":" segment)                     ; "urn" in any case (RFC 8141)
 * segment  = 1*(ALPHA / DIGIT / "." / "-" / "_")
 * </pre>
 *
 * at most {@value #MAX_LENGTH} characters. RFC 7644 allows any URI before the name; SCIM's schema
 * URIs are URNs ({@code urn:ietf:params:scim:schemas:core:2.0:User:userName}), and the narrower
 * form keeps characters such as {@code & = ? # %} out of every name, so they cannot change a query.
 */
public final class AttributeNames {

    /** The longest attribute path accepted. */
    public static final int MAX_LENGTH = 1024;

    private AttributeNames() {
    }

    /**
     * Returns whether a string is a valid attribute path.
     *
     * @param path the candidate, not null
     * @return true if it matches the grammar
     */
    public static boolean isValid(String path) {
        return errorIndex(path) < 0;
    }

    /**
     * Returns the validated name, or throws naming the parameter, the value and what is wrong.
     *
     * @param name the attribute path
     * @param parameter the parameter it was given to, for example {@code sortBy}
     * @return {@code name}
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if it is not a valid attribute path
     */
    public static String require(String name, String parameter) {
        Objects.requireNonNull(name, () -> parameter + " must not be null");
        if (!isValid(name)) {
            throw new IllegalArgumentException(parameter + " is not a valid attribute path: \"" + printable(name)
                    + "\" (" + problem(name) + "; expected a name such as displayName or meta.lastModified,"
                    + " optionally after a schema URN)");
        }
        return name;
    }

    /**
     * Says what is wrong with an invalid path, for an error message.
     *
     * @param path an invalid path
     * @return for example {@code character ' ' (U+0020) at index 1 is not allowed there}
     */
    public static String problem(String path) {
        int index = errorIndex(path);
        if (index < 0) {
            return "it is valid";
        }
        if (path.isEmpty()) {
            return "it is empty";
        }
        if (path.length() > MAX_LENGTH) {
            return "it is longer than " + MAX_LENGTH + " characters";
        }
        if (index == path.length()) {
            return "it ends early, at index " + index;
        }
        char c = path.charAt(index);
        boolean unpaired = Character.isHighSurrogate(c)
                ? index + 1 >= path.length() || !Character.isLowSurrogate(path.charAt(index + 1))
                : Character.isLowSurrogate(c) && (index == 0 || !Character.isHighSurrogate(path.charAt(index - 1)));
        if (unpaired) {
            return String.format(Locale.ROOT, "unpaired UTF-16 surrogate U+%04X at index %d", (int) c, index);
        }
        String shown = c >= 0x20 && c < 0x7f ? "'" + c + "' " : "";
        return String.format(Locale.ROOT, "character %s(U+%04X) at index %d is not allowed there", shown, (int) c,
                index);
    }

    /**
     * The index of the first character that makes a path invalid ({@code length()} when it ends
     * early), or -1 if it is valid.
     *
     * @param path the candidate, not null
     * @return an index, or -1
     */
    public static int errorIndex(String path) {
        int n = path.length();
        if (n > MAX_LENGTH) {
            return MAX_LENGTH;
        }
        int start = 0;
        int colon = path.lastIndexOf(':');
        if (colon >= 0) {
            int error = urnErrorIndex(path, colon);
            if (error >= 0) {
                return error;
            }
            start = colon + 1;
        }
        int i = nameEnd(path, start);
        if (i < 0) {
            return ~i;
        }
        if (i < n && path.charAt(i) == '.') {
            i = nameEnd(path, i + 1);
            if (i < 0) {
                return ~i;
            }
        }
        return i == n ? -1 : i;
    }

    /** Checks {@code path[0, end)} as {@code urn:segment(:segment)+}; -1 or the error index. */
    private static int urnErrorIndex(String path, int end) {
        String scheme = "urn:";
        for (int i = 0; i < scheme.length(); i++) {
            if (i >= end) {
                return end;
            }
            if (Character.toLowerCase(path.charAt(i)) != scheme.charAt(i)) {
                return i;
            }
        }
        int segments = 0;
        int segmentStart = scheme.length();
        for (int i = segmentStart; i <= end; i++) {
            if (i == end || path.charAt(i) == ':') {
                if (i == segmentStart) {
                    return i; // empty segment
                }
                segments++;
                segmentStart = i + 1;
            } else if (!isSegmentChar(path.charAt(i))) {
                return i;
            }
        }
        return segments >= 2 ? -1 : end; // "urn:nid" alone is not a URN: a namespace-specific part must follow
    }

    /** The index after an ATTRNAME starting at {@code i}, or {@code ~errorIndex}. */
    private static int nameEnd(String path, int i) {
        if (path.startsWith("$ref", i)) {
            return i + 4;
        }
        if (i >= path.length() || !isAlpha(path.charAt(i))) {
            return ~i;
        }
        int j = i + 1;
        while (j < path.length() && isNameChar(path.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return isAlpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static boolean isSegmentChar(char c) {
        return isNameChar(c) || c == '.';
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.length() > 80 ? sb.substring(0, 80) + "..." : sb.toString();
    }
}
