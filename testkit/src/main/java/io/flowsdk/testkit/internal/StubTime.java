package io.flowsdk.testkit.internal;

import io.flowsdk.client.internal.time.SystemTime;
import io.flowsdk.client.internal.time.TimeSource;
import io.flowsdk.testkit.StubClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time of the clients the stub hands out: the stub's clock, and while that clock is frozen,
 * virtual waits. A client's wait (a retry's backoff, a poll of {@code await}) then moves the
 * stub's clock forward instead of sleeping, so a test of a five-minute wait takes milliseconds
 * and sees the server's time move as the client waited. While the clock follows the system time,
 * waits are real.
 */
public final class StubTime extends Clock implements TimeSource {
    private final StubClock clock;
    private final SystemTime real;
    private final AtomicLong skipped = new AtomicLong();

    public StubTime(StubClock clock) {
        this.clock = clock;
        this.real = new SystemTime(clock);
    }

    @Override
    public Clock clock() {
        return this;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime() + skipped.get();
    }

    @Override
    public boolean sleep(Duration duration, CountDownLatch wakeUp) throws InterruptedException {
        if (!clock.isFrozen()) {
            return real.sleep(duration, wakeUp);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        skip(duration);
        return wakeUp.getCount() == 0;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (!clock.isFrozen()) {
            return real.schedule(delay, task);
        }
        skip(delay);
        return real.schedule(Duration.ZERO, task);
    }

    private void skip(Duration d) {
        if (!d.isNegative() && !d.isZero()) {
            clock.advance(d);
            skipped.addAndGet(d.toNanos());
        }
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return clock.withZone(zone);
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }

    @Override
    public String toString() {
        return "StubTime{" + clock + "}";
    }
}
