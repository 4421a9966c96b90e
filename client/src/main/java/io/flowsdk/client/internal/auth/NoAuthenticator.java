package io.flowsdk.client.internal.auth;

import java.util.concurrent.CompletableFuture;

/** Sends no {@code Authorization} header: for stubs, and for clients built with {@code noAuthentication()}. */
public final class NoAuthenticator implements Authenticator {
    /** The one instance. */
    public static final NoAuthenticator INSTANCE = new NoAuthenticator();

    private NoAuthenticator() {
    }

    @Override
    public String token() {
        return null;
    }

    @Override
    public CompletableFuture<String> tokenAsync() {
        return CompletableFuture.completedFuture(null); // a new one each time: callers may complete or cancel theirs
    }

    @Override
    public boolean retryAfterUnauthorized(String rejectedToken) {
        return false;
    }

    @Override
    public String toString() {
        return "none";
    }
}
