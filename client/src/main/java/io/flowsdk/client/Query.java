package io.flowsdk.client;

import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.internal.AttributeNames;
import io.flowsdk.client.internal.Futures;
import io.flowsdk.client.internal.ListEndpoint;
import io.flowsdk.client.internal.ListParams;
import io.flowsdk.client.internal.QueryDescriptor;
import io.flowsdk.client.internal.paging.FetchedPage;
import io.flowsdk.client.internal.paging.ItemIterator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, immutable query over a SCIM list (tasks or flow instances). Every method that
 * configures the query returns a new query; nothing is sent until you iterate, and errors
 * surface then (on the first {@code hasNext()}), as unchecked {@code FlowsException}s.
 *
 * <pre>{@code
 * Query<Task> pending = client.tasks().list()
 *         .filter(Filter.eq("status", "pending"))
 *         .sortBy("due", SortOrder.ASCENDING)
 *         .pageSize(50);
 *
 * for (Task t : pending) { ... }                        // item by item, page by page
 * try (Stream<Task> s = pending.stream()) { ... }       // close() cancels pages in flight
 * for (Page<Task> page : pending.pages()) { ... }       // page by page
 * long n = pending.count();                             // GET ...?count=0 -> totalResults
 * }</pre>
 *
 * <p>Each {@code iterator()}, {@code stream()} or {@code pages()} call starts a fresh iteration
 * from {@link #startIndex(long)}. The paging rules: the next {@code startIndex} is the previous
 * plus the items actually returned (servers may cap the page size); iteration stops at an empty
 * page, at {@code totalResults} or at {@link #limit(long)}; an item is never returned twice; a
 * server that ignores {@code startIndex} ends in a {@link FlowsException}, never an endless loop.
 *
 * <p>A loop that changes what it iterates (completing or cancelling the tasks it lists) must not
 * page by offset: each item it removes from the list moves the later ones up, and the next page
 * skips as many. Iterate it by key ({@link #keyset()}) or over a fixed past ({@link #snapshot()}),
 * or hand the whole job to {@link Tasks#completeAll}. A scan shared by several workers is cut with
 * {@link #partitions(int)}, and a query travels between processes as {@link #toDescriptor()}.
 *
 * <p>Thread-safe: a query is an immutable value. An iteration belongs to one thread at a time;
 * used by two at once it fails with {@link java.util.ConcurrentModificationException}.
 *
 * @param <T> the item type ({@code Task} or {@code FlowInstance})
 */
public final class Query<T> implements Iterable<T> {
    /** The page size used unless {@link #pageSize(int)} says otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** The most pages {@link #parallelism(int)} may fetch at once. */
    public static final int MAX_PARALLELISM = 32;
    /**
     * The largest page size {@link #pageSize(int)} accepts. Servers cap pages too (and the SDK
     * follows what they return), so a larger value would only make each answer heavier.
     */
    public static final int MAX_PAGE_SIZE = 1_000;
    /** The most partitions {@link #partitions(int)} makes. */
    public static final int MAX_PARTITIONS = 10_000;

    private final ListEndpoint<T, ?> endpoint;
    private final ListParams params;
    private final int pageSize;
    private final long startIndex;
    private final long limit;
    private final int parallelism;
    private final boolean snapshot;
    private final boolean keyset;

    Query(ListEndpoint<T, ?> endpoint) {
        this(endpoint, ListParams.NONE, DEFAULT_PAGE_SIZE, 1, -1, 1, false, false);
    }

    private Query(ListEndpoint<T, ?> endpoint, ListParams params, int pageSize, long startIndex, long limit,
                  int parallelism, boolean snapshot, boolean keyset) {
        this.endpoint = endpoint;
        this.params = params;
        this.pageSize = pageSize;
        this.startIndex = startIndex;
        this.limit = limit;
        this.parallelism = parallelism;
        this.snapshot = snapshot;
        this.keyset = keyset;
    }

    private Query<T> with(ListParams p) {
        return new Query<>(endpoint, p, pageSize, startIndex, limit, parallelism, snapshot, keyset);
    }

    /**
     * Returns a copy with this {@code filter}.
     *
     * @param filter the filter; rendered with {@link Filter#toString()}
     * @return a copy with this {@code filter}
     */
    public Query<T> filter(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        return with(params.withFilter(filter.toString()));
    }

    /**
     * Returns a copy with this {@code filter}.
     *
     * @param filter an RFC 7644 filter string, checked with {@link Filter#parse(String)} and sent as written
     * @return a copy with this {@code filter}
     * @throws io.flowsdk.client.filter.FilterParseException if the string is not a valid filter
     */
    public Query<T> filter(String filter) {
        Objects.requireNonNull(filter, "filter");
        Filter.parse(filter);
        return with(params.withFilter(filter));
    }

    /**
     * Returns a copy with {@code sortBy} and {@code sortOrder}.
     *
     * @param attribute the attribute to sort by, such as {@code due} or {@code meta.lastModified}
     * @param order     ascending or descending
     * @return a copy with {@code sortBy} and {@code sortOrder}
     * @throws IllegalStateException on a {@link #keyset()} query, which is sorted by {@code id}
     */
    public Query<T> sortBy(String attribute, SortOrder order) {
        AttributeNames.require(attribute, "sortBy");
        Objects.requireNonNull(order, "order");
        refuseInKeyset("sortBy(" + attribute + ")");
        return with(params.withSort(attribute, order.wireValue()));
    }

    /**
     * Returns a copy with {@code sortBy} and no {@code sortOrder}.
     *
     * @param attribute the attribute to sort by; the server's default order applies
     * @return a copy with {@code sortBy} and no {@code sortOrder}
     * @throws IllegalStateException on a {@link #keyset()} query, which is sorted by {@code id}
     */
    public Query<T> sortBy(String attribute) {
        AttributeNames.require(attribute, "sortBy");
        refuseInKeyset("sortBy(" + attribute + ")");
        return with(params.withSort(attribute, null));
    }

    /**
     * Returns a copy with these attributes (replacing earlier ones).
     *
     * @param attributes the only attributes to return; sent as repeated {@code attributes} parameters
     * @return a copy with these attributes (replacing earlier ones)
     */
    public Query<T> attributes(String... attributes) {
        return with(params.withAttributes(names(attributes, "attributes")));
    }

    /**
     * Returns a copy with these excluded attributes (replacing earlier ones).
     *
     * @param attributes attributes to leave out; sent as repeated {@code excludedAttributes} parameters
     * @return a copy with these excluded attributes (replacing earlier ones)
     */
    public Query<T> excludedAttributes(String... attributes) {
        return with(params.withExcludedAttributes(names(attributes, "excludedAttributes")));
    }

    /**
     * Returns a copy with this {@code forTime}.
     *
     * @param forTime read the list from history as it was at this time (sent as RFC 3339, seconds always written)
     * @return a copy with this {@code forTime}
     */
    public Query<T> forTime(OffsetDateTime forTime) {
        Objects.requireNonNull(forTime, "forTime");
        return with(params.withForTime(forTime));
    }

    /**
     * Returns a copy with this page size.
     *
     * @param pageSize items per request ({@code count}); 1 to {@value #MAX_PAGE_SIZE}, default
     *                 {@value #DEFAULT_PAGE_SIZE}. Servers may return fewer; paging follows what they return.
     * @return a copy with this page size
     * @throws IllegalArgumentException if {@code pageSize} is out of range
     */
    public Query<T> pageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        return new Query<>(endpoint, params, pageSize, startIndex, limit, parallelism, snapshot, keyset);
    }

    /**
     * Returns a copy starting there.
     *
     * @param startIndex the 1-based index of the first item to read; at least 1, default 1
     * @return a copy starting there
     * @throws IllegalStateException for a {@code startIndex} other than 1 on a {@link #keyset()}
     *                               query, which has no positions
     */
    public Query<T> startIndex(long startIndex) {
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex must be >= 1 (it is 1-based), was " + startIndex);
        }
        if (startIndex != 1) {
            refuseInKeyset("startIndex(" + startIndex + ")");
        }
        return new Query<>(endpoint, params, pageSize, startIndex, limit, parallelism, snapshot, keyset);
    }

    /**
     * Returns a copy that stops after {@code limit} items (requesting no more than needed).
     *
     * @param limit the most items to read in total; at least 0
     * @return a copy that stops after {@code limit} items (requesting no more than needed)
     */
    public Query<T> limit(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        return new Query<>(endpoint, params, pageSize, startIndex, limit, parallelism, snapshot, keyset);
    }

    /**
     * Returns a copy with this parallelism.
     *
     * @param parallelism the most page requests in flight at once, 1 to {@value #MAX_PARALLELISM};
     *                    items are still delivered in order. Default 1.
     * @return a copy with this parallelism
     * @throws IllegalStateException for a parallelism above 1 on a {@link #keyset()} query, which
     *                               reads one page after the other
     */
    public Query<T> parallelism(int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be between 1 and " + MAX_PARALLELISM + ", was "
                    + parallelism);
        }
        if (parallelism > 1) {
            refuseInKeyset("parallelism(" + parallelism + ")");
        }
        return new Query<>(endpoint, params, pageSize, startIndex, limit, parallelism, snapshot, keyset);
    }

    /**
     * Reads the list consistently: every request of one iteration carries the same
     * {@code forTime}, pinned when the iteration starts to the last completed second of the
     * client's clock (now in UTC, truncated to whole seconds, minus one second), and sent on the
     * first request too. So nothing changed after the iteration started is visible, whatever the
     * precision of the server's timestamps; the price is a one-second lag: a change made in the
     * second before the iteration started is not visible either. An explicit
     * {@link #forTime(OffsetDateTime)} wins.
     *
     * @return a copy that pins {@code forTime} per iteration
     */
    public Query<T> snapshot() {
        return new Query<>(endpoint, params, pageSize, startIndex, limit, parallelism, true, keyset);
    }

    /**
     * Iterates by key instead of by offset, so that the loop may change what it iterates:
     *
     * <pre>{@code
     * for (Task t : client.tasks().list().filter(Filter.eq("status", "pending")).keyset()) {
     *     client.tasks().complete(t.getId());     // safe: keyset iteration never skips an item
     * }
     * }</pre>
     *
     * <p>With offsets, completing a task removes it from "pending", every later task moves one
     * position up, and the next page's {@code startIndex} jumps over as many tasks as were completed:
     * the loop above, without {@code keyset()}, completes only part of the tasks and raises no error.
     * A keyset iteration sorts by {@code id} ascending and asks each page for
     * {@code (<filter>) and id gt "<last id seen>"} from {@code startIndex=1} (the filter is built
     * as a {@link Filter}, not glued as text), so no position ever shifts.
     *
     * <p>What it guarantees, whatever changes while it runs (given a server that sorts ids and
     * compares them with {@code gt} in the same order, code point order, as RFC 7643's case-exact
     * {@code id} requires):
     * <ul>
     *   <li>no item is returned twice;</li>
     *   <li>an item that matches the filter from the start of the iteration to its end is returned
     *       exactly once, however many other items are added, removed or changed meanwhile;</li>
     *   <li>an item added (or changed so that it matches) during the iteration is returned once if
     *       its id sorts after the last id of the latest page read when it appeared (its page is
     *       still to come), and otherwise not at all;</li>
     *   <li>an item removed (or changed so that it no longer matches) before its page is read is not
     *       returned.</li>
     * </ul>
     * With {@link #snapshot()} or {@link #forTime(OffsetDateTime)} the server answers as of one
     * time, so nothing changed after it is visible at all.
     *
     * <p>The SDK checks that the ids it receives strictly increase; an item without an id, or an
     * id not after the previous one (a server that ignores the filter or orders ids another way),
     * ends the iteration with a {@link FlowsException} rather than risk skipping items.
     *
     * <p>Combines with {@link #filter(Filter)}, {@link #limit(long)}, {@link #pageSize(int)},
     * {@link #attributes(String...)} ({@code id} is always requested),
     * {@link #excludedAttributes(String...)} ({@code id} is never excluded),
     * {@link #forTime(OffsetDateTime)} and {@link #snapshot()}. Pages ({@link #pages()}) report
     * their position in the iteration ({@code startIndex} 1, 1 + the first page's size, ...) and
     * as {@code totalResults} the items before them plus those the server still counts.
     *
     * @return a copy that iterates by key
     * @throws IllegalStateException if the query has a {@code sortBy} (a keyset iteration is sorted by
     *                               {@code id}), a {@code startIndex} other than 1 (it has no
     *                               positions) or a {@code parallelism} above 1 (each page needs the
     *                               last id of the one before). The reverse order is refused as well:
     *                               {@code sortBy}, {@code startIndex} and {@code parallelism} throw
     *                               the same exception on a keyset query, so the mistake shows where it
     *                               is made, never at iteration time.
     */
    public Query<T> keyset() {
        if (params.sortBy() != null) {
            throw new IllegalStateException("keyset() cannot be combined with sortBy(" + params.sortBy() + "): a "
                    + "keyset iteration is sorted by id. Remove sortBy, or iterate a snapshot() by offset");
        }
        if (startIndex != 1) {
            throw new IllegalStateException("keyset() cannot be combined with startIndex(" + startIndex + "): a "
                    + "keyset iteration starts at the first item and has no positions");
        }
        if (parallelism > 1) {
            throw new IllegalStateException("keyset() cannot be combined with parallelism(" + parallelism + "): "
                    + "each page of a keyset iteration needs the last id of the page before, so pages come one "
                    + "after the other");
        }
        return new Query<>(endpoint, params, pageSize, startIndex, limit, parallelism, snapshot, true);
    }

    /**
     * Splits one snapshot of this query into {@code n} disjoint queries, for a scan shared by
     * several workers (threads, processes, the tasks of a distributed job):
     *
     * <pre>{@code
     * List<Query<Task>> parts = client.tasks().list().filter(f).snapshot().partitions(4);
     * String d = parts.get(0).toDescriptor();        // ship to another process ...
     * Query<Task> again = otherClient.tasks().list(d); // ... and run it there
     * }</pre>
     *
     * <p>One request is sent now: a count ({@code count=0}) as of the snapshot's time. Every
     * partition is pinned to that same {@code forTime} (this query's own, or the last completed
     * second now, as {@link #snapshot()} pins it) and covers a contiguous range of positions: the
     * items from this query's {@code startIndex} up to its {@code limit} (or the end), cut into
     * {@code n} ranges whose sizes differ by at most one (some are empty, {@code limit(0)}, when
     * there are fewer items than partitions). Each partition is a plain query (its
     * {@code startIndex} and {@code limit} describe its range) with this query's filter, attributes,
     * page size and parallelism; iterate it anywhere, page it, count it, or ship it with
     * {@link #toDescriptor()}.
     *
     * <p>Their union is exactly the snapshot's items, each once, because positions in a list as of
     * a fixed time do not move. That needs a server that answers {@code forTime} from history (as
     * the SCIM list of this API does) and a repeatable order: a query without a {@code sortBy} is
     * partitioned sorted by {@code id} (ascending); with a {@code sortBy} on an attribute that has
     * ties, the server must order the ties the same way on every request. Changes made after the
     * snapshot (by the workers themselves, too) are not visible to any partition.
     *
     * @param n how many partitions, 1 to {@value #MAX_PARTITIONS}
     * @return {@code n} queries, in order of their ranges
     * @throws IllegalArgumentException if {@code n} is out of range
     * @throws IllegalStateException    on a {@link #keyset()} query, which has no positions to split
     * @throws FlowsException           if the count request fails or its answer has no {@code totalResults}
     */
    public List<Query<T>> partitions(int n) {
        if (n < 1 || n > MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be between 1 and " + MAX_PARTITIONS + ", was " + n);
        }
        if (keyset) {
            throw new IllegalStateException("partitions(" + n + ") splits a snapshot by position, and a keyset() query "
                    + "has no positions: partition the query without keyset()");
        }
        ListParams pinned = params.forTime() != null ? params : params.withForTime(endpoint.snapshotTime());
        if (pinned.sortBy() == null) {
            pinned = pinned.withSort("id", SortOrder.ASCENDING.wireValue());
        }
        long total = totalOf(endpoint.fetch(pinned, startIndex, 0));
        long available = Math.max(0, total - startIndex + 1);
        long size = limit < 0 ? available : Math.min(limit, available);
        List<Query<T>> parts = new ArrayList<>(n);
        long start = startIndex;
        for (int i = 0; i < n; i++) {
            long count = size / n + (i < size % n ? 1 : 0);
            parts.add(new Query<>(endpoint, pinned, pageSize, start, count, parallelism, false, false));
            start += count;
        }
        return List.copyOf(parts);
    }

    /**
     * Returns this query as text, without the client: the resource, filter, sort, attributes,
     * {@code forTime}, range ({@code startIndex}, {@code limit}), page size, parallelism and the
     * snapshot and keyset flags. {@link Tasks#list(String)} or {@link Flows#list(String)} rebuild
     * it, in this process or another, on any client; a query rebuilt from a descriptor has the same
     * descriptor.
     *
     * <pre>{@code
     * flows-query/v1/tasks?filter=status%20eq%20%22pending%22&sortBy=id&sortOrder=ascending&forTime=2026-01-01T00:00:00Z&startIndex=2501&limit=2500
     * }</pre>
     *
     * <p>The format is versioned ({@code v1}), human-readable (values are percent-encoded UTF-8 except
     * letters, digits and {@code - . _ ~ : , + / @ ! $ ' ( ) *}), and holds no credential, base URL
     * or anything else of the client. Parameters at their defaults are left out.
     *
     * @return the descriptor
     */
    public String toDescriptor() {
        return new QueryDescriptor(endpoint.name(), params, pageSize, startIndex, limit, parallelism, snapshot, keyset)
                .write(DEFAULT_PAGE_SIZE);
    }

    /** Rebuilds a query from {@link #toDescriptor()}'s text, with every check of the fluent methods. */
    static <T> Query<T> fromDescriptor(ListEndpoint<T, ?> endpoint, String descriptor) {
        QueryDescriptor d = QueryDescriptor.read(descriptor, DEFAULT_PAGE_SIZE);
        if (!d.resource().equals(endpoint.name())) {
            throw new IllegalArgumentException("this query descriptor is of " + d.resource() + ", not of "
                    + endpoint.name() + ": run it with client." + d.resource() + "().list(descriptor)");
        }
        try {
            ListParams p = d.params();
            Query<T> q = new Query<>(endpoint);
            if (p.filter() != null) {
                q = q.filter(p.filter());
            }
            if (p.sortBy() != null) {
                q = p.sortOrder() == null ? q.sortBy(p.sortBy()) : q.sortBy(p.sortBy(),
                        p.sortOrder().equals(SortOrder.ASCENDING.wireValue()) ? SortOrder.ASCENDING : SortOrder.DESCENDING);
            }
            if (!p.attributes().isEmpty()) {
                q = q.attributes(p.attributes().toArray(new String[0]));
            }
            if (!p.excludedAttributes().isEmpty()) {
                q = q.excludedAttributes(p.excludedAttributes().toArray(new String[0]));
            }
            if (p.forTime() != null) {
                q = q.forTime(p.forTime());
            }
            q = q.pageSize(d.pageSize()).startIndex(d.startIndex()).parallelism(d.parallelism());
            if (d.limit() >= 0) {
                q = q.limit(d.limit());
            }
            if (d.snapshot()) {
                q = q.snapshot();
            }
            return d.keyset() ? q.keyset() : q;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("invalid query descriptor: " + e.getMessage(), e);
        }
    }

    /**
     * The query a bulk operation iterates: this one by key, unless it is pinned to a time (a
     * snapshot, a {@code forTime}, a partition), whose answers the run's own changes cannot move.
     *
     * @param what the operation, for the message
     * @throws IllegalStateException if it cannot be iterated by key
     */
    Query<T> forBulk(String what) {
        if (keyset || snapshot || params.forTime() != null) {
            return this;
        }
        try {
            return keyset();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(what + " iterates the query by key, since it changes what the query "
                    + "matches, and " + e.getMessage() + "; or pin the query to a time with snapshot()", e);
        }
    }

    private void refuseInKeyset(String what) {
        if (keyset) {
            throw new IllegalStateException(what + " cannot be combined with keyset(): a keyset iteration is sorted "
                    + "by id, starts at the first item and reads one page after the other");
        }
    }

    // ---- terminal operations ----

    /**
     * Starts an iteration. Sends nothing: the first request goes out on the first {@code hasNext()}.
     * The iterator implements {@link AutoCloseable}; closing it cancels pages in flight.
     */
    @Override
    public Iterator<T> iterator() {
        return endpoint.items(iterationParams(), paging());
    }

    /**
     * Returns a lazy, sequential stream of the items.
     *
     * @return a lazy, sequential stream of the items; {@code close()} cancels pages in flight, so
     *         use it in try-with-resources when you may stop early with {@code parallelism > 1}
     */
    public Stream<T> stream() {
        ItemIterator<T> it = endpoint.items(iterationParams(), paging());
        Spliterator<T> split = Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(it::close);
    }

    /**
     * Returns the pages, lazily.
     *
     * @return the pages, lazily; each {@code iterator()} starts a fresh iteration. The first page
     *         is returned even when empty (it carries {@code totalResults}); later empty pages end it.
     */
    public Iterable<Page<T>> pages() {
        return () -> endpoint.pages(iterationParams(), paging(), this::toPage);
    }

    /**
     * Returns the first page: exactly one request, {@code count = pageSize} (or {@code limit}, if smaller).
     *
     * @return the first page: exactly one request, {@code count = pageSize} (or {@code limit}, if smaller)
     */
    public Page<T> firstPage() {
        if (keyset) {
            return toPage(endpoint.fetchKeysetFirst(iterationParams(), firstPageCount()));
        }
        return toPage(endpoint.fetch(iterationParams(), startIndex, firstPageCount()));
    }

    private int firstPageCount() {
        return (int) (limit < 0 ? pageSize : Math.min(pageSize, limit));
    }

    /**
     * The non-blocking form of {@link #firstPage()}: the same single request, on OkHttp's
     * asynchronous calls, with the client's retries. Cancelling the future cancels the request.
     *
     * @return a future of the first page; it fails with the exception {@link #firstPage()} would throw
     */
    public CompletableFuture<Page<T>> firstPageAsync() {
        if (keyset) {
            return Futures.map(endpoint.fetchKeysetFirstAsync(iterationParams(), firstPageCount()), this::toPage);
        }
        return Futures.map(endpoint.fetchAsync(iterationParams(), startIndex, firstPageCount()), this::toPage);
    }

    /**
     * The non-blocking form of {@link #count()}.
     *
     * @return a future of the number of matching items; it fails with {@link FlowsException} if the
     *         answer has no {@code totalResults}
     */
    public CompletableFuture<Long> countAsync() {
        return Futures.map(endpoint.fetchAsync(iterationParams(), startIndex, 0), Query::totalOf);
    }

    /**
     * Returns the number of matching items: one request with {@code count=0}, answering {@code totalResults}.
     *
     * @return the number of matching items: one request with {@code count=0}, answering {@code totalResults}
     * @throws FlowsException if the server's answer has no {@code totalResults}
     */
    public long count() {
        return totalOf(endpoint.fetch(iterationParams(), startIndex, 0));
    }

    private static long totalOf(FetchedPage<?> page) {
        if (page.totalResults() == null) {
            throw new FlowsException("the server's answer to count=0 has no totalResults");
        }
        return page.totalResults();
    }

    /**
     * Returns every item (honouring {@link #limit(long)}), in order.
     *
     * @return every item (honouring {@link #limit(long)}), in order
     */
    public List<T> toList() {
        List<T> all = new ArrayList<>();
        Iterator<T> it = iterator();
        while (it.hasNext()) {
            all.add(it.next());
        }
        return all;
    }

    private ListEndpoint.Paging paging() {
        return new ListEndpoint.Paging(startIndex, pageSize, limit, parallelism, keyset);
    }

    private ListParams iterationParams() {
        if (snapshot && params.forTime() == null) {
            return params.withForTime(endpoint.snapshotTime());
        }
        return params;
    }

    private Page<T> toPage(FetchedPage<T> p) {
        long start = p.startIndex() != null && p.startIndex() > 0 ? p.startIndex() : startIndex;
        int perPage = p.itemsPerPage() != null ? p.itemsPerPage() : p.items().size();
        return p.totalResults() != null ? new Page<>(p.items(), p.totalResults(), start, perPage)
                : Page.withoutTotal(p.items(), start, perPage);
    }

    private static List<String> names(String[] names, String parameter) {
        Objects.requireNonNull(names, parameter);
        for (String n : names) {
            AttributeNames.require(n, parameter);
        }
        return Arrays.asList(names.clone());
    }

    @Override
    public String toString() {
        return "Query{filter=" + params.filter() + ", sortBy=" + params.sortBy() + ", sortOrder=" + params.sortOrder()
                + ", attributes=" + params.attributes() + ", excludedAttributes=" + params.excludedAttributes()
                + ", forTime=" + params.forTime() + ", pageSize=" + pageSize + ", startIndex=" + startIndex
                + ", limit=" + (limit < 0 ? "none" : limit) + ", parallelism=" + parallelism
                + ", snapshot=" + snapshot + ", keyset=" + keyset + "}";
    }
}
