package io.flowsdk.client.internal;

import io.flowsdk.client.error.FlowsException;

/** Checks bearer tokens without ever putting them in a message. */
public final class Tokens {
    private Tokens() {
    }

    /**
     * @return the token, if it can be sent in a header
     * @throws FlowsException if it is blank or holds characters that are not allowed in a header
     */
    public static String check(String token) {
        String problem = problem(token);
        if (problem != null) {
            throw new FlowsException("the token provider returned a token that " + problem);
        }
        return token;
    }

    /** @return why the token cannot be sent, or null if it can */
    public static String problem(String token) {
        if (token == null) {
            return "is null";
        }
        if (token.isBlank()) {
            return "is blank";
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "contains a character not allowed in an HTTP header (at index " + i + ")";
            }
        }
        return null;
    }
}
