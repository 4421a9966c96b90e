package io.flowsdk.client.internal.bulk;

import java.time.Duration;
import java.util.function.IntFunction;

/**
 * The one rate limiter of a bulk run: how many requests may be in flight, and until when nobody
 * may send. Additive increase, multiplicative decrease, as in TCP congestion control and
 * Firestore's BulkWriter:
 *
 * <ul>
 *   <li>A 429 pauses the whole run until its wait is over ({@code Retry-After}, else the backoff of
 *       the {@code n}-th pause in a row), and halves the limit (never below 1).</li>
 *   <li>One pause per overload: 429s for requests sent before the current pause began (they were
 *       already in flight) only extend the pause, they do not halve the limit again nor count as
 *       another pause. Each request carries the {@link #epoch()} it was sent in, which a new pause
 *       ends.</li>
 *   <li>After a pause, the limit grows by one for every {@code limit} successes, up to the run's
 *       concurrency, and at most once per length of the last pause: a server that asked for a
 *       one-second wait is not hit harder again within the next second, one that asked for none
 *       gets the concurrency back as fast as answers come. A success also ends the series of pauses
 *       in a row.</li>
 * </ul>
 * Times are the client's monotonic nanoseconds. Used by the run's thread only.
 */
final class RateGate {
    private final int max;
    private int limit;
    private int successes;
    private long pausedUntil = Long.MIN_VALUE;
    private long epoch;
    private int pausesInARow;
    private long lastChange = Long.MIN_VALUE;
    private long rampInterval;

    RateGate(int max) {
        this.max = max;
        this.limit = max;
    }

    /** @return the most requests that may be in flight now */
    int limit() {
        return limit;
    }

    /** @return the number of pauses so far: a request sent now carries it */
    long epoch() {
        return epoch;
    }

    /** @return whether nobody may send at {@code now} */
    boolean paused(long now) {
        return now < pausedUntil;
    }

    /** @return whether a 429 to a request sent in {@code sentIn} begins a new pause (else it was in flight when the current one began) */
    boolean startsPause(long sentIn) {
        return sentIn == epoch;
    }

    /** @return when the current pause ends */
    long pausedUntil() {
        return pausedUntil;
    }

    /** @param now when the success arrived */
    void onSuccess(long now) {
        pausesInARow = 0;
        if (limit < max && ++successes >= limit && now - lastChange >= rampInterval) {
            limit++;
            successes = 0;
            lastChange = now;
        }
    }

    /**
     * @param sentIn     the {@link #epoch()} the request that got the 429 was sent in
     * @param now        when the 429 counts from
     * @param retryAfter the server's {@code Retry-After}, or null
     * @param backoff    the wait before the n-th attempt in a row when the server sent none
     * @return the end of the pause
     */
    long onRateLimited(long sentIn, long now, Duration retryAfter, IntFunction<Duration> backoff) {
        boolean newPause = startsPause(sentIn);
        if (newPause) {
            epoch++;
            limit = Math.max(1, limit / 2);
            successes = 0;
            pausesInARow++;
        }
        Duration wait = retryAfter != null ? retryAfter : backoff.apply(Math.max(1, pausesInARow));
        long waitNanos = Math.max(0, wait.toNanos());
        pausedUntil = Math.max(pausedUntil, now + waitNanos);
        if (newPause) {
            rampInterval = waitNanos;
            lastChange = pausedUntil;
        } else {
            rampInterval = Math.max(rampInterval, waitNanos);
            lastChange = Math.max(lastChange, pausedUntil);
        }
        return pausedUntil;
    }
}
