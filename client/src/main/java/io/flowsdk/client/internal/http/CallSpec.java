package io.flowsdk.client.internal.http;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One logical call, ready to send: where, how, what body, whether it may be repeated, whether it
 * carries the client's token, and how its answer is read. Built on the caller's thread (so bad
 * input fails before anything is sent) and then executed, blocking or not, by {@link Transport}.
 *
 * @param operation    the operation's name for listeners and metrics, for example {@code tasks.complete}
 * @param pathTemplate the path below the base URL with placeholders, for example {@code /flows/tasks/{id}}
 * @param method       the HTTP method
 * @param url          the full URL, query included
 * @param body         the bytes to send, or null for none
 * @param bodyType     the media type of {@code body}, or null
 * @param headers      headers of this call beyond the transport's own ({@code Accept}, {@code User-Agent},
 *                     {@code Authorization})
 * @param idempotent   whether sending it twice is harmless (a GET, a token request): decides what is retried
 * @param authenticated whether the client's token goes with it (not for the token request itself)
 * @param handler      turns the answer into a value or an exception
 * @param secrets      masks the secrets of this call (beyond the attempt's token) in logged lines,
 *                     for example the client secret of a token request; null for none
 * @param iterationId  for listeners: the iteration this call fetches a page for, or 0
 * @param <T>          the value of a successful answer
 */
public record CallSpec<T>(String operation, String pathTemplate, String method, HttpUrl url, byte[] body,
                          MediaType bodyType, Headers headers, boolean idempotent, boolean authenticated,
                          ResponseHandler<T> handler, UnaryOperator<String> secrets, long iterationId) {
    /** A call that is not part of an iteration. */
    public CallSpec(String operation, String pathTemplate, String method, HttpUrl url, byte[] body,
                    MediaType bodyType, Headers headers, boolean idempotent, boolean authenticated,
                    ResponseHandler<T> handler, UnaryOperator<String> secrets) {
        this(operation, pathTemplate, method, url, body, bodyType, headers, idempotent, authenticated, handler, secrets,
                0);
    }

    public CallSpec {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(handler, "handler");
        headers = headers == null ? Headers.EMPTY : headers;
    }

    @Override
    public String toString() {
        return operation + " " + method + " " + pathTemplate;
    }
}
