package io.flowsdk.client.internal.auth;

import io.flowsdk.client.internal.Secrets;
import io.flowsdk.client.internal.Tokens;

import java.util.concurrent.CompletableFuture;

/**
 * A fixed bearer token ({@code bearerToken(...)}). A 401 is final: asking again would give the
 * same token.
 */
public final class StaticTokenAuthenticator implements Authenticator {
    private final String token;

    /**
     * @param token the token
     * @throws IllegalArgumentException if it cannot be sent in a header (the message never quotes it)
     */
    public StaticTokenAuthenticator(String token) {
        String problem = Tokens.problem(token);
        if (problem != null) {
            throw new IllegalArgumentException("bearerToken " + problem);
        }
        this.token = token;
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public CompletableFuture<String> tokenAsync() {
        return CompletableFuture.completedFuture(token);
    }

    @Override
    public boolean retryAfterUnauthorized(String rejectedToken) {
        return false;
    }

    @Override
    public String toString() {
        return "bearer token " + Secrets.MASK;
    }
}
