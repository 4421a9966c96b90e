package io.flowsdk.client.event;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;

/**
 * One attempt ended: an answer came (any status), or it failed without one.
 *
 * @param call           the call
 * @param attempt        the attempt's number, from 1
 * @param statusCode     the answer's status, or 0 when none came
 * @param duration       from sending to the answer read (or the failure)
 * @param outcome        how it ended
 * @param exceptionClass the class of the exception this attempt ended with, or null on success
 */
public record AttemptEnded(CallInfo call, int attempt, int statusCode, Duration duration, Outcome outcome,
                           @Nullable Class<? extends Throwable> exceptionClass) {
    /**
     * Checks the components.
     *
     * @param call           the call
     * @param attempt        the attempt's number
     * @param statusCode     the status, or 0
     * @param duration       the attempt's duration
     * @param outcome        how it ended
     * @param exceptionClass the exception's class, or null
     */
    public AttemptEnded {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
    }
}
