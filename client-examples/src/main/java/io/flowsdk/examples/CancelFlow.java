package io.flowsdk.examples;

import io.flowsdk.client.Change;
import io.flowsdk.client.FlowCancellation;
import io.flowsdk.client.error.PartialFailureException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.FlowInstance;

/**
 * Cancels a flow instance and handles a 207 Multi-Status: the flow is cancelled but some of its
 * jobs are not. The SDK returns a {@link FlowCancellation} for both 200 and 207; it never passes
 * a partial result off as success.
 */
public final class CancelFlow {
    private CancelFlow() {
    }

    /**
     * Runs the example: against the API at {@code FLOWS_BASE_URL} (token from {@code FLOWS_TOKEN})
     * when that is set, otherwise against an embedded, seeded stub.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        try (Examples ex = Examples.connect()) {
            FlowInstance running = ex.client().flows().list().filter(Filter.eq("status", "running"))
                    .limit(1).toList().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no running flow to cancel"));
            if (ex.stub() != null) {
                ex.stub().failJobCancellation(running.getId(), "job-provisioning"); // make the fake answer 207
            }

            FlowCancellation result = ex.client().flows().cancel(running.getId(), Change.reason("superseded"));
            System.out.println("status " + result.statusCode() + ", flow is " + result.flowStatus());
            System.out.println("cancelled jobs:     " + result.canceledJobs().size());
            System.out.println("not cancelled jobs: " + result.notCanceledJobs());

            // Either branch on it ...
            if (result.isPartial()) {
                System.out.println("partial: follow up on " + result.notCanceledJobs());
            }
            // ... or make partial failure an exception.
            try {
                result.orThrow();
            } catch (PartialFailureException e) {
                System.out.println("orThrow(): " + e.getMessage());
            }
        }
    }
}
