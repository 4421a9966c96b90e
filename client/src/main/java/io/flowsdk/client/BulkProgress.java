package io.flowsdk.client;

import java.util.OptionalLong;

/**
 * How far a bulk run is: reported to {@link BulkOptions#onProgress} after each item's outcome.
 * Immutable.
 */
public final class BulkProgress {
    private final long done;
    private final long failed;
    private final long total;

    /**
     * Creates the report; the SDK does, tests of your own code may too.
     *
     * @param done   items whose outcome is known (succeeded, partial or failed)
     * @param failed of those, the items that failed
     * @param total  the items of the run, or -1 when not known (yet)
     */
    public BulkProgress(long done, long failed, long total) {
        this.done = done;
        this.failed = failed;
        this.total = total;
    }

    /**
     * Returns the items whose outcome is known.
     *
     * @return the items whose outcome is known (succeeded, partial or failed)
     */
    public long done() {
        return done;
    }

    /**
     * Returns the items that failed so far.
     *
     * @return the items that failed so far
     */
    public long failed() {
        return failed;
    }

    /**
     * Returns the items of the run, when known: the number of ids given, or the
     * {@code totalResults} of the query's first page (items added while the run goes may add to it).
     *
     * @return the items of the run, or empty when not known
     */
    public OptionalLong total() {
        return total < 0 ? OptionalLong.empty() : OptionalLong.of(total);
    }

    @Override
    public String toString() {
        return "BulkProgress{done=" + done + (total < 0 ? "" : "/" + total) + ", failed=" + failed + "}";
    }
}
