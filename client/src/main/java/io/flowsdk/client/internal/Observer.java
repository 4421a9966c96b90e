package io.flowsdk.client.internal;

import io.flowsdk.client.internal.http.CallSpec;
import okhttp3.Request;

import java.time.Duration;

/**
 * What the transport reports about calls and attempts, for the client's listeners. The default
 * methods do nothing and the transport passes only values it already has, so a client without
 * listeners ({@link #NONE}) pays one interface call per event and allocates nothing.
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
}
