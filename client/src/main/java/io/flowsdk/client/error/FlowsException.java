package io.flowsdk.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the Flows SDK throws. Unchecked, so that paging iterators and
 * streams can surface failures without wrapping.
 *
 * <p>No message or {@code toString()} of this exception or its subclasses ever contains the
 * bearer token.
 */
public class FlowsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message a description of what went wrong
     */
    public FlowsException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message a description of what went wrong
     * @param cause   the underlying failure, kept for diagnosis
     */
    public FlowsException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the failed call could succeed if made again as it was: a rate limit, an overloaded
     * or unreachable server, a connection that failed before the request was sent. The answer
     * follows the same rules as the client's {@code RetryPolicy} (so an exception the client
     * already retried until it gave up answers {@code true}); bad input, a missing resource, a
     * malformed answer or an interrupted call answer {@code false}.
     *
     * @return whether trying the same call again may succeed
     */
    public boolean isRetryable() {
        return false;
    }
}
