package io.flowsdk.client.internal.paging;

/**
 * Pages of one iteration, one after the other: what {@link ItemIterator} and {@link PageIterator}
 * read. Offset paging ({@link PagingEngine}) and keyset paging ({@link KeysetEngine}) are the two
 * kinds.
 *
 * @param <T> the item type
 */
public interface PageSource<T> extends AutoCloseable {
    /** @return the next non-empty page (the first page even when empty), or null at the end */
    FetchedPage<T> nextPage();

    /** Ends the iteration and cancels what is in flight. Idempotent; safe from another thread. */
    @Override
    void close();
}
