package io.flowsdk.client.internal.bulk;

import io.flowsdk.client.BulkProgress;
import io.flowsdk.client.BulkResult;
import io.flowsdk.client.FlowCancellation;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.BadRequestException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsInterruptedException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.testing.VirtualTime;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bulk run's rules, against a scripted operation on virtual time. */
class BulkRunTest {
    private static final RetryPolicy POLICY = RetryPolicy.defaults(); // 3 attempts, 100 ms..2 s, Retry-After up to 60 s
    private static final long SECOND = 1_000_000_000L;

    /** One call the run made: a send or a read of an id, the n-th of its kind for that id. */
    record Call(String kind, String id, int n) {
    }

    /** Answers each call with what the script returns: a value, a FlowsException, or HOLD (the test answers). */
    static final class ScriptedOp implements BulkOperation<String> {
        static final Object HOLD = new Object();
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<?>> held = new CopyOnWriteArrayList<>();
        final Map<String, Integer> counts = new HashMap<>();
        final Function<Call, Object> script;

        ScriptedOp(Function<Call, Object> script) {
            this.script = script;
        }

        @Override
        public String name() {
            return "change of item";
        }

        @Override
        public CompletableFuture<Outcome<String>> send(String id) {
            return answer(call("SEND", id), Outcome.of("done:" + id));
        }

        @Override
        public CompletableFuture<Confirmation<String>> read(String id) {
            return answer(call("READ", id), new Confirmation<>("read:" + id, "changed"));
        }

        private synchronized Call call(String kind, String id) {
            Call c = new Call(kind, id, counts.merge(kind + id, 1, Integer::sum));
            calls.add(c);
            return c;
        }

        @SuppressWarnings("unchecked")
        private <V> CompletableFuture<V> answer(Call c, V ok) {
            Object a = script.apply(c);
            CompletableFuture<V> f = new CompletableFuture<>();
            if (a == HOLD) {
                held.add(f);
            } else if (a instanceof FlowsException e) {
                f.completeExceptionally(e);
            } else {
                f.complete(a == null ? ok : (V) a);
            }
            return f;
        }

        long count(String kind) {
            return calls.stream().filter(c -> c.kind().equals(kind)).count();
        }
    }

    static RateLimitedException tooMany(Long retryAfterSeconds) {
        return new RateLimitedException(429, "POST", "/x", null, null, null, null,
                retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds));
    }

    static FlowsTransportException lost() {
        return new FlowsTransportException("POST", "/x", new IOException("connection reset"), false);
    }

    static FlowsTransportException notSent() {
        return new FlowsTransportException("POST", "/x", new java.net.ConnectException("refused"), true);
    }

    static BadRequestException alreadyDone() {
        return new BadRequestException(400, "POST", "/x", "400", "already completed", "Bad Request", null);
    }

    static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("id-%03d", i)).toList();
    }

    private static BulkRun<String> run(ScriptedOp op, VirtualTime time, int concurrency, List<BulkRun.Trace> trace,
                                       java.util.function.Consumer<BulkProgress> progress) {
        return new BulkRun<>(op, time, POLICY, () -> 0.0, concurrency, progress).traced(trace::add);
    }

    private static BulkResult<String> runAll(ScriptedOp op, VirtualTime time, int concurrency, List<String> ids,
                                             List<BulkRun.Trace> trace) {
        return run(op, time, concurrency, trace, null).run(BulkSource.of(ids, s -> s, "ids"));
    }

    @Test
    void aRateLimitStormPausesEveryWorkerThenTheConcurrencyHalvesAndRampsBackUp() {
        VirtualTime time = VirtualTime.auto();
        int[] sends = {0};
        ScriptedOp op = new ScriptedOp(c -> ++sends[0] <= 8 ? tooMany(2L) : null);
        List<BulkRun.Trace> trace = new ArrayList<>();
        BulkResult<String> r = runAll(op, time, 8, ids(60), trace);

        assertEquals(60, r.succeeded().size());
        assertEquals(68, op.count("SEND"), "each of the 8 rate-limited items sent once more; nothing retried on its own");
        assertEquals(List.of(Duration.ofSeconds(2)), time.waits(), "one pause for the whole run, Retry-After long");

        List<BulkRun.Trace> sent = trace.stream().filter(t -> t.step().equals("SEND")).toList();
        List<BulkRun.Trace> before = sent.subList(0, 8);
        assertTrue(before.stream().allMatch(t -> t.now() == 0 && t.limit() == 8));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), before.stream().map(BulkRun.Trace::inFlight).toList());
        long pauseEnd = trace.stream().filter(t -> t.step().equals("PAUSE")).mapToLong(BulkRun.Trace::pausedUntil)
                .max().orElseThrow();
        assertEquals(2 * SECOND, pauseEnd);
        List<BulkRun.Trace> after = sent.subList(8, sent.size());
        assertTrue(after.stream().allMatch(t -> t.now() >= pauseEnd), "no worker sends during the pause");
        assertTrue(sent.stream().allMatch(t -> t.inFlight() <= t.limit()), "never more in flight than the limit");
        assertEquals(4, after.get(0).limit(), "halved once for the burst of 8 429s");
        assertTrue(after.stream().allMatch(t -> t.limit() == 4),
                "no time passed since the pause: the limit may grow only once per 2 s, the pause's length");
    }

    /**
     * Virtual time whose monotonic reading also moves by a millisecond each time it is read, as
     * real time runs on between an answer's arrival and the run taking it in; only waits move the
     * wall clock (like the testkit's frozen clock).
     */
    static final class DriftingTime implements io.flowsdk.client.internal.time.TimeSource {
        final VirtualTime waits = VirtualTime.auto();
        private final java.util.concurrent.atomic.AtomicLong drift = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public java.time.Clock clock() {
            return waits;
        }

        @Override
        public long nanoTime() {
            return waits.nanoTime() + drift.addAndGet(1_000_000);
        }

        @Override
        public boolean sleep(Duration duration, java.util.concurrent.CountDownLatch wakeUp)
                throws InterruptedException {
            return waits.sleep(duration, wakeUp);
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            return waits.schedule(delay, task);
        }
    }

    @Test
    void thePauseIsTheWholeRetryAfterHoweverLongTheAnswerWaitedToBeTakenIn() {
        DriftingTime time = new DriftingTime();
        int[] sends = {0};
        ScriptedOp op = new ScriptedOp(c -> ++sends[0] <= 1 ? tooMany(2L) : null);
        BulkResult<String> r = new BulkRun<>(op, time, POLICY, () -> 0.0, 1, null)
                .run(BulkSource.of(ids(3), s -> s, "ids"));
        assertEquals(3, r.succeeded().size());
        assertEquals(List.of(Duration.ofSeconds(2)), time.waits.waits(),
                "the server sees the next request a whole Retry-After after its 429 was read");
    }

    @Test
    void afterA429WithoutWaitTheConcurrencyRampsBackUpOnePerLimitSuccesses() {
        VirtualTime time = VirtualTime.auto();
        int[] sends = {0};
        ScriptedOp op = new ScriptedOp(c -> ++sends[0] <= 8 ? tooMany(0L) : null);
        List<BulkRun.Trace> trace = new ArrayList<>();
        BulkResult<String> r = runAll(op, time, 8, ids(60), trace);
        assertEquals(60, r.succeeded().size());
        List<BulkRun.Trace> sent = trace.stream().filter(t -> t.step().equals("SEND")).toList();
        List<Integer> limits = sent.subList(8, sent.size()).stream().map(BulkRun.Trace::limit).distinct().toList();
        assertEquals(List.of(4, 5, 6, 7, 8), limits, "+1 per limit successes, back to the concurrency");
        assertTrue(sent.stream().allMatch(t -> t.inFlight() <= t.limit()));
    }

    @Test
    void withoutRetryAfterThePauseIsThePolicysBackoffGrowingWithEachPauseInARow() {
        VirtualTime time = VirtualTime.auto();
        ScriptedOp op = new ScriptedOp(c -> c.id().equals("id-000") && c.n() <= 2 ? tooMany(null) : null);
        BulkResult<String> r = runAll(op, time, 1, ids(3), new ArrayList<>());
        assertEquals(3, r.succeeded().size());
        // random 0: backoff(n) = half of min(2 s, 100 ms * 2^(n-1))
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), time.waits());
    }

    @Test
    void anItemRateLimitedOnEveryAttemptFailsAfterMaxAttempts() {
        ScriptedOp op = new ScriptedOp(c -> c.id().equals("id-001") ? tooMany(0L) : null);
        BulkResult<String> r = runAll(op, VirtualTime.auto(), 4, ids(5), new ArrayList<>());
        assertEquals(4, r.succeeded().size());
        assertInstanceOf(RateLimitedException.class, r.failed().get("id-001"));
        assertEquals(3, op.calls.stream().filter(c -> c.id().equals("id-001")).count(), "maxAttempts");
        assertTrue(r.stoppedEarly().isEmpty());
    }

    @Test
    void aRetryAfterLongerThanThePolicyAcceptsStopsTheRun() {
        ScriptedOp op = new ScriptedOp(c -> c.id().equals("id-002") ? tooMany(120L) : null);
        BulkResult<String> r = runAll(op, VirtualTime.auto(), 1, ids(10), new ArrayList<>());
        assertEquals(List.of("done:id-000", "done:id-001"), r.succeeded());
        assertInstanceOf(RateLimitedException.class, r.failed().get("id-002"));
        assertInstanceOf(RateLimitedException.class, r.stoppedEarly().orElseThrow());
        assertEquals(3, op.calls.size(), "nothing started after it");
    }

    @Test
    void aLostAnswerIsReconciledByReadingTheItem() {
        ScriptedOp op = new ScriptedOp(c -> c.kind().equals("SEND") && c.id().equals("id-001") ? lost() : null);
        BulkResult<String> r = runAll(op, VirtualTime.auto(), 2, ids(3), new ArrayList<>());
        assertTrue(r.succeeded().contains("read:id-001"), "the item as read");
        assertEquals(List.of(new Call("SEND", "id-001", 1), new Call("READ", "id-001", 1)),
                op.calls.stream().filter(c -> c.id().equals("id-001")).toList());
        assertTrue(r.failed().isEmpty());
    }

    @Test
    void aLostAnswerNotAppliedIsSentAgainAndA400ToItIsReconciledToo() {
        // the first request was delayed, not lost: the read finds the item unchanged, the second request
        // gets 400 ("already completed", the first one landed meanwhile), and a second read shows the change
        ScriptedOp op = new ScriptedOp(c -> {
            if (c.kind().equals("SEND")) {
                return c.n() == 1 ? lost() : alreadyDone();
            }
            return c.n() == 1 ? new BulkOperation.Confirmation<>(null, "status pending") : null;
        });
        BulkResult<String> r = runAll(op, VirtualTime.auto(), 1, List.of("a"), new ArrayList<>());
        assertEquals(List.of("read:a"), r.succeeded());
        assertEquals(List.of(new Call("SEND", "a", 1), new Call("READ", "a", 1), new Call("SEND", "a", 2),
                new Call("READ", "a", 2)), op.calls);
    }

    @Test
    void a400ToARequestSentAgainWhoseReadShowsNoChangeFailsWithThe400() {
        BadRequestException bad = alreadyDone();
        ScriptedOp op = new ScriptedOp(c -> {
            if (c.kind().equals("SEND")) {
                return c.n() == 1 ? lost() : bad;
            }
            return new BulkOperation.Confirmation<>(null, "status canceled");
        });
        BulkResult<String> r = runAll(op, VirtualTime.auto(), 1, List.of("a"), new ArrayList<>());
        FlowsException f = r.failed().get("a");
        assertTrue(f == bad || f instanceof FlowsTransportException, String.valueOf(f));
        assertTrue(f.getSuppressed().length > 0 && f.getSuppressed()[f.getSuppressed().length - 1].getMessage()
                .contains("status canceled"));
        assertEquals(4, op.calls.size());
    }

    @Test
    void a400WithoutAnEarlierRequestThatMayHaveBeenAppliedIsAFailureAndNothingIsRead() {
        BadRequestException bad = alreadyDone();
        ScriptedOp op = new ScriptedOp(c -> c.id().equals("b") ? bad : null);
        BulkResult<String> r = runAll(op, VirtualTime.auto(), 2, List.of("a", "b", "c"), new ArrayList<>());
        assertSame(bad, r.failed().get("b"));
        assertEquals(0, op.count("READ"));
        assertEquals(List.of("done:a", "done:c"), r.succeeded().stream().sorted().toList());
    }

    @Test
    void aServerErrorOfAGatewayAndAConnectionThatFailedBeforeSendingAreRetriedAfterTheBackoff() {
        VirtualTime time = VirtualTime.auto();
        ScriptedOp op = new ScriptedOp(c -> {
            if (c.id().equals("a") && c.n() == 1) {
                return new ServerException(503, "POST", "/x", null, null, null, null);
            }
            if (c.id().equals("b") && c.n() < 3) {
                return notSent();
            }
            return null;
        });
        BulkResult<String> r = runAll(op, time, 1, List.of("a", "b"), new ArrayList<>());
        assertEquals(List.of("done:a", "done:b"), r.succeeded());
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(100)), time.waits());
        ScriptedOp always500 = new ScriptedOp(c -> new ServerException(500, "POST", "/x", null, null, null, null));
        assertInstanceOf(ServerException.class, runAll(always500, VirtualTime.auto(), 1, List.of("a"),
                new ArrayList<>()).failed().get("a"));
        assertEquals(1, always500.calls.size(), "a 500 is the server's answer: not retried");
    }

    @Test
    void aReadThatFailsIsRetriedWhenRetryableAndOtherwiseTheOriginalFailureStands() {
        FlowsTransportException original = lost();
        ScriptedOp op = new ScriptedOp(c -> {
            if (c.kind().equals("SEND")) {
                return original;
            }
            return c.n() == 1 ? new ServerException(503, "GET", "/x", null, null, null, null)
                    : new io.flowsdk.client.error.NotFoundException(404, "GET", "/x", null, null, null, null);
        });
        BulkResult<String> r = runAll(op, VirtualTime.auto(), 1, List.of("a"), new ArrayList<>());
        assertSame(original, r.failed().get("a"));
        assertInstanceOf(io.flowsdk.client.error.NotFoundException.class, original.getSuppressed()[0]);
        assertEquals(List.of("SEND", "READ", "READ"), op.calls.stream().map(Call::kind).toList());
    }

    @Test
    void partialOutcomesAreKeptApart() {
        FlowCancellation partial = new FlowCancellation(207, "b", "canceled", List.of(), List.of("job-1"), List.of());
        ScriptedOp op = new ScriptedOp(c -> c.id().equals("b") ? new BulkOperation.Outcome<String>(null, partial) : null);
        BulkResult<String> r = runAll(op, VirtualTime.auto(), 2, List.of("a", "b"), new ArrayList<>());
        assertEquals(List.of("done:a"), r.succeeded());
        assertEquals(List.of(partial), r.partial());
        assertThrows(io.flowsdk.client.error.BulkFailureException.class, r::orThrow);
    }

    @Test
    void progressIsReportedAfterEachItemOnTheRunsThread() {
        List<BulkProgress> seen = new ArrayList<>();
        Thread runner = Thread.currentThread();
        ScriptedOp op = new ScriptedOp(c -> c.id().equals("id-003") ? alreadyDone() : null);
        BulkResult<String> r = run(op, VirtualTime.auto(), 3, new ArrayList<>(), p -> {
            assertSame(runner, Thread.currentThread());
            seen.add(p);
        }).run(BulkSource.of(ids(5), s -> s, "ids"));
        assertEquals(4, r.succeeded().size());
        assertEquals(5, seen.size());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seen.stream().map(BulkProgress::done).toList());
        assertEquals(1, seen.get(4).failed());
        assertTrue(seen.stream().allMatch(p -> p.total().orElseThrow() == 5));
    }

    @Test
    void anExceptionFromTheProgressCallbackEndsTheRunAndCancelsWhatIsInFlight() {
        ScriptedOp op = new ScriptedOp(c -> c.id().equals("id-000") ? null : ScriptedOp.HOLD);
        IllegalStateException boom = new IllegalStateException("boom");
        BulkRun<String> run = run(op, VirtualTime.auto(), 4, new ArrayList<>(), p -> {
            throw boom;
        });
        assertSame(boom, assertThrows(IllegalStateException.class, () -> run.run(BulkSource.of(ids(10), s -> s, "ids"))));
        assertEquals(3, op.held.size());
        assertTrue(op.held.stream().allMatch(CompletableFuture::isCancelled));
    }

    @Test
    void anInterruptEndsTheRunAtOnceCancellingWhatIsInFlight() throws Exception {
        ScriptedOp op = new ScriptedOp(c -> ScriptedOp.HOLD);
        AtomicReference<BulkResult<String>> result = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread t = new Thread(() -> {
            result.set(run(op, VirtualTime.auto(), 4, new ArrayList<>(), null).run(BulkSource.of(ids(10), s -> s, "ids")));
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (op.held.size() < 4 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(4, op.held.size());
        t.interrupt();
        t.join(10_000);
        BulkResult<String> r = result.get();
        assertTrue(flagKept.get(), "the interrupt flag stays set");
        assertInstanceOf(FlowsInterruptedException.class, r.stoppedEarly().orElseThrow());
        assertEquals(4, r.failed().size(), "the items in flight: they may or may not have been applied");
        assertTrue(r.failed().values().stream().allMatch(e -> e instanceof FlowsInterruptedException));
        assertTrue(op.held.stream().allMatch(CompletableFuture::isCancelled));
        assertEquals(4, op.calls.size(), "nothing started after the interrupt");
    }

    @Test
    void aFailureToReadTheSourceStopsTheRunAfterWhatIsInFlight() {
        ScriptedOp op = new ScriptedOp(c -> null);
        FlowsException broken = new FlowsException("page 2 failed");
        BulkSource source = new BulkSource() {
            int n;

            @Override
            public String next() {
                if (n == 3) {
                    throw broken;
                }
                return "id-" + n++;
            }

            @Override
            public long total() {
                return -1;
            }

            @Override
            public void close() {
            }
        };
        BulkResult<String> r = run(op, VirtualTime.auto(), 2, new ArrayList<>(), null).run(source);
        assertEquals(3, r.succeeded().size());
        assertSame(broken, r.stoppedEarly().orElseThrow());
        assertTrue(assertThrows(io.flowsdk.client.error.BulkFailureException.class, r::orThrow).getMessage()
                .contains("stopped early: page 2 failed"));
    }

    @Test
    void eachDistinctIdOnceAndBadIdsBeforeAnything() {
        ScriptedOp op = new ScriptedOp(c -> null);
        BulkResult<String> r = runAll(op, VirtualTime.auto(), 3, List.of("a", "b", "a", "c", "b"), new ArrayList<>());
        assertEquals(3, r.succeeded().size());
        assertEquals(3, op.calls.size());
        assertThrows(NullPointerException.class, () -> BulkSource.of(java.util.Arrays.asList("a", null), s -> s, "ids"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BulkSource.of(List.of("a", ".."),
                s -> io.flowsdk.client.internal.Ids.require(s, "taskId"), "taskIds"));
        assertTrue(e.getMessage().startsWith("taskIds[1]: "), e.getMessage());
    }
}
