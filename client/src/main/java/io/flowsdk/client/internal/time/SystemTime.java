package io.flowsdk.client.internal.time;

import io.flowsdk.client.internal.DaemonThreads;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Real time: the given wall clock, {@link System#nanoTime()}, waits on a latch (so that closing the client ends them) and one
 * JVM-wide daemon timer thread ({@code flows-timer}) shared by every client. The timer only
 * keeps the waits; what it runs must be quick (the SDK hands real work to the client's executor).
 */
public final class SystemTime implements TimeSource {
    private final Clock clock;

    public SystemTime(Clock clock) {
        this.clock = clock;
    }

    /**
     * The timer, made when something is first scheduled (a class initialised on first use): a
     * program that only makes blocking calls never starts it nor loads its classes.
     */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor INSTANCE = timer();

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("flows-timer"));
            t.setRemoveOnCancelPolicy(true); // a cancelled retry's wait leaves nothing behind in the queue
            return t;
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public boolean sleep(Duration duration, CountDownLatch wakeUp) throws InterruptedException {
        if (wakeUp.getCount() == 0) {
            return true;
        }
        if (duration.isNegative() || duration.isZero()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return false;
        }
        return wakeUp.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long nanos = Math.max(0, delay.toNanos());
        ScheduledFuture<?> f = Timer.INSTANCE.schedule(task, nanos, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public String toString() {
        return "SystemTime{" + clock + "}";
    }
}
