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
import io.flowsdk.client.internal.Futures;
import io.flowsdk.client.internal.Reconciliation;
import io.flowsdk.client.internal.time.TimeSource;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * One bulk run: works through the ids of a {@link BulkSource} with at most {@code concurrency}
 * requests in flight, on asynchronous calls, behind one {@link RateGate}. The thread that calls
 * {@link #run} is the run's only thread: it reads the source, starts requests, and handles each
 * answer as an event; the calls' own threads only post events. The rules are those of
 * {@code io.flowsdk.client.Bulk}; per item:
 *
 * <pre>
 * SEND -- success ------------------------------------------------> succeeded (or partial)
 *      -- 429 ------------> pause the run; SEND again after it (attempts permitting)
 *      -- not sent, 502/503/504 --> SEND again after the policy's backoff (attempts permitting)
 *      -- lost answer -----> READ
 *      -- 400 to a request sent again --> READ
 *      -- anything else ----------------------------------------------> failed
 * READ -- shows the change ---------------------------------------> succeeded
 *      -- does not (after a lost answer) --> SEND again (attempts permitting), else failed
 *      -- does not (after a 400) ------------------------------------> failed (the 400)
 *      -- 429 / retryable failure --> READ again (reads permitting), else failed
 * </pre>
 *
 * @param <R> what one item's success is
 */
public final class BulkRun<R> {
    private enum Phase { SEND, READ }

    private static final class Item {
        final String id;
        Phase next = Phase.SEND;
        int sends;
        int reads;
        /** An earlier request for this item may have been applied. */
        boolean mayBeApplied;
        /** The read is to check a 400 answered to a request sent again. */
        boolean checking400;
        FlowsException last;
        TimeSource.Cancellable timer;
        boolean finished;

        Item(String id) {
            this.id = id;
        }
    }

    private interface Event {
    }

    /** An answer: {@code sentIn} is the gate's epoch when the request left, {@code at} when the answer came. */
    private record Done(Item item, Phase phase, Object value, Throwable failure, long sentIn, long at)
            implements Event {
    }

    private record Ready(Item item) implements Event {
    }

    private record Wake() implements Event {
    }

    private final BulkOperation<R> op;
    private final TimeSource time;
    private final RetryPolicy policy;
    private final DoubleSupplier random;
    private final Consumer<BulkProgress> onProgress;
    private final RateGate gate;

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final ArrayDeque<Item> ready = new ArrayDeque<>();
    private final Map<Item, CompletableFuture<?>> flying = new LinkedHashMap<>();
    private Consumer<Trace> tracer = t -> { };
    private final Set<Item> waiting = new HashSet<>();
    private final Set<String> seen = new HashSet<>();

    private final List<R> succeeded = new ArrayList<>();
    private final Map<String, FlowsException> failed = new LinkedHashMap<>();
    private final List<FlowCancellation> partial = new ArrayList<>();
    private FlowsException stoppedEarly;
    private boolean sourceDone;
    private boolean aborted;
    private long done;
    private long failedCount;
    private long total = -1;

    /**
     * @param concurrency the most requests in flight at once
     * @param onProgress  called after each item's outcome, or null
     */
    public BulkRun(BulkOperation<R> op, TimeSource time, RetryPolicy policy, DoubleSupplier random, int concurrency,
                   Consumer<BulkProgress> onProgress) {
        this.op = op;
        this.time = time;
        this.policy = policy;
        this.random = random;
        this.onProgress = onProgress;
        this.gate = new RateGate(concurrency);
    }

    /**
     * What the run did, step by step, as seen by its thread: a request started ({@code SEND} or
     * {@code READ}, with the requests in flight counting it and the limit), or a pause began or
     * grew ({@code PAUSE}, until {@code now + wait}). For tests and benchmarks.
     */
    record Trace(String step, String id, int inFlight, int limit, long now, long pausedUntil) {
    }

    /** Reports every step to {@code tracer}, on the run's thread. */
    BulkRun<R> traced(Consumer<Trace> tracer) {
        this.tracer = tracer;
        return this;
    }

    /** Runs to the end (or until stopped) on the calling thread. */
    public BulkResult<R> run(BulkSource source) {
        try {
            for (;;) {
                dispatch(source);
                if (finished()) {
                    break;
                }
                handle(events.take());
            }
        } catch (InterruptedException e) {
            abort(new FlowsInterruptedException("bulk run (" + op.name() + ")"));
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            cancelInFlight();
            throw e;
        } finally {
            source.close();
        }
        return new BulkResult<>(succeeded, failed, partial, stoppedEarly);
    }

    private boolean finished() {
        if (aborted) {
            return true;
        }
        boolean noMoreWork = sourceDone || stoppedEarly != null;
        return noMoreWork && flying.isEmpty() && ready.isEmpty() && waiting.isEmpty();
    }

    // ---- starting requests ----

    private void dispatch(BulkSource source) {
        while (!aborted && stoppedEarly == null && !gate.paused(time.nanoTime()) && flying.size() < gate.limit()) {
            Item item = ready.poll();
            if (item == null) {
                item = nextFromSource(source);
                if (item == null) {
                    return;
                }
            }
            start(item);
        }
    }

    private Item nextFromSource(BulkSource source) {
        while (!sourceDone) {
            String id;
            try {
                id = source.next();
                total = source.total();
            } catch (FlowsException e) {
                sourceDone = true;
                if (e instanceof FlowsInterruptedException || Thread.currentThread().isInterrupted()) {
                    abort(e);
                } else {
                    stop(e);
                }
                return null;
            }
            if (id == null) {
                sourceDone = true;
                return null;
            }
            if (seen.add(id)) {
                return new Item(id);
            }
        }
        return null;
    }

    private void start(Item item) {
        long sentIn = gate.epoch();
        Phase phase = item.next;
        CompletableFuture<?> call;
        try {
            if (phase == Phase.SEND) {
                item.sends++;
                call = op.send(item.id);
            } else {
                item.reads++;
                call = op.read(item.id);
            }
        } catch (RuntimeException e) { // the client was closed: nothing more can be sent
            FlowsException f = e instanceof FlowsException fe ? fe
                    : new FlowsException("bulk run stopped: " + e.getMessage(), e);
            fail(item, item.last != null ? item.last : f);
            stop(f);
            return;
        }
        flying.put(item, call);
        tracer.accept(new Trace(phase.name(), item.id, flying.size(), gate.limit(), time.nanoTime(), gate.pausedUntil()));
        call.whenComplete((value, failure) -> events.add(new Done(item, phase, value, failure, sentIn,
                time.nanoTime())));
    }

    // ---- events ----

    @SuppressWarnings("unchecked")
    private void handle(Event event) {
        if (event instanceof Done d) {
            flying.remove(d.item());
            Throwable t = Futures.unwrap(d.failure());
            FlowsException failure = t == null ? null : t instanceof FlowsException fe ? fe
                    : new FlowsException(op.name() + " " + d.item().id + " failed: " + t, t);
            if (d.phase() == Phase.SEND) {
                afterSend(d.item(), (BulkOperation.Outcome<R>) d.value(), failure, d);
            } else {
                afterRead(d.item(), (BulkOperation.Confirmation<R>) d.value(), failure, d);
            }
        } else if (event instanceof Ready r) {
            Item item = r.item();
            if (waiting.remove(item) && !item.finished) {
                ready.addLast(item);
            }
        }
        // a Wake only brings the loop back to dispatch
    }

    private void afterSend(Item item, BulkOperation.Outcome<R> outcome, FlowsException f, Done answer) {
        if (f == null) {
            gate.onSuccess(time.nanoTime());
            succeed(item, outcome);
            return;
        }
        item.last = f;
        if (f instanceof RateLimitedException rl) {
            rateLimited(item, rl, answer, item.sends);
        } else if (Reconciliation.isAmbiguous(f)) {
            item.next = Phase.READ;
            item.checking400 = false;
            item.mayBeApplied = true;
            again(item, Duration.ZERO);
        } else if (item.mayBeApplied && f instanceof BadRequestException) {
            item.next = Phase.READ;
            item.checking400 = true;
            again(item, Duration.ZERO);
        } else if (isTransient(f) && item.sends < policy.maxAttempts()) {
            item.mayBeApplied |= f instanceof ServerException; // a gateway may have passed it on
            again(item, policy.backoff(item.sends, random.getAsDouble()));
        } else {
            fail(item, f);
        }
    }

    private void afterRead(Item item, BulkOperation.Confirmation<R> read, FlowsException f, Done answer) {
        if (f == null) {
            gate.onSuccess(time.nanoTime());
            if (read.value() != null) {
                succeed(item, BulkOperation.Outcome.of(read.value()));
            } else if (!item.checking400 && item.sends < policy.maxAttempts()) {
                item.next = Phase.SEND; // not applied: a new request cannot apply the change twice
                item.reads = 0;
                again(item, Duration.ZERO);
            } else {
                item.last.addSuppressed(new FlowsException(op.name() + " " + item.id + " was read after this "
                        + "failure: " + read.found() + ", which does not show the change"));
                fail(item, item.last);
            }
            return;
        }
        if (f instanceof RateLimitedException rl) {
            rateLimited(item, rl, answer, item.reads);
        } else if (f.isRetryable() && item.reads < policy.maxAttempts()) {
            again(item, policy.backoff(item.reads, random.getAsDouble()));
        } else {
            item.last.addSuppressed(f);
            fail(item, item.last);
        }
    }

    private static boolean isTransient(FlowsException f) {
        if (f instanceof FlowsTransportException t) {
            return t.isRetryable(); // the connection failed before the request was sent
        }
        if (f instanceof ServerException s) {
            int status = s.statusCode();
            return status == 502 || status == 503 || status == 504;
        }
        return false;
    }

    /**
     * A new pause counts from now, when the run's thread takes its 429 in, so the wait scheduled
     * is the whole {@code Retry-After}, as every other wait of the client is (a blocking retry
     * sleeps it whole after reading the answer): counted from the answer's arrival, it would be
     * shortened by the time the answer sat in the queue, which a virtual clock that moves only by
     * waits (the testkit's) does not see, so the server would get a request a moment before
     * {@code Retry-After} was over. A 429 to a request that was in flight when the pause began
     * counts from its arrival: answers queued while a virtual pause jumped ahead are not news.
     */
    private void rateLimited(Item item, RateLimitedException rl, Done answer, int attempts) {
        Duration retryAfter = rl.retryAfter().orElse(null);
        if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
            fail(item, item.last != null && item.next == Phase.READ ? item.last : rl);
            stop(rl);
            return;
        }
        long now = time.nanoTime();
        long wasUntil = gate.pausedUntil();
        long from = gate.startsPause(answer.sentIn()) ? now : answer.at();
        long until = gate.onRateLimited(answer.sentIn(), from, retryAfter,
                n -> policy.backoff(n, random.getAsDouble()));
        tracer.accept(new Trace("PAUSE", item.id, flying.size(), gate.limit(), now, until));
        if (until > wasUntil && until > now) {
            time.schedule(Duration.ofNanos(until - now), () -> events.add(new Wake()));
        }
        if (attempts >= policy.maxAttempts()) {
            fail(item, item.next == Phase.READ && item.last != null ? withSuppressed(item.last, rl) : rl);
        } else {
            ready.addFirst(item); // first in line when the pause ends
        }
    }

    private static FlowsException withSuppressed(FlowsException e, Throwable s) {
        e.addSuppressed(s);
        return e;
    }

    private void again(Item item, Duration wait) {
        if (stoppedEarly != null) {
            fail(item, item.last);
        } else if (wait.isZero() || wait.isNegative()) {
            ready.addFirst(item);
        } else {
            waiting.add(item);
            item.timer = time.schedule(wait, () -> events.add(new Ready(item)));
        }
    }

    // ---- outcomes ----

    private void succeed(Item item, BulkOperation.Outcome<R> outcome) {
        item.finished = true;
        if (outcome.partial() != null) {
            partial.add(outcome.partial());
        } else {
            succeeded.add(outcome.value());
        }
        done++;
        report();
    }

    private void fail(Item item, FlowsException f) {
        item.finished = true;
        failed.put(item.id, f);
        done++;
        failedCount++;
        report();
    }

    private void report() {
        if (onProgress != null) {
            onProgress.accept(new BulkProgress(done, failedCount, total));
        }
    }

    /** Starts nothing more; requests in flight finish, items waiting to be retried fail with their last failure. */
    private void stop(FlowsException why) {
        if (stoppedEarly == null) {
            stoppedEarly = why;
        }
        for (Item item : List.copyOf(waiting)) {
            item.timer.cancel();
            fail(item, item.last);
        }
        waiting.clear();
        Item item;
        while ((item = ready.poll()) != null) {
            fail(item, item.last);
        }
    }

    /** Ends at once: requests in flight are cancelled and their items fail as interrupted. */
    private void abort(FlowsException why) {
        aborted = true;
        if (stoppedEarly == null) {
            stoppedEarly = why;
        }
        List<Item> unfinished = new ArrayList<>(flying.keySet());
        unfinished.addAll(ready);
        unfinished.addAll(waiting);
        cancelInFlight();
        for (Item item : waiting) {
            item.timer.cancel();
        }
        waiting.clear();
        ready.clear();
        for (Item item : unfinished) {
            if (!item.finished) {
                fail(item, new FlowsInterruptedException("bulk run: " + op.name() + " " + item.id
                        + " (it may or may not have been applied)"));
            }
        }
    }

    private void cancelInFlight() {
        for (CompletableFuture<?> call : List.copyOf(flying.values())) {
            call.cancel(true);
        }
        flying.clear();
    }
}
