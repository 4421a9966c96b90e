package io.flowsdk.client.event;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;

/**
 * A call ended: it returned (or completed its future) with a value, or failed. Exactly one per
 * {@link CallStarted}, and the last event of the call.
 *
 * @param call           the call
 * @param statusCode     the status of the last answer, or 0 when none came
 * @param duration       from {@link CallStarted} to now: every attempt, token wait and retry delay included
 * @param attempts       how many attempts were sent (0 when it failed before the first, for example
 *                       without a token)
 * @param outcome        how it ended
 * @param exceptionClass the class of the exception the caller got, or null on success
 */
public record CallEnded(CallInfo call, int statusCode, Duration duration, int attempts, Outcome outcome,
                        @Nullable Class<? extends Throwable> exceptionClass) {
    /**
     * Checks the components.
     *
     * @param call           the call
     * @param statusCode     the status, or 0
     * @param duration       the call's duration
     * @param attempts       the attempts sent
     * @param outcome        how it ended
     * @param exceptionClass the exception's class, or null
     */
    public CallEnded {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
    }
}
