package io.flowsdk.client;

import io.flowsdk.client.error.PartialFailureException;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The result of cancelling a flow instance. The API answers 200 when the flow and all its jobs
 * were cancelled and 207 Multi-Status when the flow was cancelled but some jobs were not; both
 * return normally here, and nothing partial passes for success:
 *
 * <pre>{@code
 * FlowCancellation c = client.flows().cancel("flow-1");
 * if (c.isPartial()) {
 *     log.warn("not cancelled: {}", c.notCanceledJobs());
 * }
 * client.flows().cancel("flow-2").orThrow(); // PartialFailureException on 207
 * }</pre>
 *
 * Immutable; the lists are never null.
 */
public final class FlowCancellation {
    private final int statusCode;
    private final @Nullable String flowId;
    private final @Nullable String flowStatus;
    private final List<String> canceledJobs;
    private final List<String> notCanceledJobs;
    private final List<String> taskIds;

    /**
     * Creates the result; the SDK does, tests of your own code may too.
     *
     * @param statusCode      the HTTP status, 200 or 207
     * @param flowId          the flow instance's id, or {@code null} when the answer did not carry it
     * @param flowStatus      the flow's status after the cancel, or {@code null} when the answer did not carry it
     * @param canceledJobs    jobs that were cancelled (null means none)
     * @param notCanceledJobs jobs that failed to cancel (null means none)
     * @param taskIds         tasks cancelled with the flow (null means none)
     */
    public FlowCancellation(int statusCode, @Nullable String flowId, @Nullable String flowStatus,
                            @Nullable List<String> canceledJobs, @Nullable List<String> notCanceledJobs,
                            @Nullable List<String> taskIds) {
        this.statusCode = statusCode;
        this.flowId = flowId;
        this.flowStatus = flowStatus;
        this.canceledJobs = copy(canceledJobs);
        this.notCanceledJobs = copy(notCanceledJobs);
        this.taskIds = copy(taskIds);
    }

    /**
     * {@return the HTTP status of the answer: 200, or 207 for a partial cancel; 0 in a bulk run's
     * result for a cancel whose answer was lost and that reading the flow confirmed (its job lists
     * are then empty: they were in the lost answer)}
     */
    public int statusCode() {
        return statusCode;
    }

    /** {@return true when the answer was 207 or any job was not cancelled} */
    public boolean isPartial() {
        return statusCode == 207 || !notCanceledJobs.isEmpty();
    }

    /** {@return the cancelled flow instance's id, or {@code null} when the server's answer did not carry it} */
    public @Nullable String flowId() {
        return flowId;
    }

    /** {@return the flow's status after the cancel, or {@code null} when the server's answer did not carry it} */
    public @Nullable String flowStatus() {
        return flowStatus;
    }

    /** {@return the jobs that were cancelled; never null} */
    public List<String> canceledJobs() {
        return canceledJobs;
    }

    /** {@return the jobs that failed to cancel; never null} */
    public List<String> notCanceledJobs() {
        return notCanceledJobs;
    }

    /** {@return the tasks cancelled with the flow; never null} */
    public List<String> taskIds() {
        return taskIds;
    }

    /**
     * Throws when the cancellation was partial, so that a caller can treat it as a failure.
     *
     * @return this result, when it is complete
     * @throws PartialFailureException when {@link #isPartial()}
     */
    public FlowCancellation orThrow() {
        if (isPartial()) {
            throw new PartialFailureException(this);
        }
        return this;
    }

    private static List<String> copy(@Nullable List<String> list) {
        if (list == null) {
            return List.of();
        }
        return list.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableList());
    }

    @Override
    public String toString() {
        return "FlowCancellation{status=" + statusCode + ", flowId=" + flowId + ", flowStatus=" + flowStatus
                + ", canceledJobs=" + canceledJobs + ", notCanceledJobs=" + notCanceledJobs
                + ", taskIds=" + taskIds + "}";
    }
}
