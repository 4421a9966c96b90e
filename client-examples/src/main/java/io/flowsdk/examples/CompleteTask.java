package io.flowsdk.examples;

import io.flowsdk.client.Change;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;

import java.util.List;
import java.util.Map;

/** Completes a pending task with variables, recording why and for which ticket. */
public final class CompleteTask {
    private CompleteTask() {
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
            Task done = ex.client().tasks().complete(pending.getId(),
                    Map.of("approved", true, "comment", "Fine for one quarter", "reviewers", List.of("bob", "carol")),
                    Change.reason("approved by manager").withCorrelation("/tickets/42"));
            System.out.println(done.getId() + " is now " + done.getStatus() + " (revision "
                    + done.getMeta().getRevision() + "), variables " + done.getVariables());
        }
    }
}
