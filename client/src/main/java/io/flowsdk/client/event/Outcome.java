package io.flowsdk.client.event;

/**
 * How a call, an attempt or an iteration ended, in a few classes fit for a metrics tag. Derived
 * from the status and the exception; {@link #SUCCESS} for every 2xx answer that was read, 207
 * included.
 */
public enum Outcome {
    /** A 2xx answer, read as promised (an iteration: it reached its end). */
    SUCCESS,
    /** A 4xx answer other than 429: {@code BadRequestException}, {@code NotFoundException}, ... */
    CLIENT_ERROR,
    /** 429 Too Many Requests: {@code RateLimitedException}. */
    RATE_LIMITED,
    /** A 5xx answer: {@code ServerException}. */
    SERVER_ERROR,
    /** A 2xx answer that was not the JSON promised: {@code MalformedResponseException}. */
    MALFORMED_RESPONSE,
    /** No answer in time: the attempt's or the call's timeout. */
    TIMEOUT,
    /** The connection failed, was reset or was cut off: {@code FlowsTransportException}. */
    IO_ERROR,
    /** Cancelled by the caller (a future cancelled, an iteration closed early) or by closing the client. */
    CANCELLED,
    /** The calling thread was interrupted: {@code FlowsInterruptedException}. */
    INTERRUPTED,
    /** No access token could be obtained: {@code AuthenticationException}. */
    AUTHENTICATION_ERROR,
    /** Anything else (an answer outside 2xx-5xx, a failure of another kind). */
    UNKNOWN
}
