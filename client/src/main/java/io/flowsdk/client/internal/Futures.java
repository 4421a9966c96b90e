package io.flowsdk.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Derives futures that stay connected to their source: cancelling the derived future cancels the
 * source (and so the HTTP call in flight), which {@code thenApply} alone does not do.
 */
public final class Futures {
    private Futures() {
    }

    /** The source's value mapped by {@code fn}; failures pass through unwrapped. */
    public static <A, B> CompletableFuture<B> map(CompletableFuture<A> source, Function<? super A, ? extends B> fn) {
        return handle(source, (value, failure) -> {
            if (failure != null) {
                throw sneaky(failure);
            }
            return fn.apply(value);
        });
    }

    /**
     * {@code fn} sees the value or the failure (never a {@link CompletionException} wrapper) and
     * returns the result or throws the failure to report.
     */
    public static <A, B> CompletableFuture<B> handle(CompletableFuture<A> source,
                                                     BiFunction<? super A, Throwable, ? extends B> fn) {
        CompletableFuture<B> derived = new CompletableFuture<>();
        source.whenComplete((value, failure) -> {
            try {
                derived.complete(fn.apply(value, unwrap(failure)));
            } catch (Throwable t) {
                derived.completeExceptionally(t);
            }
        });
        derived.whenComplete((value, failure) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }

    /** The failure a future reports, without the {@link CompletionException} wrapper of dependent stages. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Rethrows any throwable from a lambda that may not declare it; the future records it as is. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
