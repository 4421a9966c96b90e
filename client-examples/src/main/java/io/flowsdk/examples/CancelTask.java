package io.flowsdk.examples;

import io.flowsdk.client.Change;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;

/** Cancels a pending task. */
public final class CancelTask {
    private CancelTask() {
    }

    /**
     * Runs the example: against the API at {@code FLOWS_BASE_URL} (token from {@code FLOWS_TOKEN})
     * when that is set, otherwise against an embedded, seeded stub.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        try (Examples ex = Examples.connect()) {
            Task pending = ex.client().tasks().list().filter(Filter.eq("status", "pending")).limit(1).toList().get(0);
            Task canceled = ex.client().tasks().cancel(pending.getId(), Change.reason("request withdrawn"));
            System.out.println(canceled.getId() + " is now " + canceled.getStatus() + ", ended " + canceled.getEnded());
        }
    }
}
