package io.flowsdk.examples;

import io.flowsdk.client.SortOrder;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;

import java.time.OffsetDateTime;

/**
 * Builds a filter without gluing strings (quotes and escaping are handled), sorts, and projects
 * to the attributes it needs.
 */
public final class FilterAndSort {
    private FilterAndSort() {
    }

    /**
     * Runs the example: against the API at {@code FLOWS_BASE_URL} (token from {@code FLOWS_TOKEN})
     * when that is set, otherwise against an embedded, seeded stub.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        try (Examples ex = Examples.connect()) {
            Filter openAndDue = Filter.eq("status", "pending")
                    .and(Filter.pr("assigneeId"))
                    .and(Filter.lt("due", OffsetDateTime.parse("2026-01-15T00:00:00Z")));
            System.out.println("filter: " + openAndDue);   // status eq "pending" and assigneeId pr and due lt "..."

            ex.client().tasks().list()
                    .filter(openAndDue)
                    .sortBy("due", SortOrder.ASCENDING)
                    .attributes("id", "displayName", "due", "assigneeId")
                    .limit(10)
                    .stream()
                    .forEach(t -> System.out.printf("%s  %-24s %s%n", t.getDue(), t.getDisplayName(), t.getId()));

            // A filter string works too; it is checked before anything is sent.
            Filter parsed = Filter.parse("displayName sw \"Approve\" or groupsIds eq \"finance\"");
            System.out.println("parsed back: " + parsed);
        }
    }
}
