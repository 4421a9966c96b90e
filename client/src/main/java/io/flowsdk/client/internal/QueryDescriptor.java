package io.flowsdk.client.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A query as text, without the client: what {@code Query.toDescriptor()} writes and
 * {@code tasks().list(descriptor)} reads, so that a query (a partition of a scan, typically) can
 * be shipped to another process and run there with that process's own client.
 *
 * <pre>
 * descriptor = "flows-query/v1/" resource [ "?" param *( "&amp;" param ) ]
 * resource   = "tasks" / "flows"
 * param      = key "=" value              ; each key at most once, in any order
 * </pre>
 *
 * Keys, written in this order and only when they differ from the default: {@code filter} (as the
 * query holds it), {@code sortBy}, {@code sortOrder} ({@code ascending} or {@code descending}),
 * {@code attributes} and {@code excludedAttributes} (comma-separated), {@code forTime} (ISO 8601
 * with offset, seconds always, fractions when set), {@code startIndex}, {@code limit},
 * {@code pageSize}, {@code parallelism}, {@code snapshot=true}, {@code keyset=true}. Values are
 * percent-encoded UTF-8, except letters, digits and {@code - . _ ~ : , + / @ ! $ ' ( ) *}, so
 * that the text stays readable ({@code forTime=2026-01-01T00:00:00+02:00}) and holds no space.
 * Reading is strict: an unknown version, resource or key, a repeated key, a malformed escape or
 * value, a value out of range, or a contradiction (keyset with a sortBy) is an
 * {@link IllegalArgumentException}; a version of this format that adds keys gets a new number.
 *
 * @param resource    {@code tasks} or {@code flows}
 * @param params      filter, sort, attributes, forTime
 * @param pageSize    items per request
 * @param startIndex  1-based index of the first item
 * @param limit       most items, or -1 for none
 * @param parallelism pages in flight at once
 * @param snapshot    whether each iteration pins forTime
 * @param keyset      whether it iterates by key
 */
public record QueryDescriptor(String resource, ListParams params, int pageSize, long startIndex, long limit,
                              int parallelism, boolean snapshot, boolean keyset) {
    /** The prefix of every descriptor of this version. */
    public static final String PREFIX = "flows-query/v1/";
    private static final Set<String> RESOURCES = Set.of("tasks", "flows");
    private static final List<String> KEYS = List.of("filter", "sortBy", "sortOrder", "attributes",
            "excludedAttributes", "forTime", "startIndex", "limit", "pageSize", "parallelism", "snapshot", "keyset");
    private static final String LITERAL = "-._~:,+/@!$'()*";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** @return the descriptor's text */
    public String write(int defaultPageSize) {
        StringBuilder sb = new StringBuilder(PREFIX).append(resource);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("filter", params.filter());
        values.put("sortBy", params.sortBy());
        values.put("sortOrder", params.sortBy() == null ? null : params.sortOrder());
        values.put("attributes", params.attributes().isEmpty() ? null : String.join(",", params.attributes()));
        values.put("excludedAttributes", params.excludedAttributes().isEmpty() ? null
                : String.join(",", params.excludedAttributes()));
        values.put("forTime", params.forTime() == null ? null : TIME.format(params.forTime()));
        values.put("startIndex", startIndex == 1 ? null : Long.toString(startIndex));
        values.put("limit", limit < 0 ? null : Long.toString(limit));
        values.put("pageSize", pageSize == defaultPageSize ? null : Integer.toString(pageSize));
        values.put("parallelism", parallelism == 1 ? null : Integer.toString(parallelism));
        values.put("snapshot", snapshot ? "true" : null);
        values.put("keyset", keyset ? "true" : null);
        char sep = '?';
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue() != null) {
                sb.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
                sep = '&';
            }
        }
        return sb.toString();
    }

    /**
     * Reads the parts of a descriptor. Values are checked here only as text (numbers, booleans,
     * times, the sort order); the caller rebuilds the query with its own checks.
     *
     * @param text            the descriptor
     * @param defaultPageSize the page size when none is written
     * @throws IllegalArgumentException if it is not a valid descriptor
     */
    public static QueryDescriptor read(String text, int defaultPageSize) {
        Objects.requireNonNull(text, "descriptor");
        if (!text.startsWith(PREFIX)) {
            if (text.startsWith("flows-query/")) {
                String version = text.substring("flows-query/".length()).split("/", 2)[0];
                throw new IllegalArgumentException("unsupported query descriptor version '" + version + "': this SDK "
                        + "reads " + PREFIX.substring("flows-query/".length(), PREFIX.length() - 1));
            }
            throw new IllegalArgumentException("not a query descriptor (it must start with " + PREFIX + "): "
                    + abbreviate(text));
        }
        String rest = text.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String resource = q < 0 ? rest : rest.substring(0, q);
        if (!RESOURCES.contains(resource)) {
            throw new IllegalArgumentException("unknown resource '" + abbreviate(resource) + "' in query descriptor: "
                    + "expected tasks or flows");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("malformed parameter '" + abbreviate(pair)
                            + "' in query descriptor: expected key=value");
                }
                String key = pair.substring(0, eq);
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown key '" + abbreviate(key) + "' in query descriptor; "
                            + "known: " + KEYS);
                }
                if (values.put(key, decode(pair.substring(eq + 1), key)) != null) {
                    throw new IllegalArgumentException("key '" + key + "' appears twice in query descriptor");
                }
            }
        }
        String sortOrder = values.get("sortOrder");
        if (sortOrder != null && !sortOrder.equals("ascending") && !sortOrder.equals("descending")) {
            throw new IllegalArgumentException("sortOrder in query descriptor must be ascending or descending, was '"
                    + abbreviate(sortOrder) + "'");
        }
        if (sortOrder != null && values.get("sortBy") == null) {
            throw new IllegalArgumentException("sortOrder in query descriptor needs a sortBy");
        }
        ListParams params = new ListParams(values.get("filter"), values.get("sortBy"), sortOrder,
                list(values.get("attributes")), list(values.get("excludedAttributes")),
                time(values.get("forTime")));
        return new QueryDescriptor(resource, params,
                (int) number(values, "pageSize", defaultPageSize, Integer.MAX_VALUE),
                number(values, "startIndex", 1, Long.MAX_VALUE),
                number(values, "limit", -1, Long.MAX_VALUE),
                (int) number(values, "parallelism", 1, Integer.MAX_VALUE),
                bool(values, "snapshot"), bool(values, "keyset"));
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.asList(value.split(",", -1));
    }

    private static OffsetDateTime time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("forTime in query descriptor is not an ISO 8601 date-time with offset: '"
                    + abbreviate(value) + "'", e);
        }
    }

    private static long number(Map<String, String> values, String key, long absent, long max) {
        String v = values.get(key);
        if (v == null) {
            return absent;
        }
        if (!v.matches("[0-9]{1,19}")) {
            throw new IllegalArgumentException(key + " in query descriptor must be a whole number, was '"
                    + abbreviate(v) + "'");
        }
        try {
            long n = Long.parseLong(v);
            if (n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " in query descriptor is out of range: " + v, e);
        }
    }

    private static boolean bool(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new IllegalArgumentException(key + " in query descriptor must be true or false, was '" + abbreviate(v)
                + "'");
    }

    static String encode(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || LITERAL.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    static String decode(String value, String key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new IllegalArgumentException("malformed %-escape in " + key + " of query descriptor at index "
                            + i);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80 && c > 0x20 && c != 0x7f && c != '#' && c != '?' && c != '"' && c != '<' && c != '>') {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("character " + (c < 0x20 || c >= 0x7f ? String.format("U+%04X",
                        (int) c) : "'" + c + "'") + " must be %-escaped in " + key + " of query descriptor (index "
                        + i + ")");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(key + " of query descriptor is not UTF-8 once decoded", e);
        }
    }

    private static String abbreviate(String s) {
        String t = s.length() <= 60 ? s : s.substring(0, 60) + "...";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : c);
        }
        return sb.toString();
    }
}
