package io.flowsdk.client.internal.bulk;

import io.flowsdk.client.FlowCancellation;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What a bulk run does to one item: send the change, and read the item back to see whether it
 * shows the change. Both return at once; the run's calls carry no per-call retries.
 *
 * @param <R> what one item's success is
 */
public interface BulkOperation<R> {
    /** @return the operation for messages, for example {@code complete of task} */
    String name();

    /** Sends the change to the item with this id. */
    CompletableFuture<Outcome<R>> send(String id);

    /** Reads the item with this id and says whether it shows the change. */
    CompletableFuture<Confirmation<R>> read(String id);

    /**
     * The answer to a change.
     *
     * @param value   the success, or null when partial
     * @param partial a flow cancel answered 207, or null
     */
    record Outcome<R>(R value, FlowCancellation partial) {
        public static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }
    }

    /**
     * What a read found.
     *
     * @param value the success the item's state shows, or null when it does not show the change
     * @param found what the item's state is, for messages
     */
    record Confirmation<R>(R value, String found) {
    }

    /** An operation from two functions. */
    static <R> BulkOperation<R> of(String name, Function<String, CompletableFuture<Outcome<R>>> send,
                                   Function<String, CompletableFuture<Confirmation<R>>> read) {
        return new BulkOperation<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CompletableFuture<Outcome<R>> send(String id) {
                return send.apply(id);
            }

            @Override
            public CompletableFuture<Confirmation<R>> read(String id) {
                return read.apply(id);
            }
        };
    }
}
