package com.example.approvals;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.model.Task;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A user's service: approves a task without blocking the caller's thread. */
public final class ApprovalInbox {
    private final FlowsClient client;

    public ApprovalInbox(FlowsClient client) {
        this.client = client;
    }

    public CompletableFuture<String> approve(String taskId) {
        return client.tasks().completeAsync(taskId, Map.of("approved", true))
                .thenApply(Task::getStatus);
    }
}
