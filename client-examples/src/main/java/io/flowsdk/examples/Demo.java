package io.flowsdk.examples;

import io.flowsdk.client.FlowCancellation;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Page;
import io.flowsdk.client.SortOrder;
import io.flowsdk.client.error.PartialFailureException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.SeedData;
import io.flowsdk.testkit.Seeds;

import com.google.gson.JsonObject;

import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tour of the SDK against an embedded {@link FlowsStub} seeded with 3 flow instances and
 * 1,200 tasks: connect with client credentials (one token request for every call that follows),
 * count, iterate everything, a filtered and sorted page, complete a task, cancel a flow that
 * answers 207, and a summary. Run it with the README's first command.
 */
public final class Demo {
    /** The client id the demo registers at the stub's token endpoint. */
    static final String CLIENT_ID = "demo-bot";
    private static final String CLIENT_SECRET = "demo-secret";
    private static final int WIDTH = 78;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Demo() {
    }

    /**
     * Runs the tour against its own embedded stub.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        try (FlowsStub stub = new FlowsStub()) {
            SeedData data = seedWithARunningFlow();
            stub.seed(data);
            stub.registerClient(CLIENT_ID, CLIENT_SECRET);
            System.out.println("Flows Java SDK demo");
            System.out.println(line('='));
            // how a service account connects: the client fetches a token once, then reuses it
            try (FlowsClient client = FlowsClient.builder()
                    .baseUrl(stub.baseUrl())
                    .clientCredentials(CLIENT_ID, CLIENT_SECRET)
                    .build()) {
                long flows = client.flows().list().count();
                long tasks = client.tasks().list().count();
                System.out.printf("Connected to %s as %s (client credentials).%n", stub.baseUrl(), CLIENT_ID);
                System.out.printf("Token requested %s for %d calls: cached, refreshed before it expires.%n",
                        times(stub.requestCount(Endpoint.TOKEN)), apiRequests(stub));
                System.out.printf("Seeded %d flow instances and %,d tasks.%n", flows, tasks);
                tour(stub, client, data);
            }
            System.out.println();
            System.out.println(line('='));
            System.out.printf("Done: %d calls to the API, token requested %s, %d ms in all.%n", apiRequests(stub),
                    times(stub.requestCount(Endpoint.TOKEN)), millis(t0));
        }
    }

    private static int apiRequests(FlowsStub stub) {
        return stub.requests().size() - stub.requestCount(Endpoint.TOKEN);
    }

    private static String times(int n) {
        return n + (n == 1 ? " time" : " times");
    }

    private static void tour(FlowsStub stub, FlowsClient client, SeedData data) {
        // 1. count
        section(1, "Count: one request each, count=0 answers only totalResults");
        long t = System.nanoTime();
        long all = client.tasks().list().count();
        StringBuilder counts = new StringBuilder(String.format("   all %,d", all));
        for (String status : new String[]{"pending", "completed", "canceled"}) {
            counts.append(String.format("   %s %,d", status,
                    client.tasks().list().filter(Filter.eq("status", status)).count()));
        }
        System.out.println(counts);
        System.out.printf("   4 requests, %d ms%n", millis(t));

        // 2. iterate everything
        section(2, "Iterate all tasks: pages of 100, 4 requests in flight, order kept");
        t = System.nanoTime();
        int before = stub.requests().size();
        long n = 0;
        Iterator<Task> it = client.tasks().list().pageSize(100).parallelism(4).iterator();
        while (it.hasNext()) {
            it.next();
            n++;
            if (n % 100 == 0 || n == all) {
                progress(n, all);
            }
        }
        System.out.println();
        long ms = Math.max(1, millis(t));
        System.out.printf("   %,d tasks in %d page requests, %d ms (%,d tasks/s)%n", n,
                stub.requests().size() - before, ms, n * 1000 / ms);

        // 3. filtered, sorted, projected page
        section(3, "Pending tasks due soonest: filter + sortBy + attributes");
        Filter f = Filter.eq("status", "pending").and(Filter.pr("assigneeId")).and(Filter.pr("due"));
        System.out.println("   filter: " + f);
        t = System.nanoTime();
        Page<Task> page = client.tasks().list().filter(f).sortBy("due", SortOrder.ASCENDING)
                .attributes("id", "displayName", "due", "assigneeId").pageSize(8).firstPage();
        System.out.printf("   %-16s  %-20s  %s%n", "DUE", "TASK", "ID");
        for (Task task : page.items()) {
            System.out.printf("   %-16s  %-20s  %s%n", task.getDue() == null ? "-" : DUE.format(task.getDue()),
                    cut(task.getDisplayName(), 20), cut(task.getId(), 36));
        }
        System.out.printf("   %d of %,d matching tasks, 1 request, %d ms%n", page.items().size(),
                page.totalResults(), millis(t));

        // 4. complete one task
        section(4, "Complete a task with variables");
        Task target = page.items().get(0);
        Task fresh = client.tasks().get(target.getId());
        Task done = client.tasks().complete(target.getId(), Map.of("approved", true, "comment", "demo"));
        Object approved = done.getVariables() instanceof Map<?, ?> vars ? vars.get("approved") : null;
        System.out.printf("   %s%n   %s -> %s, revision %d -> %d, variables.approved = %s%n", target.getId(),
                fresh.getStatus(), done.getStatus(), fresh.getMeta().getRevision(), done.getMeta().getRevision(),
                approved);

        // 5. cancel a flow, one job refuses
        section(5, "Cancel a running flow whose provisioning job refuses to stop");
        JsonObject running = data.flows().stream()
                .filter(fl -> "running".equals(fl.get("status").getAsString())).findFirst().orElseThrow();
        String flowId = running.get("id").getAsString();
        stub.failJobCancellation(flowId, "job-provisioning");
        FlowCancellation c = client.flows().cancel(flowId);
        System.out.printf("   HTTP %d, flow %s: %d jobs cancelled, %d not: %s%n", c.statusCode(), c.flowStatus(),
                c.canceledJobs().size(), c.notCanceledJobs().size(), c.notCanceledJobs());
        System.out.println("   isPartial() = " + c.isPartial());
        try {
            c.orThrow();
        } catch (PartialFailureException e) {
            System.out.println("   orThrow() -> PartialFailureException: " + cut(e.getMessage(), WIDTH - 42));
        }
        List<String> stillOpen = client.tasks().list()
                .filter(Filter.eq("flow.flowInstanceKey", flowId).and(Filter.eq("status", "pending")))
                .stream().map(Task::getId).collect(Collectors.toList());
        System.out.printf("   tasks of that flow still pending: %d%n", stillOpen.size());
    }

    /**
     * Seeds 3 flows x 400 tasks, choosing the first seed whose flows are running, completed and
     * canceled, so task statuses vary and there is a running flow to cancel.
     */
    private static SeedData seedWithARunningFlow() {
        for (long seed = 1; ; seed++) {
            SeedData d = Seeds.realistic(3, 400, seed);
            java.util.Set<String> statuses = d.flows().stream().map(fl -> fl.get("status").getAsString())
                    .collect(Collectors.toSet());
            if (statuses.containsAll(List.of("running", "completed", "canceled")) || seed > 500) {
                return d;
            }
        }
    }

    private static void progress(long n, long total) {
        int width = 40;
        int filled = total == 0 ? width : (int) (n * width / total);
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        String text = String.format("   [%s] %,6d / %,d tasks", bar, n, total);
        if (System.console() != null) {
            System.out.print("\r" + text);
            System.out.flush();
        } else if (n == total || n % (Math.max(100, total / 4) / 100 * 100) == 0) {
            System.out.println(text);
        }
    }

    private static void section(int number, String title) {
        System.out.println();
        System.out.println(number + ". " + title);
        System.out.println(line('-'));
    }

    private static String line(char c) {
        return String.valueOf(c).repeat(WIDTH);
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "-";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "~";
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
