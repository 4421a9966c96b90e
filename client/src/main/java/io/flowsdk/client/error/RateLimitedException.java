package io.flowsdk.client.error;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 Too Many Requests. Thrown when the retries allowed by the client's {@code RetryPolicy}
 * are used up, or at once when the server asks for a wait longer than the policy accepts.
 */
public class RateLimitedException extends FlowsApiException {
    private static final long serialVersionUID = 1L;

    /** The wait the server asked for in {@code Retry-After}, or {@code null}. */
    private final @Nullable Duration retryAfter;

    /**
     * Creates the exception; the SDK does, tests of your own code may too.
     *
     * @param statusCode   the HTTP status
     * @param method       the HTTP method sent
     * @param path         the path sent, without the query
     * @param errorCode    the error body's {@code code}, as sent, or {@code null}
     * @param errorMessage the error body's {@code message}, or {@code null}
     * @param errorStatus  the error body's {@code status}, or {@code null}
     * @param responseBody the response body (cut to 2048 characters), or {@code null}
     * @param retryAfter   the wait the server asked for in {@code Retry-After}, or {@code null}
     */
    public RateLimitedException(int statusCode, String method, String path, @Nullable String errorCode,
                                @Nullable String errorMessage, @Nullable String errorStatus, @Nullable String responseBody,
                                @Nullable Duration retryAfter) {
        this(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody, retryAfter,
                java.util.Map.of());
    }

    /**
     * Creates the exception with the response headers; the SDK does, tests of your own code may too.
     *
     * @param statusCode      the HTTP status
     * @param method          the HTTP method sent
     * @param path            the path sent, without the query
     * @param errorCode       the error body's {@code code}, as sent, or {@code null}
     * @param errorMessage    the error body's {@code message}, or {@code null}
     * @param errorStatus     the error body's {@code status}, or {@code null}
     * @param responseBody    the response body (cut to 2048 characters), or {@code null}
     * @param retryAfter      the wait the server asked for in {@code Retry-After}, or {@code null}
     * @param responseHeaders the response headers, or an empty map
     */
    public RateLimitedException(int statusCode, String method, String path, @Nullable String errorCode,
                                @Nullable String errorMessage, @Nullable String errorStatus, @Nullable String responseBody,
                                @Nullable Duration retryAfter,
                                java.util.Map<String, java.util.List<String>> responseHeaders) {
        super(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody, responseHeaders);
        this.retryAfter = retryAfter;
    }

    /** {@return the wait the server asked for ({@code Retry-After}, seconds or HTTP date), if it sent one} */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
