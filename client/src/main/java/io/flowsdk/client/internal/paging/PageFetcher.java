package io.flowsdk.client.internal.paging;

import io.flowsdk.client.internal.Cancellation;

/** Fetches one page of a list: the engine's only view of HTTP. */
@FunctionalInterface
public interface PageFetcher<T> {
    /**
     * @param startIndex   1-based index of the first item wanted
     * @param count        how many items are wanted (0 asks only for the total)
     * @param cancellation lets the engine stop the call from another thread
     */
    FetchedPage<T> fetch(long startIndex, int count, Cancellation cancellation);
}
