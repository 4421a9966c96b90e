package io.flowsdk.examples;

import io.flowsdk.client.model.Task;

/**
 * Lists every task with the paging iterator. The query is lazy: pages of 50 are fetched as the
 * loop advances, so memory stays flat however long the list is.
 */
public final class ListAllTasks {
    private ListAllTasks() {
    }

    /**
     * Runs the example: against the API at {@code FLOWS_BASE_URL} (token from {@code FLOWS_TOKEN})
     * when that is set, otherwise against an embedded, seeded stub.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        try (Examples ex = Examples.connect()) {
            int n = 0;
            for (Task task : ex.client().tasks().list().pageSize(50)) {
                n++;
                if (n <= 5) {
                    System.out.printf("%-38s %-10s %s%n", task.getId(), task.getStatus(), task.getDisplayName());
                }
            }
            System.out.println("... " + n + " tasks in total");
        }
    }
}
