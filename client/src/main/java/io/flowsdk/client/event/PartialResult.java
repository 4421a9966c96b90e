package io.flowsdk.client.event;

import java.util.Objects;

/**
 * A call succeeded only in part: {@code flows().cancel(...)} answered 207 Multi-Status (or listed
 * jobs it could not cancel). The caller gets a {@code FlowCancellation} whose
 * {@code isPartial()} is true. Comes after the call's {@link CallEnded}.
 *
 * @param callId          the call (see {@link CallInfo#callId()})
 * @param operation       the operation, {@code flows.cancel}
 * @param statusCode      the status, 207 (or 200 with jobs not cancelled)
 * @param succeeded       the parts that succeeded (jobs cancelled)
 * @param failed          the parts that failed (jobs not cancelled)
 */
public record PartialResult(long callId, String operation, int statusCode, int succeeded, int failed) {
    /**
     * Checks the components.
     *
     * @param callId     the call
     * @param operation  the operation
     * @param statusCode the status
     * @param succeeded  the parts that succeeded
     * @param failed     the parts that failed
     */
    public PartialResult {
        Objects.requireNonNull(operation, "operation");
    }
}
