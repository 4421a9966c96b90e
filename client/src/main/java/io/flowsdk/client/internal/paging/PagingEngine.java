package io.flowsdk.client.internal.paging;

import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsInterruptedException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.internal.Futures;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * One iteration over a SCIM list, page by page. Tasks and flow instances both use it.
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li><b>Lazy.</b> Nothing is sent before the first {@link #nextPage()}.</li>
 *   <li><b>Advance by what came back.</b> The next {@code startIndex} is the previous one plus the
 *       number of items actually returned, because servers may cap the page size.</li>
 *   <li><b>Stop</b> at the first of: an empty page; the end of the list as told by
 *       {@code totalResults} (no request is sent for a page past it); {@code limit} items
 *       delivered; the end of the index space (no request asks for an index past
 *       {@code Long.MAX_VALUE}, and nothing overflows on the way).</li>
 *   <li><b>The first total is the plan.</b> A later page may report a different
 *       {@code totalResults}: a smaller one (items deleted) moves the end forward, a larger one
 *       (items added) is ignored. A total smaller than the number of items already passed is a
 *       contradiction and ends the iteration with a {@link FlowsException}.</li>
 *   <li><b>No repeats.</b> An item whose id this iteration already delivered is dropped when
 *       the iteration still knows the id: among the first {@value RecentIds#FIRST} and the last
 *       {@value RecentIds#CAPACITY} delivered ({@link RecentIds}). So a list that shifted while
 *       paging never yields an item twice. A page that brings no new id (all repeats, or no ids
 *       at all) after the first one ends the iteration with a {@link FlowsException}: the server
 *       ignores {@code startIndex}. A page whose echoed {@code startIndex} differs from the one
 *       asked for ends it too.</li>
 *   <li><b>Too many items.</b> Items beyond those asked for are kept when fetching sequentially
 *       (their positions are known) and cut when fetching in parallel (the next planned page holds
 *       them); never beyond {@code limit}, never beyond the current {@code totalResults}.</li>
 *   <li><b>Parallel.</b> With {@code parallelism > 1}, once the first page has revealed
 *       {@code totalResults}, up to {@code parallelism} following pages are requested at once
 *       (asynchronous calls: no thread waits for them), at planned offsets, and delivered in order.
 *       A page that comes back short leaves a gap that is fetched before the next planned page is
 *       delivered. An error surfaces when the consumer reaches the failed page.</li>
 *   <li><b>Cancellation.</b> {@link #close()} cancels every request in flight. An interrupt of
 *       the consuming thread cancels them too and ends the iteration with a
 *       {@link FlowsInterruptedException} (the interrupt flag stays set).</li>
 * </ol>
 *
 * <h2>Termination</h2>
 * Every iteration ends, whatever the server sends. Each page that does not end it holds at least
 * one item, and {@code startIndex} grows by the number of items returned, so it strictly
 * increases; a request asks for at most the indexes left before {@code Long.MAX_VALUE}, and a
 * page that reaches it ends the iteration, so nothing overflows. With a {@code totalResults}
 * {@code T}, no request asks beyond index {@code T} (the first total is the plan: a total that
 * grows with every answer does not move the end): at most {@code T - startIndex + 2} requests.
 * Without one, no more than {@value #MAX_PAGES_WITHOUT_TOTAL} pages are requested: a longer list
 * needs {@code totalResults} (every SCIM server sends it), or a larger page size. With or
 * without, every page after the first must bring an id the iteration does not know (rule 5), or
 * the iteration fails; so a server that repeats one page is stopped at its second page, one that
 * alternates between two at its third, one that sends items without ids at its second, and one
 * that cycles through any number of items at the first page of its second lap (it brings back the
 * first ids, which are never forgotten).
 *
 * <p><b>No item twice.</b> An item is never delivered twice while its id is known (rule 5), in
 * particular never in the cases above. Memory is bounded, so this has limits: an item delivered
 * more than {@value RecentIds#CAPACITY} items ago and not among the first
 * {@value RecentIds#FIRST} is not recognised (a list reordered while paging can bring it back),
 * and a server that invents new ids for every answer cannot be told from a list that goes on: it
 * is stopped by {@code totalResults}, or the page bound.
 */
public final class PagingEngine<T> implements PageSource<T> {
    /** The most pages one iteration requests from a server that sends no {@code totalResults}. */
    public static final int MAX_PAGES_WITHOUT_TOTAL = 100_000;

    private final PageFetcher<T> fetcher;
    private final int pageSize;
    private final int parallelism;
    private final Function<T, String> idOf;
    private final RecentIds seen = new RecentIds();
    private IterationObserver events = IterationObserver.NONE;

    private long next;
    private long remaining;
    private Long stopAt;            // 1-based index of the last item to read, when known
    private boolean first = true;
    private boolean done;
    private long pagesWithoutTotal;

    // parallel state
    private boolean parallel;
    private final ArrayDeque<Planned<T>> inFlight = new ArrayDeque<>();
    private long plannedNext;       // start of the next page to plan
    private boolean plannedToTheEnd; // a planned page ends at Long.MAX_VALUE
    private int plannedSize;        // items per planned page
    private long gapStart;          // a short page left [gapStart, gapStart + gapCount) to fetch
    private int gapCount;

    private record Planned<T>(long start, int count, CompletableFuture<FetchedPage<T>> future) {
    }

    /**
     * @param limit most items to deliver, or -1 for no limit
     * @param idOf  the id of an item (null when it has none)
     */
    public PagingEngine(PageFetcher<T> fetcher, long startIndex, int pageSize, long limit, int parallelism,
                        Function<T, String> idOf) {
        this.fetcher = fetcher;
        this.next = startIndex;
        this.pageSize = pageSize;
        this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
        this.parallelism = parallelism;
        this.idOf = idOf;
    }

    /** Reports this iteration's start, pages and end to {@code events}. */
    public PagingEngine<T> observe(IterationObserver events) {
        this.events = events;
        return this;
    }

    /** @return the next non-empty page (the first page even when empty), or null at the end */
    public FetchedPage<T> nextPage() {
        if (done) {
            return null;
        }
        events.started();
        FetchedPage<T> page = advance();
        if (done) {
            events.ended(null, false); // the end of the list; failures were reported where thrown
        }
        return page;
    }

    private FetchedPage<T> advance() {
        if (remaining <= 0 || (stopAt != null && next > stopAt && gapCount <= 0)) {
            finish();
            return null;
        }
        FetchedPage<T> page;
        long requestedStart;
        int requestedCount;
        if (gapCount > 0) {
            requestedStart = gapStart;
            requestedCount = (int) Math.min(gapCount, remaining);
            page = fetchNow(requestedStart, requestedCount);
        } else if (parallel) {
            Planned<T> head = inFlight.poll();
            if (head == null) {
                finish();
                return null;
            }
            requestedStart = head.start;
            requestedCount = head.count;
            page = await(head);
        } else {
            requestedStart = next;
            requestedCount = (int) Math.min(Math.min(pageSize, remaining), roomFrom(next));
            page = fetchNow(requestedStart, requestedCount);
        }
        FetchedPage<T> delivered = accept(page, requestedStart, requestedCount);
        events.page(requestedStart, delivered == null ? 0 : delivered.items().size(), page.totalResults(),
                inFlight.size());
        return delivered;
    }

    private FetchedPage<T> accept(FetchedPage<T> page, long requestedStart, int requestedCount) {
        if (page.startIndex() != null && page.startIndex() > 0 && page.startIndex() != requestedStart) {
            throw fail(new FlowsException("the server ignored startIndex: asked for items from " + requestedStart
                    + ", got a page starting at " + page.startIndex()));
        }
        checkTotal(page.totalResults());
        if (page.totalResults() == null && !first && ++pagesWithoutTotal >= MAX_PAGES_WITHOUT_TOTAL) {
            throw fail(new FlowsException("the server sent " + MAX_PAGES_WITHOUT_TOTAL + " pages without "
                    + "totalResults; stopping (a list that long needs totalResults, or a larger page size)"));
        }

        List<T> items = page.items();
        if (parallel && items.size() > requestedCount) {
            items = items.subList(0, requestedCount);
        }
        if (stopAt != null && items.size() > stopAt - requestedStart + 1) { // never past the total (no overflow)
            items = items.subList(0, (int) Math.max(0, stopAt - requestedStart + 1));
        }
        long room = roomFrom(requestedStart);
        if (items.size() > room) {
            items = items.subList(0, (int) room);
        }
        int returned = items.size();
        boolean wasFirst = first;
        first = false;
        if (returned == 0) {
            finish();
            return wasFirst ? page.withItems(List.of()) : null;
        }
        List<T> fresh = withoutRepeats(items);
        if (!wasFirst && countWithId(fresh) == 0) {
            throw fail(new FlowsException("the server's page for startIndex=" + requestedStart + " brings no item "
                    + (items.isEmpty() ? "" : "with an id ") + "not already delivered (it seems to ignore startIndex); "
                    + "stopping to avoid an endless loop"));
        }
        if (fresh.size() > remaining) {
            fresh = fresh.subList(0, (int) remaining);
            returned = (int) Math.min(returned, remaining); // an honest server: the limit cut its page
        }
        remaining -= fresh.size();
        long pageEnd = returned == room ? Long.MAX_VALUE : requestedStart + returned; // index just after this page
        if (gapCount > 0) {
            gapStart += returned;
            gapCount -= returned;
        } else if (parallel && returned < requestedCount && pageEnd <= stopAtOr(Long.MAX_VALUE)) {
            gapStart = pageEnd;            // the server returned fewer than planned: fetch the rest next
            gapCount = requestedCount - returned;
        }
        next = Math.max(next, pageEnd);
        if (wasFirst && parallelism > 1 && stopAt != null) {
            startParallel(returned, requestedCount);
        }
        if (remaining <= 0 || returned == room || (stopAt != null && next > stopAt && gapCount <= 0)) {
            finish();
        } else if (parallel) {
            refill();
        }
        return page.withItems(List.copyOf(fresh));
    }

    /** The indexes from {@code start} to the end of the index space, {@code Long.MAX_VALUE} included. */
    private static long roomFrom(long start) {
        return Long.MAX_VALUE - start + 1;
    }

    private long stopAtOr(long fallback) {
        return stopAt == null ? fallback : stopAt;
    }

    private void checkTotal(Long total) {
        if (total == null) {
            return;
        }
        long passed = next - 1;
        if (stopAt == null) {
            stopAt = total;
            if (!first && total < passed) {
                throw fail(new FlowsException("the server reported totalResults=" + total + " after "
                        + passed + " items were already read"));
            }
            return;
        }
        if (total < passed) {
            throw fail(new FlowsException("totalResults shrank from " + stopAt + " to " + total + ", below the "
                    + passed + " items already read; the list changed while paging (use snapshot() or keyset())"));
        }
        if (total < stopAt) {
            stopAt = total;
            trimPlanned();
        }
    }

    /**
     * The items whose id was not delivered yet (items without an id are always new); records the
     * new ids. Returns the list itself when nothing was dropped.
     */
    private List<T> withoutRepeats(List<T> items) {
        List<T> fresh = null;
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String id = idOf.apply(item);
            if (id != null && seen.contains(id)) {
                if (fresh == null) {
                    fresh = new ArrayList<>(items.subList(0, i));
                }
                continue;
            }
            if (id != null) {
                seen.add(id);
            }
            if (fresh != null) {
                fresh.add(item);
            }
        }
        return fresh == null ? items : fresh;
    }

    private int countWithId(List<T> items) {
        int n = 0;
        for (T item : items) {
            if (idOf.apply(item) != null) {
                n++;
            }
        }
        return n;
    }

    private FetchedPage<T> fetchNow(long start, int count) {
        try {
            return fetcher.fetch(start, count);
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    // ---- parallel ----

    private void startParallel(int firstPageItems, int requestedCount) {
        plannedSize = firstPageItems < requestedCount ? Math.max(1, firstPageItems) : pageSize;
        plannedNext = next;
        parallel = true;
    }

    private void refill() {
        long budgetEnd = stopAtOr(Long.MAX_VALUE);
        long plannedItems = 0;
        for (Planned<T> p : inFlight) {
            plannedItems += p.count;
        }
        while (inFlight.size() < parallelism && !plannedToTheEnd && plannedNext <= budgetEnd) {
            long wanted = remaining - plannedItems - Math.max(0, gapCount);
            if (wanted <= 0) {
                break;
            }
            int count = (int) Math.min(plannedSize, Math.min(wanted, budgetEnd - plannedNext + 1));
            long start = plannedNext;
            CompletableFuture<FetchedPage<T>> f;
            try {
                f = fetcher.fetchAsync(start, count);
            } catch (RuntimeException e) {
                throw fail(e);
            }
            inFlight.add(new Planned<>(start, count, f));
            if (count == roomFrom(plannedNext)) {
                plannedToTheEnd = true; // the page ends at Long.MAX_VALUE: nothing can follow it
            } else {
                plannedNext += count;
            }
            plannedItems += count;
        }
    }

    private void trimPlanned() {
        inFlight.removeIf(p -> {
            if (p.start > stopAt) {
                p.future.cancel(true);
                return true;
            }
            return false;
        });
        plannedNext = Math.min(plannedNext, stopAt + 1);
    }

    private FetchedPage<T> await(Planned<T> p) {
        try {
            return p.future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.future.cancel(true); // taken from inFlight to be awaited: close() would not cancel it
            throw fail(new FlowsInterruptedException("paging (GET, " + inFlight.size() + " more pages in flight)"));
        } catch (ExecutionException e) {
            Throwable cause = Futures.unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw fail(r);
            }
            if (cause instanceof Error err) {
                stop();
                events.ended(err, false);
                throw err;
            }
            throw fail(new FlowsException("page fetch failed", cause));
        } catch (CancellationException e) {
            throw fail(new FlowsTransportException("GET", "(paging)", new InterruptedIOException("cancelled"), false));
        }
    }

    private RuntimeException fail(RuntimeException e) {
        stop();
        events.ended(e, false);
        return e;
    }

    private void finish() {
        stop(); // nextPage reports the end, after the last page
    }

    /** Cancels every request in flight. Idempotent; safe from another thread (the cleaner's). */
    @Override
    public void close() {
        stop();
        events.ended(null, true); // nothing if the iteration had ended already
    }

    private void stop() {
        done = true;
        Planned<T> p;
        synchronized (inFlight) {
            while ((p = inFlight.poll()) != null) {
                p.future.cancel(true);
            }
        }
    }

    /** @return whether the iteration has ended */
    public boolean isDone() {
        return done;
    }
}
