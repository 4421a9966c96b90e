package io.flowsdk.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as the fake sees it, independent of WireMock. Not public API.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the path as sent (still percent-encoded), without the query
 * @param query decoded query parameters, in order, repeated names kept
 * @param headers headers, names case-insensitive
 * @param body the body as text ("" when none)
 */
public record ApiRequest(
        String method,
        String rawPath,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        String body) {

    /**
     * Copies the maps so the record is immutable.
     *
     * @param method see the record description
     * @param rawPath see the record description
     * @param query see the record description
     * @param headers see the record description
     * @param body see the record description
     */
    public ApiRequest {
        method = method.toUpperCase(java.util.Locale.ROOT);
        Map<String, List<String>> q = new LinkedHashMap<>();
        query.forEach((k, v) -> q.put(k, List.copyOf(v)));
        query = Collections.unmodifiableMap(q);
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.merge(k, List.copyOf(v), (a, b) -> {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = Collections.unmodifiableMap(h);
        body = body == null ? "" : body;
    }

    /**
     * Builds a request from a URL as sent (path and optional query).
     *
     * @param method the method
     * @param url the path and query, percent-encoded, e.g. {@code /api/v1/flows/tasks?count=5}
     * @param headers the headers
     * @param body the body
     * @return the request
     */
    public static ApiRequest of(String method, String url, Map<String, List<String>> headers, String body) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String rawQuery = q < 0 ? "" : url.substring(q + 1);
        return new ApiRequest(method, path, parseQuery(rawQuery), headers, body);
    }

    /**
     * Decodes a raw query string ({@code +} is a space, as in forms).
     *
     * @param rawQuery the query without the {@code ?}
     * @return parameters in order, repeated names kept
     */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decodeQuery(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * Decodes one path segment: percent escapes only ({@code +} stays a plus).
     *
     * @param segment the raw segment
     * @return the decoded segment
     * @throws IllegalArgumentException on a broken escape
     */
    public static String decodePathSegment(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The first value of a query parameter.
     *
     * @param name the name (exact case)
     * @return the value or null
     */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * All values of a multi-valued query parameter, accepting both repeated parameters and
     * comma-separated values.
     *
     * @param name the name
     * @return trimmed, non-empty values in order
     */
    public List<String> multiParam(String name) {
        List<String> out = new ArrayList<>();
        for (String v : query.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /**
     * The first value of a header.
     *
     * @param name the name, any case
     * @return the value or null
     */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
