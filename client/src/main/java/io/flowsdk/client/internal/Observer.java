package io.flowsdk.client.internal;

import io.flowsdk.client.event.TokenFetchReason;
import io.flowsdk.client.internal.http.CallSpec;
import io.flowsdk.client.internal.paging.IterationObserver;
import okhttp3.Request;

import java.time.Duration;

/**
 * What the transport, the paging engine, the token cache and the facade report, for the
 * client's listeners ({@link ListenerObserver}). The default methods do nothing and the callers
 * pass only values they already have, so a client without listeners ({@link #NONE}) pays one
 * interface call per event and allocates nothing.
 */
public interface Observer {
    /** Reports nothing. */
    Observer NONE = new Observer() {
    };

    /** A call begins (on the caller's thread). */
    default void callStarted(CallSpec<?> call, long callId) {
    }

    /** An attempt is about to be sent; {@code request} may receive extra headers (trace context). */
    default void attemptStarted(CallSpec<?> call, long callId, int attempt, Request.Builder request) {
    }

    /**
     * An attempt ended: with a status (0 if none came), or with a failure.
     *
     * @param nanos the attempt's duration
     */
    default void attemptEnded(CallSpec<?> call, long callId, int attempt, int status, long nanos, Throwable failure) {
    }

    /** The attempt that just failed will be followed by another one after {@code delay}. */
    default void retryScheduled(CallSpec<?> call, long callId, int failedAttempt, int status, Throwable failure,
                                Duration delay, boolean retryAfterHeader) {
    }

    /**
     * The call ended, with the final status (0 if none) and the failure thrown, if any.
     *
     * @param nanos the call's duration, waits between attempts included
     */
    default void callEnded(CallSpec<?> call, long callId, int status, long nanos, int attempts, Throwable failure) {
    }

    /**
     * An iteration over a list is being set up (nothing sent yet).
     *
     * @return the observer of that one iteration, {@link IterationObserver#NONE} when nobody listens
     */
    default IterationObserver iteration(String operation, String pathTemplate, int pageSize, int parallelism) {
        return IterationObserver.NONE;
    }

    /** A token request succeeded; {@code lifetime} as the cache will use it. */
    default void tokenFetched(TokenFetchReason reason, Duration took, Duration lifetime) {
    }

    /** A token request failed; {@code previousTokenValid}: calls go on with the old token. */
    default void tokenFetchFailed(TokenFetchReason reason, Duration took, Throwable failure,
                                  boolean previousTokenValid) {
    }

    /** A call's answer was a partial success (a flow cancel answered 207). */
    default void partialResult(long callId, String operation, int statusCode, int succeeded, int failed) {
    }
}
