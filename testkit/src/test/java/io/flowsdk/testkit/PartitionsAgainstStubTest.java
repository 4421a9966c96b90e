package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Query;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Partitioned scans: disjoint, their union the snapshot's items, each once, wherever they run. */
@ExtendWith(FlowsStubExtension.class)
class PartitionsAgainstStubTest {
    private static final Filter PENDING = Filter.eq("status", "pending");
    private final FlowsStub stub;

    PartitionsAgainstStubTest(FlowsStub stub) {
        this.stub = stub;
    }

    private List<String> seedAt(Instant t, int n) {
        stub.clock().set(t);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(stub.addTask(new Task().displayName("Review " + i).status(i % 5 == 0 ? "completed" : "pending"))
                    .getId());
        }
        stub.clock().advance(Duration.ofSeconds(5));
        return ids;
    }

    @Test
    void workersWithTheirOwnClientsCompleteEachPendingTaskOfTheSnapshotOnce(FlowsClient client) throws Exception {
        seedAt(Instant.parse("2026-03-01T10:00:00Z"), 1000);
        List<String> expected = client.tasks().list().filter(PENDING).snapshot().stream().map(Task::getId).toList();
        assertEquals(800, expected.size());
        List<String> descriptors = client.tasks().list().filter(PENDING).pageSize(50).snapshot().partitions(4)
                .stream().map(Query::toDescriptor).toList();
        stub.addTask(new Task().displayName("added after the snapshot").status("pending"));

        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> done = new ArrayList<>();
        for (String d : descriptors) {
            done.add(workers.submit(() -> {
                FlowsClient own = stub.client(b -> { });   // another client, as in another process
                List<String> mine = new ArrayList<>();
                for (Task t : own.tasks().list(d)) {
                    own.tasks().complete(t.getId());
                    mine.add(t.getId());
                }
                return mine;
            }));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Future<List<String>> f : done) {
            List<String> mine = f.get();
            assertTrue(mine.size() == 200, "equal shares: " + mine.size());
            mine.forEach(id -> seen.merge(id, 1, Integer::sum));
        }
        workers.shutdown();
        assertEquals(new java.util.HashSet<>(expected), seen.keySet(), "the union is the snapshot's pending tasks");
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "each once");
        assertEquals(800, stub.requestCount(Endpoint.COMPLETE_TASK));
        assertEquals(1, stub.tasks().stream().filter(t -> "pending".equals(t.getStatus())).count(),
                "only the task added after the snapshot is left");
    }

    @Test
    void anyWayOfCuttingGivesTheSameUnion(FlowsClient client) {
        seedAt(Instant.parse("2026-03-01T10:00:00Z"), 137);
        List<String> all = client.tasks().list().snapshot().sortBy("id").stream().map(Task::getId).toList();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 30; round++) {
            int n = 1 + random.nextInt(20);
            int pageSize = 1 + random.nextInt(40);
            long start = 1 + random.nextInt(150);
            Query<Task> q = client.tasks().list().pageSize(pageSize).startIndex(start);
            if (random.nextBoolean()) {
                q = q.limit(random.nextInt(160));
            }
            if (random.nextBoolean()) {
                q = q.parallelism(1 + random.nextInt(4));
            }
            List<String> expected = q.snapshot().sortBy("id").stream().map(Task::getId).toList();
            List<String> union = new ArrayList<>();
            for (Query<Task> part : q.snapshot().partitions(n)) {
                client.tasks().list(part.toDescriptor()).forEach(t -> union.add(t.getId()));
            }
            assertEquals(expected, union, "seed " + seed + ", round " + round + ": " + q);
        }
        assertEquals(137, all.size());
    }
}
