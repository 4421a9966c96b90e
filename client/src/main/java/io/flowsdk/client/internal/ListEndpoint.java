package io.flowsdk.client.internal;

import io.flowsdk.client.internal.paging.FetchedPage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A SCIM list endpoint ({@code GET /flows/tasks}, {@code GET /flows/}): turns list parameters
 * and a page window into a request, and the list envelope into a {@link FetchedPage}. One
 * instance per resource type; no per-endpoint paging code exists anywhere else.
 *
 * @param <T> item type
 * @param <L> generated list envelope type
 */
public final class ListEndpoint<T, L> {
    private final Pipeline pipeline;
    private final String[] path;
    private final Class<L> listType;
    private final Function<L, List<T>> items;
    private final Function<L, Number> total;
    private final Function<L, Number> start;
    private final Function<L, Number> perPage;
    private final Function<T, String> idOf;

    public ListEndpoint(Pipeline pipeline, Class<L> listType, Function<L, List<T>> items, Function<L, Number> total,
                        Function<L, Number> start, Function<L, Number> perPage, Function<T, String> idOf,
                        String... path) {
        this.pipeline = pipeline;
        this.path = path.clone();
        this.listType = listType;
        this.items = items;
        this.total = total;
        this.start = start;
        this.perPage = perPage;
        this.idOf = idOf;
    }

    public Function<T, String> idOf() {
        return idOf;
    }

    public java.time.Clock clock() {
        return pipeline.clock();
    }

    public FetchedPage<T> fetch(ListParams params, long startIndex, int count, Cancellation cancellation) {
        return toPage(pipeline.<L>send(request(params, startIndex, count), listType, cancellation).value());
    }

    public CompletableFuture<FetchedPage<T>> fetchAsync(ListParams params, long startIndex, int count) {
        return Futures.map(pipeline.<L>sendAsync(request(params, startIndex, count), listType),
                result -> toPage(result.value()));
    }

    private ApiRequest request(ListParams params, long startIndex, int count) {
        ApiRequest request = ApiRequest.get(path)
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
        return request.withQuery("forTime", formatForTime(params.forTime()));
    }

    private FetchedPage<T> toPage(L list) {
        List<T> resources = items.apply(list);
        if (resources != null && resources.contains(null)) {
            resources = resources.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toList());
        }
        return new FetchedPage<>(resources, asLong(total.apply(list)), asLong(start.apply(list)),
                perPage.apply(list) == null ? null : perPage.apply(list).intValue());
    }

    /** RFC 3339 with seconds always written: {@code 2026-01-01T00:00:00Z}, {@code 2026-01-01T00:00:00+02:00}. */
    public static String formatForTime(OffsetDateTime t) {
        return t == null ? null : Rfc3339.format(t);
    }

    private static Long asLong(Number n) {
        return n == null ? null : n.longValue();
    }
}
