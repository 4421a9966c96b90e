package io.flowsdk.client.internal;

import io.flowsdk.client.internal.http.CallSpec;
import io.flowsdk.client.internal.http.JsonHandler;
import io.flowsdk.client.internal.http.Result;
import io.flowsdk.client.internal.http.Transport;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an {@link ApiRequest} into a call of the API and sends it: the URL (base URL, one
 * percent-encoded segment per path segment, strictly encoded query), the JSON body (serialised
 * on the caller's thread, so bad variables fail before anything is sent), the authenticated,
 * JSON-reading {@link CallSpec}, and the {@link Transport}. Every facade call goes through here.
 */
public final class ApiCalls {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ClientContext ctx;
    private final Transport transport;
    private final Map<Type, JsonHandler<?>> handlers = new ConcurrentHashMap<>();

    public ApiCalls(ClientContext ctx) {
        this.ctx = ctx;
        this.transport = new Transport(ctx);
    }

    /** {@return the context of the client these calls belong to} */
    public ClientContext context() {
        return ctx;
    }

    /** {@return calls like these, with another retry policy} */
    public ApiCalls withRetryPolicy(io.flowsdk.client.RetryPolicy policy) {
        return new ApiCalls(ctx.withRetryPolicy(policy));
    }

    /** Sends and blocks; see {@link Transport#send}. */
    public <T> Result<T> send(ApiRequest request, Type responseType) {
        return transport.send(spec(request, responseType));
    }

    /** Sends without blocking; see {@link Transport#sendAsync}. */
    public <T> CompletableFuture<Result<T>> sendAsync(ApiRequest request, Type responseType) {
        return transport.sendAsync(spec(request, responseType));
    }

    private <T> CallSpec<T> spec(ApiRequest request, Type responseType) {
        ctx.state().checkOpen();
        byte[] body = request.body() == null ? null
                : ctx.json().toJson(request.body()).getBytes(StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        JsonHandler<T> handler = (JsonHandler<T>) handlers.computeIfAbsent(responseType,
                t -> new JsonHandler<>(ctx.json().gson(), t));
        return new CallSpec<>(request.operation(), request.pathTemplate(), request.method(), urlOf(request), body,
                body == null ? null : JSON, null, request.isIdempotent(), true, handler, null, request.iterationId());
    }

    /** The request's URL: each path segment percent-encoded as exactly one segment, the query strictly encoded. */
    public HttpUrl urlOf(ApiRequest request) {
        HttpUrl.Builder b = ctx.baseUrl().newBuilder();
        for (String segment : request.pathSegments()) {
            b.addPathSegment(segment);
        }
        for (Map.Entry<String, String> q : request.query()) {
            b.addEncodedQueryParameter(QueryEncoding.encode(q.getKey()), QueryEncoding.encode(q.getValue()));
        }
        return b.build();
    }
}
