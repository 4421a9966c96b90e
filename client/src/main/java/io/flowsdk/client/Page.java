package io.flowsdk.client;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.OptionalLong;

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
    public Page(@Nullable List<T> items, long totalResults, long startIndex, int itemsPerPage) {
        this(items, totalResults, startIndex, itemsPerPage, true);
    }

    /**
     * A page of a list whose server sent no {@code totalResults}.
     *
     * @param items        the items of this page (copied; null means empty)
     * @param startIndex   the 1-based index of this page's first item
     * @param itemsPerPage the number of items the server says this page holds
     * @param <T>          the item type
     * @return the page; {@link #total()} is empty
     */
    public static <T> Page<T> withoutTotal(@Nullable List<T> items, long startIndex, int itemsPerPage) {
        List<T> copy = items == null ? List.of() : items;
        return new Page<>(copy, startIndex - 1 + copy.size(), startIndex, itemsPerPage, false);
    }

    private Page(@Nullable List<T> items, long totalResults, long startIndex, int itemsPerPage, boolean totalKnown) {
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
     * {@return the number of items in the whole list as the server reported it, or empty when the
     * server did not say}
     */
    public OptionalLong total() {
        return totalKnown ? OptionalLong.of(totalResults) : OptionalLong.empty();
    }

    /**
     * The number of items in the whole list. When the server did not send {@code totalResults}
     * (see {@link #total()}), this is a lower bound: the number of items up to the end of this page.
     *
     * @return the reported total, or the index of this page's last item when none was reported
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

    /** {@return whether the server reported {@code totalResults} (see {@link #total()})} */
    public boolean totalKnown() {
        return totalKnown;
    }

    @Override
    public String toString() {
        return "Page{startIndex=" + startIndex + ", items=" + items.size() + ", itemsPerPage=" + itemsPerPage
                + ", totalResults=" + (totalKnown ? String.valueOf(totalResults) : "unknown") + "}";
    }
}
