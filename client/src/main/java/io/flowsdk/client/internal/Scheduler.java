package io.flowsdk.client.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task later without holding a thread while it waits: the asynchronous counterpart of
 * {@link Pipeline.Sleeper}, used for retries of async calls and for the polls of
 * {@code awaitAsync}. The wait is kept by the JDK's shared delay timer; the task itself runs on
 * the client's executor, never on that timer (a task may call a slow token provider).
 */
public final class Scheduler {
    private final Executor executor;

    public Scheduler(Executor executor) {
        this.executor = executor;
    }

    /**
     * Runs {@code task} after {@code delay}. If the client has been closed meanwhile, {@code owner}
     * fails with {@link IllegalStateException} instead, so that no future is left pending forever.
     */
    public void schedule(Duration delay, Runnable task, CompletableFuture<?> owner) {
        // The hand-off to the executor happens on the JDK's delayer thread, which would swallow a
        // RejectedExecutionException: catch it there.
        Executor handOff = runnable -> {
            try {
                executor.execute(runnable);
            } catch (RejectedExecutionException closed) {
                owner.completeExceptionally(new IllegalStateException("this FlowsClient is closed", closed));
            }
        };
        Runnable guarded = () -> {
            if (!owner.isDone()) {
                task.run();
            }
        };
        long nanos = Math.max(0, delay.toNanos());
        if (nanos == 0) {
            handOff.execute(guarded);
        } else {
            CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, handOff).execute(guarded);
        }
    }
}
