package io.flowsdk.client.internal.paging;

import java.util.concurrent.CompletableFuture;

/** Fetches one page of a list: the engine's only view of HTTP. */
public interface PageFetcher<T> {
    /**
     * Fetches on the calling thread.
     *
     * @param startIndex 1-based index of the first item wanted
     * @param count      how many items are wanted (0 asks only for the total)
     */
    FetchedPage<T> fetch(long startIndex, int count);

    /**
     * Fetches without blocking; cancelling the future cancels the request.
     *
     * @param startIndex 1-based index of the first item wanted
     * @param count      how many items are wanted
     */
    CompletableFuture<FetchedPage<T>> fetchAsync(long startIndex, int count);
}
