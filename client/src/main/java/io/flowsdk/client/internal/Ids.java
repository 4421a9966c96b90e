package io.flowsdk.client.internal;

import java.util.Objects;

/**
 * Checks the ids that become path segments. HTTP clients resolve {@code .} and {@code ..} as dot
 * segments (OkHttp even does so for {@code %2e}), so such ids would call another endpoint and
 * are refused before any request, as are ids with half a UTF-16 surrogate pair ({@link Text});
 * every other id is sent as one percent-encoded segment.
 */
public final class Ids {
    private Ids() {
    }

    /**
     * @param id   the id to check
     * @param name the parameter's name, for the message (for example {@code taskId})
     * @return the id
     * @throws NullPointerException     if null
     * @throws IllegalArgumentException if blank, {@code .} or {@code ..}, or if it holds an unpaired surrogate
     */
    public static String require(String id, String name) {
        Objects.requireNonNull(id, () -> name + " must not be null");
        if (id.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException(name + " must not be '" + id
                    + "': dot segments are resolved by HTTP clients and would address another endpoint");
        }
        return Text.requireWellFormed(id, name);
    }
}
