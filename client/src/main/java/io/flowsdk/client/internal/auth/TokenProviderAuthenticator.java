package io.flowsdk.client.internal.auth;

import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.internal.Tokens;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * A user's {@code tokenProvider}, asked for every attempt (so rotated tokens are picked up).
 * Whatever it throws, and a token that cannot be sent, becomes an {@link AuthenticationException}.
 * The asynchronous form runs it on the client's executor, never on the caller's thread: it may
 * block (a vault, a file, its own token request).
 *
 * <p>On a 401 it is simply asked again: the retry happens only if it then returns a different
 * token (see {@link Authenticator}), so a provider with a cache of its own that still holds the
 * rejected token costs no second request.
 */
public final class TokenProviderAuthenticator implements Authenticator {
    private final Supplier<String> provider;
    private final Executor executor;

    /**
     * @param provider the user's supplier
     * @param executor where {@link #tokenAsync()} runs it
     */
    public TokenProviderAuthenticator(Supplier<String> provider, Executor executor) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public String token() {
        String token;
        try {
            token = provider.get();
        } catch (AuthenticationException e) {
            throw e;
        } catch (Exception e) { // RuntimeException, or a checked exception thrown sneakily
            throw new AuthenticationException("the tokenProvider threw " + e.getClass().getName()
                    + " (see the cause)", null, null, 0, e);
        }
        String problem = Tokens.problem(token);
        if (problem != null) {
            throw new AuthenticationException("the tokenProvider returned a token that " + problem, null, null, 0,
                    null);
        }
        return token;
    }

    @Override
    public CompletableFuture<String> tokenAsync() {
        CompletableFuture<String> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    future.complete(token());
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                    if (t instanceof Error) {
                        throw (Error) t;
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            if (executor instanceof ExecutorService && ((ExecutorService) executor).isShutdown()) {
                future.completeExceptionally(new IllegalStateException("this FlowsClient is closed", e));
            } else {
                future.completeExceptionally(new AuthenticationException("could not run the tokenProvider: "
                        + "the client's executor refused the task", null, null, 0, e));
            }
        }
        return future;
    }

    @Override
    public boolean retryAfterUnauthorized(String rejectedToken) {
        return true;
    }

    @Override
    public String toString() {
        return "token provider";
    }
}
