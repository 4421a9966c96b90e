package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Page;
import io.flowsdk.client.Query;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.internal.Ids;
import io.flowsdk.client.model.Task;
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
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loop that changes what it iterates: complete every pending task while listing the pending
 * tasks. By offset it skips tasks; by key it completes each exactly once.
 */
@ExtendWith(FlowsStubExtension.class)
class KeysetAgainstStubTest {
    private static final Filter PENDING = Filter.eq("status", "pending");
    private final FlowsStub stub;

    KeysetAgainstStubTest(FlowsStub stub) {
        this.stub = stub;
    }

    /** Ids spread evenly over the hex range, so that the stub's random UUIDs land among them. */
    private List<String> seedPending(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("%08x-task-%03d", (0x1_0000_0000L / n) * i, i);
            ids.add(stub.addTask(new Task().id(id).displayName("Approve " + i).status("pending")).getId());
        }
        return ids;
    }

    /** How many {@code .complete} requests each task id received. */
    private Map<String, Integer> completeRequestsById() {
        Map<String, Integer> counts = new HashMap<>();
        for (RecordedRequest r : stub.requests(Endpoint.COMPLETE_TASK)) {
            String path = r.path();
            String id = path.substring(path.indexOf("/flows/tasks/") + "/flows/tasks/".length(), path.lastIndexOf('/'));
            counts.merge(id, 1, Integer::sum);
        }
        return counts;
    }

    private long pendingLeft() {
        return stub.tasks().stream().filter(t -> "pending".equals(t.getStatus())).count();
    }

    @Test
    void byOffsetTheLoopSkipsTasksSilently(FlowsClient client) {
        seedPending(250);
        int completed = 0;
        for (Task t : client.tasks().list().filter(PENDING)) {
            client.tasks().complete(t.getId());
            completed++;
        }
        // each completion shifts the remaining tasks down, so the next startIndex jumps over them
        assertEquals(150, completed);
        assertEquals(100, pendingLeft());
    }

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 7, 100})
    void byKeyTheLoopCompletesEveryTaskExactlyOnce(int pageSize, FlowsClient client) {
        List<String> ids = seedPending(250);
        int completed = 0;
        for (Task t : client.tasks().list().filter(PENDING).pageSize(pageSize).keyset()) {
            client.tasks().complete(t.getId());
            completed++;
        }
        assertEquals(250, completed);
        assertEquals(0, pendingLeft());
        Map<String, Integer> requests = completeRequestsById();
        assertEquals(250, requests.size());
        for (String id : ids) {
            assertEquals(1, requests.get(id), id);
        }
        int pages = 250 / pageSize + 1; // the last page comes back short or empty
        assertTrue(stub.requestCount(Endpoint.LIST_TASKS) <= pages + 1, "pages: " + stub.requestCount(Endpoint.LIST_TASKS));
    }

    @Test
    void aSnapshotIteratedByKeySeesNothingOfTheChangesItMakes(FlowsClient client) {
        stub.clock().set(Instant.parse("2026-03-01T10:00:00Z"));
        seedPending(60);
        stub.clock().advance(Duration.ofSeconds(5));
        int completed = 0;
        for (Task t : client.tasks().list().filter(PENDING).pageSize(7).keyset().snapshot()) {
            assertEquals("pending", t.getStatus(), "as of the snapshot");
            client.tasks().complete(t.getId());
            completed++;
        }
        assertEquals(60, completed);
        assertEquals(0, pendingLeft());
        assertTrue(completeRequestsById().values().stream().allMatch(n -> n == 1));
    }

    /**
     * Another thread adds a pending task after each completion (in lock step, so every run
     * interleaves the same way), with random ids that land before and after the iteration's
     * position: an added task is completed once if its id comes after the last id of the page read
     * last when it was added (its page is still to come), and otherwise not at all; never twice.
     */
    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 7, 100})
    void tasksAddedByAnotherThreadDuringTheLoopAreProcessedOnceOrNotAtAll(int pageSize, FlowsClient client)
            throws Exception {
        List<String> original = seedPending(250);
        ExecutorService adder = Executors.newSingleThreadExecutor();
        SynchronousQueue<String> go = new SynchronousQueue<>();
        SynchronousQueue<String> added = new SynchronousQueue<>();
        Future<?> running = adder.submit(() -> {
            while (!go.take().isEmpty()) {
                added.put(stub.addTask(new Task().displayName("added").status("pending")).getId());
            }
            return null;
        });
        Map<String, String> addedAfterPageEnd = new HashMap<>();
        Set<String> processed = new HashSet<>();
        try {
            for (Page<Task> page : client.tasks().list().filter(PENDING).pageSize(pageSize).keyset().pages()) {
                String pageEnd = page.items().get(page.items().size() - 1).getId();
                for (Task t : page.items()) {
                    assertTrue(processed.add(t.getId()), "returned twice: " + t.getId());
                    client.tasks().complete(t.getId());
                    if (addedAfterPageEnd.size() < 250) {
                        go.put("add");
                        addedAfterPageEnd.put(added.take(), pageEnd);
                    }
                }
            }
        } finally {
            go.put("");
            running.get(10, TimeUnit.SECONDS);
            adder.shutdown();
        }
        assertTrue(processed.containsAll(original), "every original task processed");
        Map<String, Integer> requests = completeRequestsById();
        assertTrue(requests.values().stream().allMatch(n -> n == 1), "no task completed twice: " + requests);
        int processedAdded = 0;
        for (Map.Entry<String, String> e : addedAfterPageEnd.entrySet()) {
            boolean ahead = Ids.compare(e.getKey(), e.getValue()) > 0;
            assertEquals(ahead, processed.contains(e.getKey()), "added " + e.getKey() + " when the last page read "
                    + "ended at " + e.getValue());
            processedAdded += ahead ? 1 : 0;
        }
        assertEquals(250 + processedAdded, processed.size());
        assertTrue(processedAdded > 0 && processedAdded < addedAfterPageEnd.size(), "random ids land on both sides: "
                + processedAdded + " of " + addedAfterPageEnd.size());
    }

    /** Free-running: the adder does not wait for the loop; the guarantees are the same. */
    @Test
    void tasksAddedConcurrentlyWithoutLockStepAreNeverProcessedTwice(FlowsClient client) throws Exception {
        List<String> original = seedPending(250);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService adder = Executors.newSingleThreadExecutor();
        Future<List<String>> adding = adder.submit(() -> {
            List<String> ids = new ArrayList<>();
            while (!stop.get() && ids.size() < 200) {
                ids.add(stub.addTask(new Task().displayName("concurrent").status("pending")).getId());
                Thread.sleep(1);
            }
            return ids;
        });
        Set<String> processed = new HashSet<>();
        try {
            for (Task t : client.tasks().list().filter(PENDING).pageSize(7).keyset()) {
                assertTrue(processed.add(t.getId()), "returned twice: " + t.getId());
                client.tasks().complete(t.getId());
            }
        } finally {
            stop.set(true);
            adder.shutdown();
        }
        List<String> added = adding.get(10, TimeUnit.SECONDS);
        assertTrue(processed.containsAll(original));
        assertTrue(completeRequestsById().values().stream().allMatch(n -> n == 1));
        Set<String> extra = new HashSet<>(processed);
        extra.removeAll(original);
        assertTrue(added.containsAll(extra), "only added tasks besides the originals");
    }

    @Test
    void idsInMixedCaseAndBeyondTheBasicPlaneAreAllReached(FlowsClient client) {
        List<String> ids = List.of("a", "B", "c", "D", "\uFFFD", "\uD83D\uDE00", "2026-01-01T01:00:00+01:00",
                "2026-01-01T00:30:00Z");
        for (String id : ids) {
            stub.addTask(new Task().id(id).status("pending"));
        }
        Query<Task> q = client.tasks().list().filter(PENDING).pageSize(1).keyset();
        List<String> seen = new ArrayList<>();
        for (Task t : q) {
            seen.add(t.getId());
            client.tasks().complete(t.getId());
        }
        assertEquals(List.of("2026-01-01T00:30:00Z", "2026-01-01T01:00:00+01:00", "B", "D", "a", "c", "\uFFFD",
                "\uD83D\uDE00"), seen);
    }
}
