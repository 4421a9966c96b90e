package io.flowsdk.client.internal.paging;

import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.internal.Ids;

import java.util.List;
import java.util.function.Function;

/**
 * One keyset iteration: pages are read by key instead of by offset. The list is sorted by
 * {@code id} ascending and each page after the first asks for the items whose id is greater than
 * the last id delivered ({@code (<filter>) and id gt "<last id>"}, always from
 * {@code startIndex=1}), so items inserted, removed or changed while iterating can never make the
 * iteration skip or repeat another item, as they can with offsets.
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li><b>Lazy, sequential.</b> Nothing is sent before the first {@link #nextPage()}; one page is
 *       requested at a time (the next page's filter needs the last id of this one).</li>
 *   <li><b>Ids strictly increase</b> in code point order ({@link Ids#compare}, the order RFC 7643's
 *       case-exact {@code id} has): within a page and from one page to the next. An item without an
 *       id, or an id not after the one before it, ends the iteration with a {@link FlowsException}
 *       (the server ignores the filter or sorts ids another way, and keyset paging could skip items
 *       there), so an item is never returned twice and the iteration always moves forward.</li>
 *   <li><b>Stop</b> at the first of: an empty page; a page that holds every item the server still
 *       counted ({@code totalResults}, counted after the previous page's last id); {@code limit}
 *       items delivered.</li>
 *   <li><b>Pages</b> report where they are in the iteration: {@code startIndex} is 1 plus the items
 *       delivered before, and {@code totalResults} (when the server sent one) those items plus the
 *       server's count.</li>
 * </ol>
 *
 * @param <T> the item type
 */
public final class KeysetEngine<T> implements PageSource<T> {
    /** Fetches one page of the list sorted by id: the items after {@code afterId} (all when null). */
    @FunctionalInterface
    public interface Fetcher<T> {
        /**
         * @param afterId the last id delivered, or null for the first page
         * @param count   how many items are wanted
         */
        FetchedPage<T> fetch(String afterId, int count);
    }

    private final Fetcher<T> fetcher;
    private final int pageSize;
    private final Function<T, String> idOf;
    private long remaining;
    private long delivered;
    private String lastId;
    private boolean first = true;
    private volatile boolean done;
    private IterationObserver events = IterationObserver.NONE;

    /**
     * @param limit most items to deliver, or -1 for no limit
     * @param idOf  the id of an item (null when it has none)
     */
    public KeysetEngine(Fetcher<T> fetcher, int pageSize, long limit, Function<T, String> idOf) {
        this.fetcher = fetcher;
        this.pageSize = pageSize;
        this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
        this.idOf = idOf;
    }

    /** Reports this iteration's start, pages and end to {@code events}. */
    public KeysetEngine<T> observe(IterationObserver events) {
        this.events = events;
        return this;
    }

    @Override
    public FetchedPage<T> nextPage() {
        if (done) {
            return null;
        }
        events.started();
        FetchedPage<T> page;
        try {
            page = advance();
        } catch (RuntimeException e) {
            done = true;
            events.ended(e, false);
            throw e;
        }
        if (done) {
            events.ended(null, false);
        }
        return page;
    }

    private FetchedPage<T> advance() {
        if (remaining <= 0) {
            done = true;
            return null;
        }
        FetchedPage<T> page = fetcher.fetch(lastId, (int) Math.min(pageSize, remaining));
        boolean wasFirst = first;
        first = false;
        List<T> items = page.items();
        if (items.isEmpty()) {
            done = true;
            events.page(delivered + 1, 0, page.totalResults(), 0);
            return wasFirst ? positioned(page, items) : null;
        }
        checkOrder(items);
        if (items.size() > remaining) {
            items = items.subList(0, (int) remaining);
        }
        FetchedPage<T> result = positioned(page, List.copyOf(items));
        lastId = idOf.apply(items.get(items.size() - 1));
        delivered += items.size();
        remaining -= items.size();
        Long total = page.totalResults();
        if (remaining <= 0 || (total != null && total <= page.items().size())) {
            done = true;
        }
        events.page(result.startIndex(), items.size(), page.totalResults(), 0);
        return result;
    }

    private void checkOrder(List<T> items) {
        String previous = lastId;
        for (T item : items) {
            String id = idOf.apply(item);
            if (id == null) {
                done = true;
                throw new FlowsException("keyset iteration needs an id on every item; the server sent one without"
                        + " (after id " + quote(previous) + ")");
            }
            if (previous != null && Ids.compare(id, previous) <= 0) {
                done = true;
                throw new FlowsException("keyset iteration stopped: the server sent id " + quote(id) + " after id "
                        + quote(previous) + ", but ids must come in strictly increasing code point order (sortBy=id"
                        + " ascending, filter id gt \"<last id>\"); the server ignores the filter or orders ids"
                        + " another way, and keyset paging could skip items there");
            }
            previous = id;
        }
    }

    private FetchedPage<T> positioned(FetchedPage<T> page, List<T> items) {
        Long total = page.totalResults() == null ? null : delivered + page.totalResults();
        return new FetchedPage<>(items, total, delivered + 1, page.itemsPerPage());
    }

    private static String quote(String id) {
        return id == null ? "(none)" : '"' + id + '"';
    }

    /** Ends the iteration; nothing is ever in flight between two pages. */
    @Override
    public void close() {
        done = true;
        events.ended(null, true); // nothing if the iteration had ended already
    }
}
