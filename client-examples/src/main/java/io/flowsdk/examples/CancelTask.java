package io.flowsdk.examples;

import io.flowsdk.client.Change;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;

/** Cancels a pending task. */
public final class CancelTask {
    private CancelTask() {
    }

    public static void main(String[] args) {
        try (Examples ex = Examples.connect()) {
            Task pending = ex.client().tasks().list().filter(Filter.eq("status", "pending")).limit(1).toList().get(0);
            Task canceled = ex.client().tasks().cancel(pending.getId(), Change.reason("request withdrawn"));
            System.out.println(canceled.getId() + " is now " + canceled.getStatus() + ", ended " + canceled.getEnded());
        }
    }
}
