package io.flowsdk.client.event;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A page of an iteration was taken in, in list order (with parallelism, pages may arrive out of
 * order; they are reported when the iteration reaches them).
 *
 * @param iterationId   the iteration
 * @param operation     the list operation, {@code tasks.list} or {@code flows.list}
 * @param pageNumber    1 for the iteration's first page, 2 for the next, ...
 * @param startIndex    the 1-based index of the page's first item
 * @param items         the items the page brings to the iteration (repeats of items already delivered
 *                      and items beyond the limit are not counted); 0 for the empty page that ends it
 * @param totalResults  the list's {@code totalResults} as this page reported it, when it did
 * @param inFlight      page requests still in flight after this one (fetched ahead with parallelism)
 */
public record PageFetched(long iterationId, String operation, int pageNumber, long startIndex, int items,
                          OptionalLong totalResults, int inFlight) {
    /**
     * Checks the components.
     *
     * @param iterationId  the iteration
     * @param operation    the list operation
     * @param pageNumber   the page's number, from 1
     * @param startIndex   the index of its first item
     * @param items        the items it brings
     * @param totalResults the reported total, or empty
     * @param inFlight     requests still in flight
     */
    public PageFetched {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(totalResults, "totalResults");
    }
}
