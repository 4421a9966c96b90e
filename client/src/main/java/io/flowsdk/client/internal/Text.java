package io.flowsdk.client.internal;

/**
 * Checks that a text the client sends is well-formed UTF-16: every surrogate is half of a pair.
 * Half a pair cannot be encoded as UTF-8, and OkHttp writes {@code ?} in its place, so the id
 * {@code abc} followed by U+D800 would address the task {@code abc?}, and {@code abc} followed by
 * U+DBFF the same one.
 */
public final class Text {
    private Text() {
    }

    /**
     * @param text the text, not null
     * @param name what the text is, for the message (for example {@code taskId} or {@code variables.note})
     * @return the text
     * @throws IllegalArgumentException if the text holds an unpaired surrogate; the message names
     *                                  it and its index, not the text
     */
    public static String requireWellFormed(String text, String name) {
        int bad = unpairedSurrogate(text);
        if (bad >= 0) {
            char c = text.charAt(bad);
            throw new IllegalArgumentException(String.format("%s holds an unpaired surrogate (U+%04X, %s) at index %d:"
                    + " half a UTF-16 pair cannot be sent as UTF-8", name, (int) c,
                    Character.isHighSurrogate(c) ? "a high surrogate not followed by a low one"
                            : "a low surrogate not preceded by a high one", bad));
        }
        return text;
    }

    /** @return the index of the first unpaired surrogate, or -1 */
    static int unpairedSurrogate(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
