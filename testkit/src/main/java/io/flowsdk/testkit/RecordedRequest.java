package io.flowsdk.testkit;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request the fake server received, as recorded in its journal
 * ({@link FlowsStub#requests()}), whether it was answered normally, refused or faulted.
 *
 * @param endpoint the endpoint it was routed to, or null when it matched none
 * @param method the HTTP method, such as {@code GET}
 * @param path the path exactly as sent, still percent-encoded, without the query
 *     (for example {@code /api/v1/flows/tasks/a%2Fb})
 * @param query the decoded query parameters, in order; a repeated parameter keeps every value
 * @param headers the request headers; names are case-insensitive
 * @param body the body as text ({@code ""} when none)
 * @param receivedAt when the request arrived, on the stub's {@link StubClock}
 */
public record RecordedRequest(
        @Nullable Endpoint endpoint,
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        String body,
        java.time.Instant receivedAt) {

    /**
     * Makes the record deeply immutable.
     *
     * @param endpoint see the record description
     * @param method see the record description
     * @param path see the record description
     * @param query see the record description
     * @param headers see the record description
     * @param body see the record description
     * @param receivedAt see the record description
     */
    public RecordedRequest {
        Map<String, List<String>> q = new LinkedHashMap<>();
        query.forEach((k, v) -> q.put(k, List.copyOf(v)));
        query = Collections.unmodifiableMap(q);
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        h.replaceAll((k, v) -> List.copyOf(v));
        headers = Collections.unmodifiableMap(h);
        body = body == null ? "" : body;
    }

    /**
     * The first value of a query parameter.
     *
     * @param name the parameter name (exact case)
     * @return the decoded value, or null when absent
     */
    public @Nullable String queryParam(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * Every value of a query parameter.
     *
     * @param name the parameter name (exact case)
     * @return the decoded values, empty when absent
     */
    public List<String> queryParams(String name) {
        return query.getOrDefault(name, List.of());
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or null when absent
     */
    public @Nullable String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Shows method, path and query; never headers (they hold the bearer token) or the body. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + (query.isEmpty() ? "" : " " + query)
                + (endpoint == null ? " (no endpoint)" : " -> " + endpoint.name()) + "]";
    }
}
