package io.flowsdk.client.testing;

import io.flowsdk.client.internal.time.TimeSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual time for tests: a {@link Clock} that is also the client's whole {@link TimeSource}
 * (pass it to {@code FlowsClient.Builder.clock(...)}). Nothing really waits. Every wait the client
 * asks for is recorded ({@link #waits()}).
 *
 * <ul>
 *   <li>{@link #auto()}: every wait elapses at once; virtual time moves forward by it.</li>
 *   <li>{@link #manual()}: time moves only when the test calls {@link #advance(Duration)}; a
 *       blocking wait returns, and a scheduled task runs, once time has passed its end.</li>
 * </ul>
 * Scheduled tasks run on one daemon thread of this object, in order of their due time.
 */
public final class VirtualTime extends Clock implements TimeSource {
    private final boolean auto;
    private final Instant epoch;
    private final List<Duration> waits = new ArrayList<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "virtual-time-runner");
        t.setDaemon(true);
        return t;
    });
    private long nanos;
    private long sequence;
    private Runnable onWait = () -> { };

    private record Due(long at, long seq, Runnable task) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    private VirtualTime(boolean auto, Instant epoch) {
        this.auto = auto;
        this.epoch = epoch;
    }

    /** Every wait elapses at once. */
    public static VirtualTime auto() {
        return new VirtualTime(true, Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Every wait elapses at once; the wall clock starts at {@code start}. */
    public static VirtualTime auto(Instant start) {
        return new VirtualTime(true, start);
    }

    /** Waits elapse when the test advances time. */
    public static VirtualTime manual() {
        return new VirtualTime(false, Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Runs {@code hook} (on the waiting thread) each time the client asks for a wait, before it elapses. */
    public VirtualTime onWait(Runnable hook) {
        this.onWait = hook;
        return this;
    }

    /** {@return every wait asked for so far, blocking and scheduled, in order} */
    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** {@return the time elapsed since this clock started} */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(nanos);
    }

    /** {@return how many scheduled tasks are waiting for their time} */
    public synchronized int pending() {
        return due.size();
    }

    /** Moves time forward: blocking waits that end by then return; scheduled tasks due by then run. */
    public void advance(Duration d) {
        List<Runnable> run = new ArrayList<>();
        synchronized (this) {
            nanos += d.toNanos();
            while (!due.isEmpty() && due.peek().at <= nanos) {
                run.add(due.poll().task);
            }
            notifyAll();
        }
        run.forEach(runner::execute);
    }

    // ---- TimeSource ----

    @Override
    public Clock clock() {
        return this;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public boolean sleep(Duration duration, CountDownLatch wakeUp) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (wakeUp.getCount() == 0) {
            return true;
        }
        onWait.run();
        long end;
        synchronized (this) {
            waits.add(duration);
            if (auto) {
                nanos += Math.max(0, duration.toNanos());
                return false;
            }
            end = nanos + Math.max(0, duration.toNanos());
            while (nanos < end) {
                if (wakeUp.getCount() == 0) {
                    return true;
                }
                wait(10);
            }
        }
        return wakeUp.getCount() == 0;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        onWait.run();
        Due d;
        synchronized (this) {
            waits.add(delay);
            if (auto) {
                nanos += Math.max(0, delay.toNanos());
                d = null;
            } else {
                d = new Due(nanos + Math.max(0, delay.toNanos()), sequence++, task);
                due.add(d);
            }
        }
        if (d == null) {
            runner.execute(task);
            return () -> { };
        }
        return () -> {
            synchronized (this) {
                due.remove(d);
            }
        };
    }

    // ---- Clock ----

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("virtual time is UTC");
    }

    @Override
    public synchronized Instant instant() {
        return epoch.plusNanos(nanos);
    }

    @Override
    public String toString() {
        return "VirtualTime{" + (auto ? "auto" : "manual") + ", " + instant() + "}";
    }
}
