package io.flowsdk.client;

import java.util.List;

/**
 * One page of a list: the items of one request, and where they sit in the whole list.
 * Immutable; {@link #items()} is never null.
 *
 * @param <T> the item type ({@code Task} or {@code FlowInstance})
 */
public final class Page<T> {
    private final List<T> items;
    private final long totalResults;
    private final long startIndex;
    private final int itemsPerPage;
    private final boolean totalKnown;

    /**
     * Creates a page; the SDK does, tests of your own code may too.
     *
     * @param items        the items of this page (copied; null means empty)
     * @param totalResults the number of items in the whole list, as the server reported it
     * @param startIndex   the 1-based index of this page's first item
     * @param itemsPerPage the number of items the server says this page holds
     */
    public Page(List<T> items, long totalResults, long startIndex, int itemsPerPage) {
        this(items, totalResults, startIndex, itemsPerPage, true);
    }

    Page(List<T> items, long totalResults, long startIndex, int itemsPerPage, boolean totalKnown) {
        this.items = items == null ? List.of() : List.copyOf(items);
        this.totalResults = totalResults;
        this.startIndex = startIndex;
        this.itemsPerPage = itemsPerPage;
        this.totalKnown = totalKnown;
    }

    /** {@return the items of this page, in order; never null} */
    public List<T> items() {
        return items;
    }

    /**
     * {@return the number of items in the whole list; when the server did not say, the number of
     * items up to the end of this page}
     */
    public long totalResults() {
        return totalResults;
    }

    /** {@return the 1-based index of this page's first item} */
    public long startIndex() {
        return startIndex;
    }

    /** {@return the number of items the server reported for this page ({@code itemsPerPage})} */
    public int itemsPerPage() {
        return itemsPerPage;
    }

    /**
     * {@return whether the list goes on after this page: the page is not empty and
     * {@code startIndex - 1 + items().size() < totalResults()} (when the server sent no
     * total, whether this page is not empty)}
     */
    public boolean hasNext() {
        if (items.isEmpty()) {
            return false;
        }
        return !totalKnown || startIndex - 1 + items.size() < totalResults;
    }

    boolean totalKnown() {
        return totalKnown;
    }

    @Override
    public String toString() {
        return "Page{startIndex=" + startIndex + ", items=" + items.size() + ", itemsPerPage=" + itemsPerPage
                + ", totalResults=" + (totalKnown ? String.valueOf(totalResults) : "unknown") + "}";
    }
}
