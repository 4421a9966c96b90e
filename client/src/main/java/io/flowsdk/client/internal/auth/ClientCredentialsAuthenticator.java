package io.flowsdk.client.internal.auth;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * OAuth 2.0 client credentials: tokens from a {@link TokenCache} that fetches them at a
 * {@link TokenEndpoint}. A 401 drops the rejected token, and the retry gets a new one.
 */
public final class ClientCredentialsAuthenticator implements Authenticator {
    private final TokenEndpoint endpoint;
    private final TokenCache cache;

    /**
     * @param endpoint the token endpoint (for the description)
     * @param cache    the cache, whose fetch function sends {@code endpoint.request()}
     */
    public ClientCredentialsAuthenticator(TokenEndpoint endpoint, TokenCache cache) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public String token() {
        return cache.get();
    }

    @Override
    public CompletableFuture<String> tokenAsync() {
        return cache.getAsync();
    }

    @Override
    public boolean retryAfterUnauthorized(String rejectedToken) {
        cache.invalidate(rejectedToken);
        return true;
    }

    /** @return the endpoint this authenticator fetches tokens from */
    public TokenEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
