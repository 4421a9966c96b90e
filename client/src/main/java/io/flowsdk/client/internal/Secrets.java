package io.flowsdk.client.internal;

/** Keeps the bearer token out of text that reaches messages and logs. */
public final class Secrets {
    /** What a secret is shown as. */
    public static final String MASK = "\u2588\u2588";

    private Secrets() {
    }

    /** @return the text with every occurrence of the token replaced by {@link #MASK} */
    public static String redact(String text, String token) {
        if (text == null || token == null || token.length() < 4 || !text.contains(token)) {
            return text;
        }
        return text.replace(token, MASK);
    }
}
