package io.flowsdk.client.internal;

import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsInterruptedException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.event.Outcome;
import io.flowsdk.client.event.RetryReason;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * Sorts a status and a failure into an {@link Outcome} or a {@link RetryReason}: by the
 * exception's type first, then for transport failures by their cause, the way the transport
 * itself tells a timeout from a cancellation.
 */
final class Outcomes {
    private Outcomes() {
    }

    /**
     * @param clientClosed whether the client is closed: a transport failure is then the close's doing
     */
    static Outcome of(int status, Throwable failure, boolean clientClosed) {
        if (failure == null) {
            return status == 0 || (status >= 200 && status < 300) ? Outcome.SUCCESS : Outcome.UNKNOWN;
        }
        if (failure instanceof FlowsInterruptedException) {
            return Outcome.INTERRUPTED;
        }
        if (failure instanceof AuthenticationException) {
            return Outcome.AUTHENTICATION_ERROR;
        }
        if (failure instanceof MalformedResponseException) {
            return Outcome.MALFORMED_RESPONSE;
        }
        if (failure instanceof RateLimitedException) {
            return Outcome.RATE_LIMITED;
        }
        if (failure instanceof FlowsApiException api) {
            return ofStatus(api.statusCode());
        }
        if (failure instanceof FlowsTransportException) {
            Throwable cause = failure.getCause();
            if (isTimeout(cause)) {
                return Outcome.TIMEOUT;
            }
            return clientClosed || isCancellation(cause) ? Outcome.CANCELLED : Outcome.IO_ERROR;
        }
        // an iteration that asked a closed client for its next page gets "closed" (IllegalStateException)
        return clientClosed ? Outcome.CANCELLED : Outcome.UNKNOWN;
    }

    static Outcome ofStatus(int status) {
        if (status == 429) {
            return Outcome.RATE_LIMITED;
        }
        if (status >= 400 && status < 500) {
            return Outcome.CLIENT_ERROR;
        }
        return status >= 500 && status < 600 ? Outcome.SERVER_ERROR : Outcome.UNKNOWN;
    }

    static RetryReason retryReason(int status, Throwable failure) {
        if (status == 401) {
            return RetryReason.UNAUTHORIZED;
        }
        if (status == 429) {
            return RetryReason.RATE_LIMITED;
        }
        if (status != 0) {
            return RetryReason.SERVER_ERROR;
        }
        return failure != null && isTimeout(failure.getCause()) ? RetryReason.TIMEOUT : RetryReason.IO_ERROR;
    }

    /** A read/connect timeout, or OkHttp's call timeout, as the transport tells them. */
    private static boolean isTimeout(Throwable t) {
        return t instanceof SocketTimeoutException
                || (t instanceof InterruptedIOException && "timeout".equals(t.getMessage()));
    }

    /** A future cancelled or an iteration closed ({@code InterruptedIOException}), or OkHttp's "Canceled". */
    private static boolean isCancellation(Throwable t) {
        return t instanceof InterruptedIOException
                || (t instanceof IOException && "Canceled".equals(t.getMessage()));
    }
}
