package io.flowsdk.client.internal;

import io.flowsdk.client.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call to the API, described as data: method, raw (unencoded) path segments below the base
 * URL, query parameters in order, and the body to send as JSON. The pipeline encodes it.
 */
public final class ApiRequest {
    private final String method;
    private final List<String> pathSegments;
    private final List<Map.Entry<String, String>> query;
    private final Object body;

    private ApiRequest(String method, List<String> pathSegments, List<Map.Entry<String, String>> query, Object body) {
        this.method = method;
        this.pathSegments = List.copyOf(pathSegments);
        this.query = List.copyOf(query);
        this.body = body;
    }

    public static ApiRequest get(String... pathSegments) {
        return new ApiRequest("GET", List.of(pathSegments), List.of(), null);
    }

    public static ApiRequest post(Object body, String... pathSegments) {
        return new ApiRequest("POST", List.of(pathSegments), List.of(), Objects.requireNonNull(body, "body"));
    }

    /** @return a copy with one more query parameter; a null value adds nothing */
    public ApiRequest withQuery(String name, String value) {
        if (value == null) {
            return this;
        }
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.add(Map.entry(name, value));
        return new ApiRequest(method, pathSegments, q, body);
    }

    /** @return a copy carrying the change's reason and correlation */
    public ApiRequest withChange(Change change) {
        Objects.requireNonNull(change, "change");
        return withQuery("reason", change.reasonValue().orElse(null))
                .withQuery("correlation", change.correlationValue().orElse(null));
    }

    public String method() {
        return method;
    }

    public List<String> pathSegments() {
        return pathSegments;
    }

    public List<Map.Entry<String, String>> query() {
        return query;
    }

    public Object body() {
        return body;
    }

    public boolean isIdempotent() {
        return "GET".equals(method);
    }
}
