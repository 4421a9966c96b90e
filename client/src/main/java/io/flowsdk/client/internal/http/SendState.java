package io.flowsdk.client.internal.http;

import okhttp3.HttpUrl;

/**
 * Travels with each attempt's request (as its tag) to the network interceptors: the origin the
 * token may go to, the token (so that logging can mask it), and whether the request reached the
 * network, which decides whether a failed POST may be retried.
 */
final class SendState {
    final HttpUrl origin;
    final String token;
    volatile boolean sent;

    SendState(HttpUrl origin, String token) {
        this.origin = origin;
        this.token = token;
    }
}
