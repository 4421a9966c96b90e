package io.flowsdk.client.event;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;

/**
 * A token request failed (client credentials). When the previous token is still valid
 * ({@code previousTokenValid}), calls go on with it and nobody sees the failure; otherwise
 * the calls that waited fail with {@code AuthenticationException}.
 *
 * @param reason             why the token was requested
 * @param duration           how long the request took, retries included (on the client's clock)
 * @param exceptionClass     the failure's class, usually {@code AuthenticationException}
 * @param error              the OAuth 2.0 error code the endpoint answered ({@code invalid_client}, ...),
 *                           or null
 * @param statusCode         the endpoint's status, or 0 when it did not answer
 * @param previousTokenValid whether the previous token is still valid and stays in use
 */
public record TokenFetchFailed(TokenFetchReason reason, Duration duration, Class<? extends Throwable> exceptionClass,
                               @Nullable String error, int statusCode, boolean previousTokenValid) {
    /**
     * Checks the components.
     *
     * @param reason             why the token was requested
     * @param duration           the request's duration
     * @param exceptionClass     the failure's class
     * @param error              the OAuth 2.0 error code, or null
     * @param statusCode         the status, or 0
     * @param previousTokenValid whether the previous token stays in use
     */
    public TokenFetchFailed {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(exceptionClass, "exceptionClass");
    }
}
