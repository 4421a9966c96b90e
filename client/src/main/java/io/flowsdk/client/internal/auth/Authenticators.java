package io.flowsdk.client.internal.auth;

import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.internal.Tokens;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The simple ways to authenticate: none, a fixed token, a caller's token provider. */
public final class Authenticators {
    private Authenticators() {
    }

    /** Sends no {@code Authorization} header. */
    public static Authenticator none() {
        return new Fixed(null);
    }

    /** Sends the same token with every attempt; a 401 is final. */
    public static Authenticator fixed(String token) {
        return new Fixed(Tokens.check(token));
    }

    /**
     * Asks {@code provider} for each attempt's token; the asynchronous form asks it on
     * {@code executor}, never on the caller's thread. What it throws becomes a {@link FlowsException}.
     */
    public static Authenticator provider(Supplier<String> provider, Executor executor) {
        return new Provided(provider, executor);
    }

    private record Fixed(String value) implements Authenticator {
        @Override
        public String token() {
            return value;
        }

        @Override
        public CompletableFuture<String> tokenAsync() {
            return CompletableFuture.completedFuture(value);
        }

        @Override
        public boolean retryAfterUnauthorized(String rejectedToken) {
            return false;
        }

        @Override
        public String toString() {
            return value == null ? "none" : "bearer token";
        }
    }

    private record Provided(Supplier<String> provider, Executor executor) implements Authenticator {
        @Override
        public String token() {
            String t;
            try {
                t = provider.get();
            } catch (RuntimeException e) {
                throw new FlowsException("the token provider failed: " + e.getClass().getName(), e);
            }
            return Tokens.check(t);
        }

        @Override
        public CompletableFuture<String> tokenAsync() {
            return CompletableFuture.supplyAsync(this::token, executor);
        }

        @Override
        public boolean retryAfterUnauthorized(String rejectedToken) {
            return false;
        }

        @Override
        public String toString() {
            return "token provider";
        }
    }
}
