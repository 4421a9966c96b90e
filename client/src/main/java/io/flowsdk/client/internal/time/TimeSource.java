package io.flowsdk.client.internal.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The one source of time of a client: the wall clock (snapshots, {@code Retry-After} dates,
 * token expiry), a monotonic reading (deadlines and timeouts), blocking waits (retries of
 * blocking calls, {@code await}) and scheduled tasks (retries of asynchronous calls,
 * {@code awaitAsync} polls). Production clients use {@link SystemTime}; tests pass a virtual
 * implementation so that nothing in them really waits.
 *
 * <p>A {@link Clock} given to {@code FlowsClient.Builder.clock(Clock)} that also implements this
 * interface becomes the client's whole time source (that is how the testkit and the SDK's own
 * tests plug in virtual time without a public hook).
 */
public interface TimeSource {
    /** {@return the wall clock} */
    Clock clock();

    /** {@return a monotonic reading in nanoseconds, only meaningful as a difference} */
    long nanoTime();

    /**
     * Blocks the calling thread for {@code duration} (nothing if it is zero or negative), or until
     * {@code wakeUp} opens, whichever comes first.
     *
     * @param wakeUp ends the wait early when it reaches zero (the client's closed signal)
     * @return whether the wait ended because {@code wakeUp} opened
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    boolean sleep(Duration duration, CountDownLatch wakeUp) throws InterruptedException;

    /**
     * Runs {@code task} once, after {@code delay}, on a timer thread that is not the caller's.
     * The task must not block: hand heavy work to an executor. Never throws
     * {@code RejectedExecutionException}.
     *
     * @return a handle that keeps the task from running if it has not started
     */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Keeps the task from running, if it has not started yet. Idempotent. */
        void cancel();
    }
}
