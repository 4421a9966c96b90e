package io.flowsdk.examples;

import io.flowsdk.client.Change;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;

import java.util.Map;

/**
 * A stand-in for a user's own service built on the SDK: it approves pending tasks whose
 * {@code priority} variable is at most a threshold. {@code ApprovalServiceTest} shows how to test
 * such a service against the shipped stub.
 */
public final class ApprovalService {
    private final FlowsClient client;

    /**
     * Creates the service.
     *
     * @param client the client the service works with
     */
    public ApprovalService(FlowsClient client) {
        this.client = client;
    }

    /**
     * Completes, as approved, every pending task whose {@code priority} variable is at most
     * {@code maxPriority}.
     *
     * <p>The loop changes what it iterates (each completed task leaves "pending"), so it iterates
     * by key: {@code keyset()} asks each page for the ids after the last one seen, where paging by
     * offset would skip a task for every task completed before its page.
     *
     * @param maxPriority the highest priority approved automatically
     * @return how many tasks were approved
     */
    public int autoApprove(int maxPriority) {
        int approved = 0;
        for (Task task : client.tasks().list().filter(Filter.eq("status", "pending")).keyset()) {
            if (priority(task) <= maxPriority) {
                client.tasks().complete(task.getId(), Map.of("approved", true),
                        Change.reason("auto-approved: priority " + priority(task)));
                approved++;
            }
        }
        return approved;
    }

    private static long priority(Task task) {
        if (task.getVariables() instanceof Map<?, ?> vars && vars.get("priority") instanceof Number p) {
            return p.longValue();
        }
        return Long.MAX_VALUE;
    }
}
