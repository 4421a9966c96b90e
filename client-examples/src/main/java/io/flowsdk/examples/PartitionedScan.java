package io.flowsdk.examples;

import io.flowsdk.client.Change;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Query;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.FlowsStub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A partitioned scan: one snapshot of the pending tasks is cut into 4 partitions, each partition
 * travels as a descriptor (a string) to a worker with a client of its own, as it would to another
 * process or to a task of a distributed job, and each worker processes the tasks of its partition:
 * it reviews every one and approves (completes) the urgent ones as it goes. A partition is pinned
 * to the snapshot's time, so the completions of all workers change nothing in what any partition
 * holds. Afterwards the coordinator checks that the union of what the workers saw is exactly the
 * snapshot's tasks, each once.
 *
 * <p>This example always starts its own embedded stub with 10,000 pending tasks: it completes
 * tasks, which is not something to run against a real API by accident.
 */
public final class PartitionedScan {
    private static final int TASKS = 10_000;
    private static final int WORKERS = 4;

    private PartitionedScan() {
    }

    /**
     * Runs the example.
     *
     * @param args not used
     * @throws Exception if a worker fails
     */
    public static void main(String[] args) throws Exception {
        try (FlowsStub stub = new FlowsStub()) {
            stub.clock().set(Instant.parse("2026-03-02T09:00:00Z"));
            Set<String> seeded = new HashSet<>();
            for (int i = 0; i < TASKS; i++) {
                seeded.add(stub.addTask(new Task().displayName("Review access #" + i).status("pending")
                        .variables(Map.of("priority", i % 10))).getId());
            }
            stub.clock().advance(Duration.ofSeconds(5)); // the snapshot sees what existed a second before it

            // the coordinator: one snapshot, cut into partitions, each shipped as text
            FlowsClient coordinator = stub.client();
            Query<Task> pending = coordinator.tasks().list().filter(Filter.eq("status", "pending"))
                    .pageSize(Query.MAX_PAGE_SIZE).snapshot();
            List<String> descriptors = new ArrayList<>();
            for (Query<Task> part : pending.partitions(WORKERS)) {
                descriptors.add(part.toDescriptor());
            }
            System.out.println("partition 1 of " + WORKERS + ": " + descriptors.get(0));

            // the workers: each with its own client and one descriptor
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            List<Future<Worked>> results = new ArrayList<>();
            for (String descriptor : descriptors) {
                results.add(pool.submit(() -> work(stub.client(b -> { }), descriptor)));
            }
            Map<String, Integer> times = new HashMap<>();
            for (int w = 0; w < WORKERS; w++) {
                Worked done = results.get(w).get();
                System.out.println("worker " + (w + 1) + " reviewed " + done.seen().size() + " tasks, approved "
                        + done.approved());
                done.seen().forEach(id -> times.merge(id, 1, Integer::sum));
            }
            pool.shutdown();

            // the check: the union is the snapshot (all the tasks seeded, pending then), each task once
            boolean eachOnce = times.values().stream().allMatch(n -> n == 1);
            System.out.println("union: " + times.size() + " tasks, the snapshot's " + pending.count() + ": "
                    + times.keySet().equals(seeded) + "; each once: " + eachOnce);
            long left = stub.tasks().stream().filter(t -> "pending".equals(t.getStatus())).count();
            System.out.println("pending tasks left: " + left + " (the urgent ones were approved)");
        }
    }

    /** What one worker did: the tasks it saw, and how many it approved. */
    private record Worked(List<String> seen, int approved) {
    }

    /** What runs in each worker (a thread here; a process or a job's task elsewhere). */
    private static Worked work(FlowsClient client, String descriptor) {
        List<String> seen = new ArrayList<>();
        int approved = 0;
        for (Task t : client.tasks().list(descriptor)) {
            seen.add(t.getId());
            if (t.getVariables() instanceof Map<?, ?> v && Integer.valueOf(0).equals(toInt(v.get("priority")))) {
                client.tasks().complete(t.getId(), Map.of("approved", true), Change.reason("urgent"));
                approved++;
            }
        }
        return new Worked(seen, approved);
    }

    private static Integer toInt(Object n) {
        return n instanceof Number x ? x.intValue() : null;
    }
}
