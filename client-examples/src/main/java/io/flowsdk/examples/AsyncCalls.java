package io.flowsdk.examples;

import io.flowsdk.client.Change;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Page;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous API: calls return a {@link CompletableFuture} at once and run on OkHttp's
 * asynchronous calls, with the same retries and typed exceptions as the blocking API. Here: fetch
 * a page of pending tasks, complete all of them concurrently, and wait for one without blocking.
 */
public final class AsyncCalls {
    private AsyncCalls() {
    }

    /**
     * Runs the example against the embedded stub, or against {@code FLOWS_BASE_URL} when set.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        try (Examples ex = Examples.connect()) {
            FlowsClient client = ex.client();

            Page<Task> page = client.tasks().list().filter(Filter.eq("status", "pending")).pageSize(5)
                    .firstPageAsync()
                    .join();

            List<CompletableFuture<Task>> completions = page.items().stream()
                    .map(t -> client.tasks().completeAsync(t.getId(), Map.of("approved", true),
                            Change.reason("bulk approval")))
                    .toList();
            CompletableFuture.allOf(completions.toArray(CompletableFuture[]::new)).join();
            completions.forEach(f -> System.out.println(f.join().getId() + " -> " + f.join().getStatus()));

            // a failure arrives through the future, typed as in the blocking API
            String missing = client.tasks().findAsync("no-such-task")
                    .thenApply(found -> found.isPresent() ? "found" : "not found (404 -> Optional.empty())")
                    .join();
            System.out.println("no-such-task: " + missing);

            String first = page.items().get(0).getId();
            Task done = client.tasks()
                    .awaitAsync(first, t -> "completed".equals(t.getStatus()), Duration.ofSeconds(30))
                    .join();
            System.out.println("awaited " + done.getId() + ": " + done.getStatus());
        }
    }
}
