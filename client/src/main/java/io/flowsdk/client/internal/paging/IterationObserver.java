package io.flowsdk.client.internal.paging;

/**
 * What one iteration of a {@link PagingEngine} reports: its start, each page it takes in, its
 * end. {@link #NONE} when nobody listens. {@link #ended} may be called more than once (the end
 * of the list, then the iterator's close): only the first call counts.
 */
public interface IterationObserver {
    /** Reports nothing. */
    IterationObserver NONE = new IterationObserver() {
    };

    /** {@return the iteration's number, carried by its page calls; 0 when nobody listens} */
    default long id() {
        return 0;
    }

    /** The first page is about to be requested. */
    default void started() {
    }

    /**
     * A page was taken in.
     *
     * @param startIndex   the index asked for
     * @param items        the items it brings to the consumer
     * @param totalResults the total it reported, or null
     * @param inFlight     page requests still in flight
     */
    default void page(long startIndex, int items, Long totalResults, int inFlight) {
    }

    /**
     * The iteration ended.
     *
     * @param failure   what the consumer got, or null
     * @param cancelled closed before its end (the consumer stopped)
     */
    default void ended(Throwable failure, boolean cancelled) {
    }
}
