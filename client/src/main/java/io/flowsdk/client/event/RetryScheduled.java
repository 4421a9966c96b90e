package io.flowsdk.client.event;

import java.time.Duration;
import java.util.Objects;

/**
 * The attempt that just ended will be followed by another one after {@code delay}. Comes right
 * after that attempt's {@link AttemptEnded}.
 *
 * @param call             the call
 * @param failedAttempt    the number of the attempt that failed, from 1
 * @param reason           why it is retried
 * @param statusCode       the failed attempt's status, or 0 when no answer came
 * @param delay            the wait before the next attempt (zero after a 401)
 * @param fromRetryAfter   whether the delay is the server's {@code Retry-After} (otherwise the
 *                         client's backoff)
 */
public record RetryScheduled(CallInfo call, int failedAttempt, RetryReason reason, int statusCode, Duration delay,
                             boolean fromRetryAfter) {
    /**
     * Checks the components.
     *
     * @param call           the call
     * @param failedAttempt  the failed attempt's number
     * @param reason         why it is retried
     * @param statusCode     the status, or 0
     * @param delay          the wait
     * @param fromRetryAfter whether the server's {@code Retry-After} set the wait
     */
    public RetryScheduled {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(delay, "delay");
    }
}
