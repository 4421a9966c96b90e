package io.flowsdk.client.internal.http;

import io.flowsdk.client.internal.Secrets;
import okhttp3.HttpUrl;

import java.util.function.UnaryOperator;

/**
 * Travels with each attempt's call (see {@link HttpClients#newCall}) to the network interceptors:
 * the origin the token may go to, the token (so that logging can mask it), and whether the request
 * reached the network, which decides whether a failed POST may be retried.
 */
final class SendState {
    final HttpUrl origin;
    final String token;
    /** The call's other secrets' mask, or null for none. */
    final UnaryOperator<String> secrets;
    volatile boolean sent;

    SendState(HttpUrl origin, String token, UnaryOperator<String> secrets) {
        this.origin = origin;
        this.token = token;
        this.secrets = secrets;
    }

    /** @return the text with the attempt's token and the call's other secrets masked */
    String mask(String text) {
        String masked = Secrets.redact(text, token);
        return secrets == null ? masked : secrets.apply(masked);
    }
}
