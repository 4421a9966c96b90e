package io.flowsdk.client.internal.paging;

import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.internal.Cancellation;
import io.flowsdk.client.internal.DaemonThreads;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 *       delivered. Without {@code totalResults}, only an empty page (or the limit) ends the list.</li>
 *   <li><b>The first total is the plan.</b> A later page may report a different
 *       {@code totalResults}: a smaller one (items deleted) moves the end forward, a larger one
 *       (items added) is ignored — the iteration never runs past the first page's total, so it
 *       always terminates. A total smaller than the number of items already passed is a
 *       contradiction and ends the iteration with a {@link FlowsException}. Use {@code snapshot()}
 *       for a consistent read of a changing list.</li>
 *   <li><b>Ignored {@code startIndex}.</b> A page whose echoed {@code startIndex} differs from the
 *       one asked for, or whose items all appeared in the previous page, ends the iteration with a
 *       {@link FlowsException}: never an endless loop, never silently duplicated items. Items of
 *       the previous page that reappear at the start of the next one (the list shifted while we
 *       paged) are dropped.</li>
 *   <li><b>Too many items.</b> Items beyond those asked for are kept when fetching sequentially
 *       (their positions are known) and cut when fetching in parallel (the next planned page holds
 *       them); never beyond {@code limit}, never beyond the current {@code totalResults}.</li>
 *   <li><b>Parallel.</b> With {@code parallelism > 1}, once the first page has revealed
 *       {@code totalResults}, up to {@code parallelism} following pages are fetched at once, at
 *       planned offsets, and delivered in order. A page that comes back short leaves a gap that is
 *       fetched before the next planned page is delivered. An error surfaces when the consumer
 *       reaches the failed page; pages after it are cancelled.</li>
 *   <li><b>Cancellation.</b> {@link #close()} cancels every request in flight and stops the
 *       iteration's threads (which also die after one idle second if the iteration is abandoned).</li>
 * </ol>
 */
public final class PagingEngine<T> implements AutoCloseable {
    private final PageFetcher<T> fetcher;
    private final int pageSize;
    private final int parallelism;
    private final Function<T, String> idOf;

    private long next;
    private long remaining;
    private Long stopAt;            // 1-based index of the last item to read, when known
    private boolean first = true;
    private boolean done;
    private Set<String> previousIds = Set.of();

    // parallel state
    private ThreadPoolExecutor executor;
    private final ArrayDeque<Planned<T>> inFlight = new ArrayDeque<>();
    private long plannedNext;       // start of the next page to plan
    private int plannedSize;        // items per planned page
    private long gapStart;          // a short page left [gapStart, gapStart + gapCount) to fetch
    private int gapCount;

    private record Planned<T>(long start, int count, Future<FetchedPage<T>> future, Cancellation cancellation) {
    }

    /**
     * @param limit most items to deliver, or -1 for no limit
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

    /** @return the next non-empty page (the first page even when empty), or null at the end */
    public FetchedPage<T> nextPage() {
        if (done) {
            return null;
        }
        if (remaining <= 0 || (stopAt != null && next > stopAt)) {
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
        } else if (executor != null) {
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
            requestedCount = (int) Math.min(pageSize, remaining);
            page = fetchNow(requestedStart, requestedCount);
        }
        return accept(page, requestedStart, requestedCount);
    }

    private FetchedPage<T> accept(FetchedPage<T> page, long requestedStart, int requestedCount) {
        if (page.startIndex() != null && page.startIndex() > 0 && page.startIndex() != requestedStart) {
            throw fail(new FlowsException("the server ignored startIndex: asked for items from " + requestedStart
                    + ", got a page starting at " + page.startIndex()));
        }
        checkTotal(page.totalResults());

        List<T> items = page.items();
        if (executor != null && items.size() > requestedCount) {
            items = items.subList(0, requestedCount);
        }
        if (stopAt != null && requestedStart + items.size() - 1 > stopAt) {
            items = items.subList(0, (int) Math.max(0, stopAt - requestedStart + 1)); // never past the total
        }
        items = dropRepeated(items, requestedStart);
        boolean wasFirst = first;
        first = false;
        if (items.isEmpty()) {
            finish();
            return wasFirst ? page.withItems(List.of()) : null;
        }
        if (items.size() > remaining) {
            items = items.subList(0, (int) remaining);
        }
        int n = items.size();
        remaining -= n;
        long pageEnd = requestedStart + n;   // 1-based index just after the last item of this page
        if (gapCount > 0) {
            gapStart += n;
            gapCount -= n;
        } else if (executor != null && n < requestedCount && pageEnd <= stopAtOr(Long.MAX_VALUE)) {
            gapStart = pageEnd;            // the server returned fewer than planned: fetch the rest next
            gapCount = requestedCount - n;
        }
        next = Math.max(next, pageEnd);
        if (wasFirst && parallelism > 1 && stopAt != null) {
            startParallel(n, requestedCount);
        }
        if (remaining <= 0 || (stopAt != null && next > stopAt && gapCount <= 0)) {
            finish();
        } else if (executor != null) {
            refill();
        }
        previousIds = idsOf(items);
        return page.withItems(List.copyOf(items));
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
                    + passed + " items already read; the list changed while paging (use snapshot())"));
        }
        if (total < stopAt) {
            stopAt = total;
            trimPlanned();
        }
    }

    private List<T> dropRepeated(List<T> items, long requestedStart) {
        if (previousIds.isEmpty() || items.isEmpty()) {
            return items;
        }
        int skip = 0;
        while (skip < items.size() && previousIds.contains(idOf.apply(items.get(skip)))) {
            skip++;
        }
        if (skip == items.size()) {
            throw fail(new FlowsException("the server returned the same items again for startIndex="
                    + requestedStart + " (it seems to ignore startIndex); stopping to avoid an endless loop"));
        }
        return skip == 0 ? items : items.subList(skip, items.size());
    }

    private Set<String> idsOf(List<T> items) {
        if (idOf == null) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        for (T item : items) {
            String id = idOf.apply(item);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private FetchedPage<T> fetchNow(long start, int count) {
        return fetcher.fetch(start, count, null);
    }

    // ---- parallel ----

    private void startParallel(int firstPageItems, int requestedCount) {
        plannedSize = firstPageItems < requestedCount ? Math.max(1, firstPageItems) : pageSize;
        plannedNext = next;
        executor = new ThreadPoolExecutor(parallelism, parallelism, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("flows-paging"));
        executor.allowCoreThreadTimeOut(true);
    }

    private void refill() {
        long budgetEnd = stopAtOr(Long.MAX_VALUE);
        // items still wanted beyond those already planned
        long plannedItems = 0;
        for (Planned<T> p : inFlight) {
            plannedItems += p.count;
        }
        while (inFlight.size() < parallelism && plannedNext <= budgetEnd) {
            long wanted = remaining - plannedItems - Math.max(0, gapCount);
            if (wanted <= 0) {
                break;
            }
            int count = (int) Math.min(plannedSize, Math.min(wanted, budgetEnd - plannedNext + 1));
            long start = plannedNext;
            Cancellation c = new Cancellation();
            Future<FetchedPage<T>> f = executor.submit(() -> fetcher.fetch(start, count, c));
            inFlight.add(new Planned<>(start, count, f, c));
            plannedNext += count;
            plannedItems += count;
        }
    }

    private void trimPlanned() {
        if (executor == null) {
            return;
        }
        inFlight.removeIf(p -> {
            if (p.start > stopAt) {
                cancel(p);
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
            throw fail(new FlowsTransportException("GET", "(paging)", e));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw fail((RuntimeException) cause);
            }
            if (cause instanceof Error) {
                close();
                throw (Error) cause;
            }
            throw fail(new FlowsException("page fetch failed", cause));
        } catch (CancellationException e) {
            throw fail(new FlowsTransportException("GET", "(paging)", new InterruptedIOException("cancelled")));
        }
    }

    private static void cancel(Planned<?> p) {
        p.cancellation.cancel();
        p.future.cancel(true);
    }

    private RuntimeException fail(RuntimeException e) {
        close();
        return e;
    }

    private void finish() {
        done = true;
        close();
    }

    /** Cancels every request in flight and releases the iteration's threads. Idempotent. */
    @Override
    public void close() {
        done = true;
        for (Planned<T> p : inFlight) {
            cancel(p);
        }
        inFlight.clear();
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** @return whether the iteration has ended */
    public boolean isDone() {
        return done;
    }
}
