package io.flowsdk.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the Flows SDK throws. Unchecked, so that paging iterators and
 * streams can surface failures without wrapping.
 *
 * <p>The contract: every failure of a call made through {@code FlowsClient}, {@code Tasks},
 * {@code Flows} or a {@code Query} is a {@code FlowsException}, whether it happens in the network,
 * in the answer's bytes or JSON shape, in authentication or in the status the server sent. A
 * blocking call, an iterator or a stream throws it; an asynchronous call's future completes
 * exceptionally with it (the cause of the {@code ExecutionException} that {@code get()} throws).
 * Nothing else leaks out of a call: no {@code IOException} or {@code UncheckedIOException}, no
 * exception of the JSON library, no {@code ClassCastException} or {@code DateTimeParseException}
 * from an answer of the wrong shape. The subclasses say what went wrong:
 * <ul>
 * <li>{@link FlowsApiException}: the server answered outside 2xx; a subclass per status
 *     ({@link BadRequestException}, {@link UnauthorizedException}, {@link ForbiddenException},
 *     {@link NotFoundException}, {@link RateLimitedException}, {@link ServerException}).</li>
 * <li>{@link FlowsTransportException}: no usable answer (connection refused or reset, timeout,
 *     an answer cut off).</li>
 * <li>{@link MalformedResponseException}: a 2xx answer that is not the JSON the API promises.</li>
 * <li>{@link AuthenticationException}: no access token could be obtained, so nothing was sent.</li>
 * <li>{@link FlowsInterruptedException}, {@link WaitTimeoutException},
 *     {@link PartialFailureException}, {@link BulkFailureException}: an interrupted call, an
 *     {@code await} that ran out of time, a partial flow cancel, a bulk run with failures.</li>
 * </ul>
 * {@link #isRetryable()} says whether making the same call again may succeed.
 *
 * <p>Bad input is not a {@code FlowsException}: it is a mistake in the calling code, reported
 * by the method itself (the asynchronous ones too, rather than through their future) before any
 * byte is sent. A {@code null} where none is allowed throws {@link NullPointerException} (the
 * public packages are {@code @NullMarked}: only types marked {@code @Nullable} accept null); an
 * argument out of range, a blank id, {@code .} or {@code ..} as an id, or a string with an
 * unpaired surrogate throws {@link IllegalArgumentException}, and a malformed filter string its
 * subclass {@link io.flowsdk.client.filter.FilterParseException}. A call started on a closed
 * client, or an iterator used after it closed, throws {@link IllegalStateException} (a call in
 * flight when the client closes fails with {@link FlowsTransportException}). An exception thrown by your own code that the SDK calls
 * (an {@code await} condition, a bulk run's progress callback) reaches you as it is.
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
