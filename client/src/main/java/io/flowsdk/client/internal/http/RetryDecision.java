package io.flowsdk.client.internal.http;

import io.flowsdk.client.RetryPolicy;

import java.time.Duration;

/**
 * Whether a failed attempt is tried again, and after how long: a pure function of the attempt,
 * the policy, the kind of request and what went wrong. The one place that knows the retry rules;
 * the blocking and the asynchronous transports and {@code FlowsException.isRetryable()} all ask it.
 *
 * <ul>
 *   <li>A status: 429 is retried for every request; 502, 503 and 504 only for idempotent ones
 *       (a GET); every other status is final.</li>
 *   <li>An I/O failure before the request was sent is retried for every request; after it was
 *       sent (reset, timeout, cut-off answer) only for idempotent ones. A cancelled or
 *       interrupted call, a closed client and a redirect loop are never retried.</li>
 *   <li>No retry beyond {@link RetryPolicy#maxAttempts()} (the first try counts).</li>
 *   <li>The wait is the server's {@code Retry-After} when it sent one (longer than
 *       {@link RetryPolicy#maxRetryAfter()}: no retry), else {@link RetryPolicy#backoff}. A wait
 *       that would end after the call's deadline means no retry.</li>
 * </ul>
 */
public final class RetryDecision {
    /** What went wrong in one attempt, as far as retrying is concerned. */
    public enum Failure {
        /** The server answered with a status (see the status). */
        STATUS,
        /** The connection failed before any byte of the request was written. */
        NOT_SENT,
        /** The request was (or may have been) sent; the answer was lost, late or cut off. */
        SENT,
        /** Cancelled, interrupted, the client closed, or a failure that repeating cannot cure. */
        FINAL
    }

    /** Give up. */
    public static final Duration GIVE_UP = null;

    private RetryDecision() {
    }

    /**
     * @param failedAttempt the attempt that just failed, 1-based
     * @param policy        the client's retry policy
     * @param idempotent    whether the request may safely be sent twice (a GET, a token request)
     * @param failure       what went wrong
     * @param status        the status, for {@link Failure#STATUS}
     * @param retryAfter    the server's {@code Retry-After}, or null
     * @param random        a number in [0, 1) for the jitter
     * @param nanosLeft     time left before the call's deadline ({@code Long.MAX_VALUE}: none)
     * @return the wait before the next attempt, or {@link #GIVE_UP} (null)
     */
    public static Duration next(int failedAttempt, RetryPolicy policy, boolean idempotent, Failure failure,
                                int status, Duration retryAfter, double random, long nanosLeft) {
        if (!isRetryable(idempotent, failure, status) || failedAttempt >= policy.maxAttempts()) {
            return GIVE_UP;
        }
        Duration wait;
        if (failure == Failure.STATUS && retryAfter != null) {
            if (retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
                return GIVE_UP; // longer than we accept: fail fast, the exception's retryAfter() tells when
            }
            wait = retryAfter;
        } else {
            wait = policy.backoff(failedAttempt, random);
        }
        return wait.toNanos() > nanosLeft ? GIVE_UP : wait;
    }

    /** Whether this kind of failure is retried at all (attempts and time permitting). */
    public static boolean isRetryable(boolean idempotent, Failure failure, int status) {
        switch (failure) {
            case STATUS:
                return isRetryableStatus(status, idempotent);
            case NOT_SENT:
                return true;
            case SENT:
                return idempotent;
            default:
                return false;
        }
    }

    /** 429 for every request; 502, 503 and 504 for idempotent ones. */
    public static boolean isRetryableStatus(int status, boolean idempotent) {
        return status == 429 || (idempotent && (status == 502 || status == 503 || status == 504));
    }
}
