package io.flowsdk.client.internal;

import io.flowsdk.client.error.FlowsInterruptedException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.WaitTimeoutException;
import io.flowsdk.client.internal.time.TimeSource;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

/**
 * Polls one item until a condition holds: at once, then with exponential backoff and jitter
 * from {@value #FIRST_POLL_MILLIS} ms up to {@value #MAX_POLL_MILLIS} ms, honouring the
 * {@code Retry-After} of a 429, all on the client's {@link TimeSource}. The blocking form waits on
 * the caller's thread; the asynchronous one holds no thread, neither while a poll is in flight
 * nor between polls.
 *
 * @param <T> the item type
 */
public final class Waiter<T> {
    static final long FIRST_POLL_MILLIS = 1_000;
    static final long MAX_POLL_MILLIS = 30_000;

    private final Resource<T> resource;
    private final ClientContext ctx;

    public Waiter(Resource<T> resource) {
        this.resource = resource;
        this.ctx = resource.calls().context();
    }

    /** Polls until the condition holds; see {@code Tasks.await}. */
    public T await(String id, Predicate<? super T> condition, Duration timeout) {
        check(id, condition, timeout);
        TimeSource time = ctx.time();
        long deadline = time.nanoTime() + timeout.toNanos();
        T last = null;
        for (int poll = 1; ; poll++) {
            Duration pause;
            try {
                last = resource.get(id);
                if (condition.test(last)) {
                    return last;
                }
                pause = pollDelay(poll);
            } catch (RateLimitedException e) {
                pause = e.retryAfter().orElse(pollDelay(poll));
            }
            long left = deadline - time.nanoTime();
            if (left <= 0) {
                throw new WaitTimeoutException(resource.kind() + " " + id, timeout, last);
            }
            try {
                if (time.sleep(Duration.ofNanos(Math.min(pause.toNanos(), left)), ctx.state().closedSignal())) {
                    throw closed(id);
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new FlowsInterruptedException("waiting for " + resource.kind() + " " + id);
            }
        }
    }

    /**
     * Like {@link #await} but returns at once. Cancelling the future stops the polls; closing the
     * client ends it.
     */
    public CompletableFuture<T> awaitAsync(String id, Predicate<? super T> condition, Duration timeout) {
        check(id, condition, timeout);
        ctx.state().checkOpen(); // like every other call: a closed client throws at once
        Poller poller = new Poller(id, condition, timeout);
        poller.poll();
        return poller.result;
    }

    /** The state of one {@link #awaitAsync}. */
    private final class Poller implements ClientState.Abortable {
        final String id;
        final Predicate<? super T> condition;
        final Duration timeout;
        final long deadline;
        final CompletableFuture<T> result = new CompletableFuture<>();
        volatile CompletableFuture<T> inFlight;
        volatile TimeSource.Cancellable timer;
        volatile T last;
        volatile int polls;

        Poller(String id, Predicate<? super T> condition, Duration timeout) {
            this.id = id;
            this.condition = condition;
            this.timeout = timeout;
            this.deadline = ctx.time().nanoTime() + timeout.toNanos();
            ctx.state().add(this);
            result.whenComplete((v, t) -> {
                ctx.state().remove(this);
                if (result.isCancelled()) {
                    stop();
                }
            });
        }

        void poll() {
            if (result.isDone()) {
                return;
            }
            polls++;
            CompletableFuture<T> f;
            try {
                f = resource.getAsync(id);
            } catch (RuntimeException e) { // the client was closed meanwhile
                result.completeExceptionally(e);
                return;
            }
            inFlight = f;
            f.whenComplete(this::polled);
        }

        private void polled(T value, Throwable failure) {
            Duration next;
            failure = Futures.unwrap(failure);
            if (failure instanceof RateLimitedException limited) {
                next = limited.retryAfter().orElse(pollDelay(polls));
            } else if (failure != null) {
                result.completeExceptionally(failure);
                return;
            } else {
                last = value;
                try {
                    if (condition.test(value)) {
                        result.complete(value);
                        return;
                    }
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                    return;
                }
                next = pollDelay(polls);
            }
            long left = deadline - ctx.time().nanoTime();
            if (left <= 0) {
                result.completeExceptionally(new WaitTimeoutException(resource.kind() + " " + id, timeout, last));
                return;
            }
            timer = ctx.time().schedule(Duration.ofNanos(Math.min(next.toNanos(), left)), () -> {
                try {
                    ctx.executor().execute(this::poll);
                } catch (RejectedExecutionException e) {
                    result.completeExceptionally(closed(id));
                }
            });
            if (result.isDone()) {
                stop();
            }
        }

        @Override
        public void abort() {
            result.completeExceptionally(closed(id));
            stop();
        }

        private void stop() {
            TimeSource.Cancellable t = timer;
            if (t != null) {
                t.cancel();
            }
            CompletableFuture<T> f = inFlight;
            if (f != null) {
                f.cancel(true);
            }
        }
    }

    private FlowsTransportException closed(String id) {
        return new FlowsTransportException("GET", "(waiting for " + resource.kind() + " " + id + ")",
                new InterruptedIOException("the FlowsClient was closed"), false);
    }

    private void check(String id, Predicate<? super T> condition, Duration timeout) {
        resource.checkId(id);
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
    }

    /** Exponential from 1 s up to 30 s, with equal jitter (half fixed, half random). */
    Duration pollDelay(int poll) {
        long base = Math.min(FIRST_POLL_MILLIS << Math.min(poll - 1, 10), MAX_POLL_MILLIS);
        long half = base / 2;
        return Duration.ofMillis(half + (long) (ctx.random().getAsDouble() * (half + 1)));
    }
}
