package io.flowsdk.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 Too Many Requests. Thrown when the retries allowed by the client's {@code RetryPolicy}
 * are used up, or at once when the server asks for a wait longer than the policy accepts.
 */
public class RateLimitedException extends FlowsApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param retryAfter the wait the server asked for in {@code Retry-After}, or {@code null}
     * @see FlowsApiException#FlowsApiException(int, String, String, String, String, String, String)
     */
    public RateLimitedException(int statusCode, String method, String path, String errorCode,
                                String errorMessage, String errorStatus, String responseBody,
                                Duration retryAfter) {
        super(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody);
        this.retryAfter = retryAfter;
    }

    /** @return the wait the server asked for ({@code Retry-After}, seconds or HTTP date), if it sent one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
