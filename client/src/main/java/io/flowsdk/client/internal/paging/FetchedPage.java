package io.flowsdk.client.internal.paging;

import java.util.List;

/**
 * One page as the server sent it. {@code totalResults}, {@code startIndex} and
 * {@code itemsPerPage} are null when the server left them out.
 */
public record FetchedPage<T>(List<T> items, Long totalResults, Long startIndex, Integer itemsPerPage) {
    public FetchedPage {
        items = items == null ? List.of() : items;
    }

    FetchedPage<T> withItems(List<T> newItems) {
        return new FetchedPage<>(newItems, totalResults, startIndex, itemsPerPage);
    }
}
