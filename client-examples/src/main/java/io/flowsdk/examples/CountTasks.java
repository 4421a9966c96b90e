package io.flowsdk.examples;

import io.flowsdk.client.filter.Filter;

/** Counts with one request each ({@code count=0} answers only {@code totalResults}). */
public final class CountTasks {
    private CountTasks() {
    }

    /**
     * Runs the example: against the API at {@code FLOWS_BASE_URL} (token from {@code FLOWS_TOKEN})
     * when that is set, otherwise against an embedded, seeded stub.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        try (Examples ex = Examples.connect()) {
            long all = ex.client().tasks().list().count();
            for (String status : new String[]{"pending", "completed", "canceled"}) {
                long n = ex.client().tasks().list().filter(Filter.eq("status", status)).count();
                System.out.printf("%-10s %5d of %d%n", status, n, all);
            }
        }
    }
}
