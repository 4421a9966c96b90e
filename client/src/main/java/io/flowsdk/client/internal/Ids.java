package io.flowsdk.client.internal;

/**
 * Checks the ids that become path segments. HTTP clients resolve {@code .} and {@code ..} as dot
 * segments (OkHttp even does so for {@code %2e}), so such ids would call another endpoint and
 * are refused before any request, as are ids with half a UTF-16 surrogate pair ({@link Text});
 * every other id is sent as one percent-encoded segment.
 *
 * <p>Ids are case-exact (RFC 7643 §3.1) and ordered by code point ({@link #compare}), the order of
 * their UTF-8 bytes: keyset paging and the testkit's sort and filter all use this one order.
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
        if (id == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (id.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException(name + " must not be '" + id
                    + "': dot segments are resolved by HTTP clients and would address another endpoint");
        }
        return Text.requireWellFormed(id, name);
    }

    /**
     * Compares two ids in code point order. {@link String#compareTo} compares UTF-16 units, which
     * puts a supplementary character (a surrogate pair) before U+E000..U+FFFF.
     *
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xs = Character.isSurrogate(x);
                if (xs != Character.isSurrogate(y)) {
                    return xs ? 1 : -1; // a surrogate stands for a code point above every BMP character
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
