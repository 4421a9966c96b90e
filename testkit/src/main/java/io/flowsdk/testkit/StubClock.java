package io.flowsdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The fake server's clock: it stamps {@code meta.created}, {@code meta.lastModified},
 * {@code ended}, {@code endedAt} and every history entry, which {@code forTime} queries read.
 *
 * <p>By default it follows the system clock, truncated to whole seconds (so a resource created
 * "now" is visible to a {@code forTime} that a client pinned to the current second, as
 * {@code Query.snapshot()} does). {@link #set(Instant)} freezes it at an instant;
 * {@link #advance(Duration)} moves it forward (a frozen clock stays frozen, a running clock
 * keeps running with an offset). Thread-safe.
 *
 * <pre>{@code
 * stub.clock().set(Instant.parse("2026-01-01T00:00:00Z"));
 * String id = stub.addTask(task).getId();           // created at 00:00
 * stub.clock().advance(Duration.ofHours(1));
 * client.tasks().complete(id, Map.of());             // completed at 01:00
 * // a list with forTime 00:30 shows the task as pending
 * }</pre>
 */
public final class StubClock extends Clock {
    private Instant frozen; // null: follow the system clock
    private Duration offset = Duration.ZERO;

    /** Creates a clock that follows the system clock (whole seconds). */
    public StubClock() {}

    /**
     * Freezes the clock at an instant.
     *
     * @param instant the instant the clock shows from now on
     * @return this clock
     */
    public synchronized StubClock set(Instant instant) {
        frozen = Objects.requireNonNull(instant, "instant");
        offset = Duration.ZERO;
        return this;
    }

    /**
     * Moves the clock forward (or backward, with a negative duration).
     *
     * @param duration how far
     * @return this clock
     */
    public synchronized StubClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (frozen != null) {
            frozen = frozen.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
        return this;
    }

    /**
     * Returns to the default: follow the system clock, whole seconds, no offset.
     *
     * @return this clock
     */
    public synchronized StubClock useSystemTime() {
        frozen = null;
        offset = Duration.ZERO;
        return this;
    }

    /**
     * Whether the clock is frozen by {@link #set(Instant)}.
     *
     * @return true when frozen
     */
    public synchronized boolean isFrozen() {
        return frozen != null;
    }

    @Override
    public synchronized Instant instant() {
        if (frozen != null) {
            return frozen;
        }
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(offset);
    }

    /** Always UTC. */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * A view of this clock in another zone (same instants).
     *
     * @param zone the zone
     * @return a clock that reads this one
     */
    @Override
    public Clock withZone(ZoneId zone) {
        StubClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public synchronized String toString() {
        return frozen != null ? "StubClock[frozen at " + frozen + "]" : "StubClock[system, offset " + offset + "]";
    }
}
