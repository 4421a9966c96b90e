package io.flowsdk.client.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes query names and values strictly: everything but RFC 3986 unreserved
 * characters is encoded, so {@code +} (as in {@code +02:00}), {@code &}, {@code =}, {@code #},
 * {@code %}, CR and LF can never change the meaning of the query.
 */
final class QueryEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryEncoding() {
    }

    static String encode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }
}
