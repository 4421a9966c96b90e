package io.flowsdk.client.internal;

import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.MalformedResponseException;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a complete or cancel whose answer was lost did, found out by reading the item instead of
 * guessing. Complete and cancel move an item out of its open state, so its state tells whether the
 * change happened: a task reads {@code completed} (with the variables sent) or {@code canceled}.
 *
 * <p>A failure is <em>ambiguous</em> when the request may have been applied although no answer
 * came back: an I/O failure after the request was (or may have been) sent (a connection reset, a
 * timeout, an answer cut off), or a 2xx answer that could not be read. Any other failure stands as
 * it is: an answer with an error status (the server said what happened), a connection that failed
 * before sending, an interrupt.
 *
 * <p>After an ambiguous failure the item is read once (a GET, with the client's retries): when
 * its state shows the change, the call succeeds with the item read; otherwise (or when the read
 * fails too) the original failure is thrown, with a suppressed exception saying what the read
 * found. The state cannot tell who made the change: a task another client completed with the same
 * variables counts as completed.
 */
public final class Reconciliation {
    private Reconciliation() {
    }

    /**
     * @param failure a failure of a POST
     * @return whether the POST may have been applied although no success came back
     */
    public static boolean isAmbiguous(Throwable failure) {
        if (failure instanceof FlowsTransportException t) {
            return !t.isRetryable(); // retryable means the connection failed before the request was sent
        }
        return failure instanceof MalformedResponseException m && m.statusCode() >= 200 && m.statusCode() < 300;
    }

    /**
     * After a failed POST: the item read back when the failure is ambiguous and the item shows the
     * change; otherwise the failure is thrown.
     *
     * @param failure    the POST's failure
     * @param what       the item, for the message, for example {@code task t-1}
     * @param read       reads the item (blocking)
     * @param showsChange whether the item read shows the change the POST asked for
     * @param describe   what the item read shows, for the message when it does not show the change
     * @return the item read
     * @throws FlowsException {@code failure} when it is not ambiguous or the item does not show the change
     */
    public static <T> T confirm(FlowsException failure, String what, Supplier<T> read, Predicate<T> showsChange,
                                Function<T, String> describe) {
        if (!isAmbiguous(failure)) {
            throw failure;
        }
        T item;
        try {
            item = read.get();
        } catch (RuntimeException readFailure) {
            failure.addSuppressed(readFailure);
            throw failure;
        }
        if (showsChange.test(item)) {
            return item;
        }
        failure.addSuppressed(notApplied(what, describe.apply(item)));
        throw failure;
    }

    /**
     * The non-blocking form of {@link #confirm}: the source's value, or after an ambiguous failure
     * the item read back if it shows the change. Cancelling the result cancels the POST or the read.
     */
    public static <T> CompletableFuture<T> confirmAsync(CompletableFuture<T> source, String what,
                                                       Supplier<CompletableFuture<T>> read, Predicate<T> showsChange,
                                                       Function<T, String> describe) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<?>[] current = {source};
        result.whenComplete((v, f) -> {
            if (result.isCancelled()) {
                current[0].cancel(true);
            }
        });
        source.whenComplete((value, thrown) -> {
            Throwable failure = Futures.unwrap(thrown);
            if (failure == null) {
                result.complete(value);
                return;
            }
            if (!(failure instanceof FlowsException original) || !isAmbiguous(failure) || result.isDone()) {
                result.completeExceptionally(failure);
                return;
            }
            CompletableFuture<T> reading;
            try {
                reading = read.get();
            } catch (RuntimeException e) {
                original.addSuppressed(e);
                result.completeExceptionally(original);
                return;
            }
            current[0] = reading;
            if (result.isCancelled()) {
                reading.cancel(true);
            }
            reading.whenComplete((item, readThrown) -> {
                Throwable readFailure = Futures.unwrap(readThrown);
                if (readFailure != null) {
                    original.addSuppressed(readFailure);
                    result.completeExceptionally(original);
                } else if (showsChange.test(item)) {
                    result.complete(item);
                } else {
                    original.addSuppressed(notApplied(what, describe.apply(item)));
                    result.completeExceptionally(original);
                }
            });
        });
        return result;
    }

    private static FlowsException notApplied(String what, String found) {
        return new FlowsException(what + " was read after this failure: " + found + ", which does not show the "
                + "change, so the request was not applied (or not yet)");
    }
}
