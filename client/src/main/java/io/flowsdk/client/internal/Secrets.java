package io.flowsdk.client.internal;

/** Keeps the bearer token out of text that reaches messages and logs. */
public final class Secrets {
    /** What a secret is shown as. */
    public static final String MASK = "\u2588\u2588";

    private Secrets() {
    }

    /**
     * @return {@code t} itself when no message in its cause chain contains the token, otherwise a copy of
     *         the chain (same stack traces) whose messages are redacted and name the original types
     */
    public static Throwable scrub(Throwable t, String token) {
        if (t == null || !leaks(t, token)) {
            return t;
        }
        Redacted copy = new Redacted(t.getClass().getName() + ": " + redact(t.getMessage(), token),
                scrub(t.getCause(), token));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    private static boolean leaks(Throwable t, String token) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.equals(redact(m, token))) {
                return true;
            }
        }
        return false;
    }

    /** Stands in for a throwable whose message held the token. */
    static final class Redacted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Redacted(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @return the text with every occurrence of the token replaced by {@link #MASK} */
    public static String redact(String text, String token) {
        if (text == null || token == null || token.length() < 4 || !text.contains(token)) {
            return text;
        }
        return text.replace(token, MASK);
    }
}
