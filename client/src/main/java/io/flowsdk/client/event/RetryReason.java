package io.flowsdk.client.event;

/** Why a failed attempt is followed by another one; see {@link RetryScheduled}. */
public enum RetryReason {
    /** 429 Too Many Requests (any method), after {@code Retry-After} when the server sent one. */
    RATE_LIMITED,
    /** 502, 503 or 504 on a request that may be repeated (a GET, the token request). */
    SERVER_ERROR,
    /** The attempt timed out (only requests that may be repeated are retried then). */
    TIMEOUT,
    /** The connection failed, before the request was sent (any method) or after it (GET only). */
    IO_ERROR,
    /** 401: the access token was rejected; the call is repeated once with a fresh token (client credentials). */
    UNAUTHORIZED
}
