package io.flowsdk.client;

import io.flowsdk.client.error.BulkFailureException;
import io.flowsdk.client.error.FlowsException;
import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a bulk run, item by item. Immutable. Each item of the run is in exactly one of
 * {@link #succeeded()}, {@link #partial()} and {@link #failed()}, unless the run
 * {@link #stoppedEarly() stopped early}: items it never reached are in none.
 *
 * <pre>{@code
 * BulkResult<Task> r = client.tasks().completeAll(ids, Map.of("approved", true), Change.none(), Bulk.options());
 * r.failed().forEach((id, e) -> log.warn("{}: {}", id, e.getMessage()));
 * r.orThrow();                                     // BulkFailureException unless everything succeeded
 * }</pre>
 *
 * @param <T> what one item's success is: the {@code Task} after the change, or a
 *            {@link FlowCancellation}
 */
public final class BulkResult<T> {
    private final List<T> succeeded;
    private final Map<String, FlowsException> failed;
    private final List<FlowCancellation> partial;
    private final @Nullable FlowsException stoppedEarly;

    /**
     * Creates the result; the SDK does, tests of your own code may too.
     *
     * @param succeeded    the items changed, in the order their outcome was known
     * @param failed       the failure of each item that failed, by id, in the order their outcome was known
     * @param partial      flow cancels answered 207 (the flow was cancelled, some of its jobs were not)
     * @param stoppedEarly why the run stopped before reaching every item, or {@code null}
     */
    public BulkResult(List<T> succeeded, Map<String, FlowsException> failed, List<FlowCancellation> partial,
                      @Nullable FlowsException stoppedEarly) {
        this.succeeded = List.copyOf(succeeded);
        this.failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        this.partial = List.copyOf(partial);
        this.stoppedEarly = stoppedEarly;
    }

    /**
     * Returns the items changed.
     *
     * @return the items changed (a task as it was after the change; a flow cancel answered 200, or
     *         confirmed by reading the flow), in the order their outcome was known
     */
    public List<T> succeeded() {
        return succeeded;
    }

    /**
     * Returns the items that failed.
     *
     * @return the failure of each item that failed, by id, in the order their outcome was known
     */
    public Map<String, FlowsException> failed() {
        return failed;
    }

    /**
     * Returns the flow cancels answered 207.
     *
     * @return the flow cancels answered 207 (the flow was cancelled, some of its jobs were not); always
     *         empty for tasks
     */
    public List<FlowCancellation> partial() {
        return partial;
    }

    /**
     * Returns why the run stopped before reaching every item.
     *
     * @return why the run stopped before reaching every item (an interrupt, a failure to read the
     *         query, a {@code Retry-After} longer than the client's policy accepts), or empty when it
     *         reached them all
     */
    public Optional<FlowsException> stoppedEarly() {
        return Optional.ofNullable(stoppedEarly);
    }

    /**
     * Returns this result when every item succeeded, and throws otherwise.
     *
     * @return this result, when nothing failed, nothing was partial and the run did not stop early
     * @throws BulkFailureException otherwise; it carries this result
     */
    public BulkResult<T> orThrow() {
        if (!failed.isEmpty() || !partial.isEmpty() || stoppedEarly != null) {
            throw new BulkFailureException(this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "BulkResult{succeeded=" + succeeded.size() + ", partial=" + partial.size() + ", failed="
                + failed.size() + (stoppedEarly == null ? "" : ", stoppedEarly=" + stoppedEarly.getMessage()) + "}";
    }
}
