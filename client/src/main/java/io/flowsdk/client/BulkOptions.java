package io.flowsdk.client;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a bulk run goes: its concurrency and where its progress is reported. Immutable: every
 * method returns new options. Start from {@link Bulk#options()}.
 */
public final class BulkOptions {
    static final BulkOptions DEFAULTS = new BulkOptions(Bulk.DEFAULT_CONCURRENCY, null);

    private final int concurrency;
    private final @Nullable Consumer<BulkProgress> onProgress;

    private BulkOptions(int concurrency, @Nullable Consumer<BulkProgress> onProgress) {
        this.concurrency = concurrency;
        this.onProgress = onProgress;
    }

    /**
     * Returns options with this concurrency.
     *
     * @param concurrency the most requests of the run in flight at once, 1 to
     *                    {@value Bulk#MAX_CONCURRENCY}; default {@value Bulk#DEFAULT_CONCURRENCY}. A 429
     *                    lowers it for a while (see {@link Bulk})
     * @return options with this concurrency
     * @throws IllegalArgumentException if out of range
     */
    public BulkOptions concurrency(int concurrency) {
        if (concurrency < 1 || concurrency > Bulk.MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + Bulk.MAX_CONCURRENCY + ", was "
                    + concurrency);
        }
        return new BulkOptions(concurrency, onProgress);
    }

    /**
     * Returns options that report progress here.
     *
     * @param onProgress called after each item's outcome is known, on the thread that runs the bulk
     *                   operation, one call at a time; an exception it throws ends the run (requests
     *                   in flight are cancelled) and is thrown by the bulk operation
     * @return options that report progress here
     */
    public BulkOptions onProgress(Consumer<BulkProgress> onProgress) {
        return new BulkOptions(concurrency, Objects.requireNonNull(onProgress, "onProgress"));
    }

    /**
     * Returns the most requests in flight at once.
     *
     * @return the most requests in flight at once
     */
    public int concurrency() {
        return concurrency;
    }

    /**
     * Returns the progress callback.
     *
     * @return the progress callback, or {@code null} for none
     */
    public @Nullable Consumer<BulkProgress> onProgress() {
        return onProgress;
    }

    @Override
    public String toString() {
        return "BulkOptions{concurrency=" + concurrency + (onProgress == null ? "" : ", onProgress") + "}";
    }
}
