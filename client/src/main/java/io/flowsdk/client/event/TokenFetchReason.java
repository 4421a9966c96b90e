package io.flowsdk.client.event;

/** Why the client (client credentials) requested an access token. */
public enum TokenFetchReason {
    /** The client's first token, or a retry after fetches that all failed. */
    INITIAL,
    /** The previous token expired (or came without a usable lifetime) and calls are waiting for one. */
    EXPIRED,
    /** The previous token is still valid but close to its expiry: replaced ahead, no call waits. */
    REFRESH_AHEAD,
    /** A 401 rejected the previous token. */
    REJECTED
}
