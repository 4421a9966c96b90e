package io.flowsdk.client.internal;

import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.internal.http.Result;
import io.flowsdk.client.internal.paging.FetchedPage;
import io.flowsdk.client.internal.paging.ItemIterator;
import io.flowsdk.client.internal.paging.IterationObserver;
import io.flowsdk.client.internal.paging.KeysetEngine;
import io.flowsdk.client.internal.paging.PageFetcher;
import io.flowsdk.client.internal.paging.PageIterator;
import io.flowsdk.client.internal.paging.PageSource;
import io.flowsdk.client.internal.paging.PagingEngine;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A SCIM list endpoint ({@code GET /flows/tasks}, {@code GET /flows/}): turns list parameters
 * and a page window into a request, checks the list envelope, and starts iterations over it
 * with the one {@link PagingEngine} (by offset) or the one {@link KeysetEngine} (by id). One
 * instance per resource type; no per-endpoint paging code exists anywhere else.
 *
 * @param <T> item type
 * @param <L> generated list envelope type
 */
public final class ListEndpoint<T, L> {
    private final ApiCalls calls;
    private final String name;
    private final String operation;
    private final String pathTemplate;
    private final List<String> path;
    private final ListEnvelope<T, L> envelope;

    /**
     * @param name         the resource's name in operation names, for example {@code tasks} ({@code tasks.list})
     * @param pathTemplate the path for listeners, for example {@code /flows/tasks}
     * @param path         the path segments below the base URL; an empty last segment keeps a trailing slash
     */
    public ListEndpoint(ApiCalls calls, String name, String pathTemplate, List<String> path,
                        ListEnvelope<T, L> envelope) {
        this.calls = calls;
        this.name = name;
        this.operation = name + ".list";
        this.pathTemplate = pathTemplate;
        this.path = List.copyOf(path);
        this.envelope = envelope;
    }

    /**
     * Where one iteration starts, how much it reads, how many pages it may fetch at once, and
     * whether it pages by key ({@link KeysetEngine}) instead of by offset.
     */
    public record Paging(long startIndex, int pageSize, long limit, int parallelism, boolean keyset) {
        public Paging(long startIndex, int pageSize, long limit, int parallelism) {
            this(startIndex, pageSize, limit, parallelism, false);
        }
    }

    /** {@return the resource's name, for example {@code tasks}} */
    public String name() {
        return name;
    }

    /** {@return the wall clock of the client (for snapshots)} */
    public Clock clock() {
        return calls.context().time().clock();
    }

    /**
     * The {@code forTime} of a snapshot taken now: the last completed second before now (UTC), so
     * that nothing changed after the iteration started can be visible, whatever the precision of
     * the server's timestamps.
     */
    public OffsetDateTime snapshotTime() {
        return OffsetDateTime.ofInstant(clock().instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds(1);
    }

    /** A new iteration over the items; sends nothing until the first {@code hasNext()}. */
    public ItemIterator<T> items(ListParams params, Paging paging) {
        return new ItemIterator<>(engine(params, paging));
    }

    /** A new iteration over the pages, each mapped by {@code mapper}. */
    public <P> Iterator<P> pages(ListParams params, Paging paging, Function<FetchedPage<T>, P> mapper) {
        return new PageIterator<>(engine(params, paging), mapper);
    }

    private PageSource<T> engine(ListParams params, Paging paging) {
        IterationObserver events = calls.context().observer().iteration(operation, pathTemplate, paging.pageSize(),
                paging.parallelism());
        long iteration = events.id();
        if (paging.keyset()) {
            return new KeysetEngine<>(keysetFetcher(params, iteration), paging.pageSize(), paging.limit(), idOf())
                    .observe(events);
        }
        PageFetcher<T> fetcher = new PageFetcher<>() {
            @Override
            public FetchedPage<T> fetch(long startIndex, int count) {
                return ListEndpoint.this.fetch(request(params, startIndex, count).withIteration(iteration));
            }

            @Override
            public CompletableFuture<FetchedPage<T>> fetchAsync(long startIndex, int count) {
                return ListEndpoint.this.fetchAsync(request(params, startIndex, count).withIteration(iteration));
            }
        };
        return new PagingEngine<>(fetcher, paging.startIndex(), paging.pageSize(), paging.limit(), paging.parallelism(),
                idOf()).observe(events);
    }

    private Function<T, String> idOf() {
        return envelope::id;
    }

    /**
     * Pages of the list sorted by id, each after the last id of the one before: the filter is the
     * query's own, and from the second page on {@code (<filter>) and id gt "<last id>"}, built as a
     * filter (never by gluing strings).
     */
    private KeysetEngine.Fetcher<T> keysetFetcher(ListParams params, long iteration) {
        ListParams keyed = params.forKeyset();
        Filter own = params.filter() == null ? null : Filter.parse(params.filter());
        return (afterId, count) -> {
            if (afterId == null) {
                return fetch(request(keyed, 1, count).withIteration(iteration));
            }
            Filter after = Filter.gt("id", afterId);
            ListParams next = keyed.withFilter((own == null ? after : own.and(after)).toString());
            return fetch(request(next, 1, count).withIteration(iteration));
        };
    }

    /** The first page of a keyset iteration: sorted by id, from the start. */
    public FetchedPage<T> fetchKeysetFirst(ListParams params, int count) {
        return fetch(params.forKeyset(), 1, count);
    }

    /** The non-blocking form of {@link #fetchKeysetFirst}. */
    public CompletableFuture<FetchedPage<T>> fetchKeysetFirstAsync(ListParams params, int count) {
        return fetchAsync(params.forKeyset(), 1, count);
    }

    /** One page, blocking. */
    public FetchedPage<T> fetch(ListParams params, long startIndex, int count) {
        return fetch(request(params, startIndex, count));
    }

    /** One page, without blocking; cancelling the future cancels the request. */
    public CompletableFuture<FetchedPage<T>> fetchAsync(ListParams params, long startIndex, int count) {
        return fetchAsync(request(params, startIndex, count));
    }

    private FetchedPage<T> fetch(ApiRequest request) {
        return toPage(calls.<L>send(request, envelope.type()), request);
    }

    private CompletableFuture<FetchedPage<T>> fetchAsync(ApiRequest request) {
        return Futures.map(calls.<L>sendAsync(request, envelope.type()), result -> toPage(result, request));
    }

    private ApiRequest request(ListParams params, long startIndex, int count) {
        ApiRequest request = ApiRequest.get(operation, pathTemplate, path)
                .withQuery("filter", params.filter())
                .withQuery("count", Integer.toString(count))
                .withQuery("startIndex", Long.toString(startIndex))
                .withQuery("sortBy", params.sortBy())
                .withQuery("sortOrder", params.sortBy() == null ? null : params.sortOrder());
        for (String a : params.attributes()) {
            request = request.withQuery("attributes", a);
        }
        for (String a : params.excludedAttributes()) {
            request = request.withQuery("excludedAttributes", a);
        }
        return request.withQuery("forTime", params.forTime() == null ? null : Rfc3339.format(params.forTime()));
    }

    /**
     * The envelope's numbers must make sense: a negative total is the server's error, not an
     * empty list (paging and count() depend on it). A negative itemsPerPage, which nothing depends
     * on, is read as not sent.
     */
    private FetchedPage<T> toPage(Result<L> result, ApiRequest request) {
        L list = result.value();
        Long totalResults = envelope.totalResults(list);
        Integer itemsPerPage = envelope.itemsPerPage(list);
        if (totalResults != null && totalResults < 0) {
            throw malformed(result, request, "totalResults is negative (" + totalResults + ")");
        }
        if (itemsPerPage != null && itemsPerPage < 0) {
            itemsPerPage = null; // only informative (paging follows the items returned): read as not sent
        }
        List<T> resources = envelope.items(list);
        if (resources != null && resources.contains(null)) {
            resources = new ArrayList<>(resources);
            resources.removeIf(Objects::isNull);
        }
        return new FetchedPage<>(resources, totalResults, envelope.startIndex(list), itemsPerPage);
    }

    private MalformedResponseException malformed(Result<L> result, ApiRequest request, String problem) {
        return new MalformedResponseException(result.statusCode(), "GET", calls.urlOf(request).encodedPath(),
                "the list answer is not valid: " + problem, null, null);
    }
}
