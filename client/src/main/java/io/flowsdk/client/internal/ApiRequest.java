package io.flowsdk.client.internal;

import io.flowsdk.client.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call to the API, described as data: its operation name and path template (for listeners),
 * method, raw (unencoded) path segments below the base URL, query parameters in order, and the
 * body to send as JSON. {@link ApiCalls} encodes and sends it.
 */
public final class ApiRequest {
    private final String operation;
    private final String pathTemplate;
    private final String method;
    private final List<String> pathSegments;
    private final List<Map.Entry<String, String>> query;
    private final Object body;
    private final long iterationId;

    private ApiRequest(String operation, String pathTemplate, String method, List<String> pathSegments,
                       List<Map.Entry<String, String>> query, Object body) {
        this(operation, pathTemplate, method, pathSegments, query, body, 0);
    }

    private ApiRequest(String operation, String pathTemplate, String method, List<String> pathSegments,
                       List<Map.Entry<String, String>> query, Object body, long iterationId) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
        this.method = method;
        this.pathSegments = List.copyOf(pathSegments);
        this.query = List.copyOf(query);
        this.body = body;
        this.iterationId = iterationId;
    }

    /**
     * @param operation    for example {@code tasks.get}
     * @param pathTemplate for example {@code /flows/tasks/{id}}
     */
    public static ApiRequest get(String operation, String pathTemplate, List<String> pathSegments) {
        return new ApiRequest(operation, pathTemplate, "GET", pathSegments, List.of(), null);
    }

    public static ApiRequest post(String operation, String pathTemplate, List<String> pathSegments, Object body) {
        return new ApiRequest(operation, pathTemplate, "POST", pathSegments, List.of(),
                Objects.requireNonNull(body, "body"));
    }

    /** @return a copy with one more query parameter; a null value adds nothing */
    public ApiRequest withQuery(String name, String value) {
        if (value == null) {
            return this;
        }
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.add(Map.entry(name, value));
        return new ApiRequest(operation, pathTemplate, method, pathSegments, q, body, iterationId);
    }

    /** @return a copy that listeners see as a page of that iteration; this one when the id is 0 (nobody listens) */
    public ApiRequest withIteration(long iterationId) {
        return iterationId == this.iterationId ? this
                : new ApiRequest(operation, pathTemplate, method, pathSegments, query, body, iterationId);
    }

    /** @return a copy carrying the change's reason and correlation */
    public ApiRequest withChange(Change change) {
        Objects.requireNonNull(change, "change");
        return withQuery("reason", change.reasonValue().orElse(null))
                .withQuery("correlation", change.correlationValue().orElse(null));
    }

    public String operation() {
        return operation;
    }

    public String pathTemplate() {
        return pathTemplate;
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

    /** @return the iteration this request fetches a page for (for listeners), or 0 */
    public long iterationId() {
        return iterationId;
    }

    /** Only reads may be sent twice: a POST that may have reached the server is never repeated. */
    public boolean isIdempotent() {
        return "GET".equals(method);
    }
}
