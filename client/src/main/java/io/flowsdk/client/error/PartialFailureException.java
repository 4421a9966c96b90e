package io.flowsdk.client.error;

import io.flowsdk.client.FlowCancellation;

/**
 * Thrown by {@link FlowCancellation#orThrow()} when a flow was cancelled but some of its jobs
 * were not (the API answered 207 Multi-Status, or listed not-canceled jobs).
 */
public class PartialFailureException extends FlowsException {
    private static final long serialVersionUID = 1L;

    private final transient FlowCancellation cancellation;

    /**
     * Creates the exception for a partial cancellation.
     *
     * @param cancellation the partial result
     */
    public PartialFailureException(FlowCancellation cancellation) {
        super("flow " + cancellation.flowId() + " was cancelled (HTTP " + cancellation.statusCode()
                + "), but not all of its jobs; not cancelled: " + cancellation.notCanceledJobs());
        this.cancellation = cancellation;
    }

    /** {@return the partial result, with the jobs that were and were not cancelled} */
    public FlowCancellation cancellation() {
        return cancellation;
    }
}
