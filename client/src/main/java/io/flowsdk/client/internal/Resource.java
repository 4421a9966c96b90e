package io.flowsdk.client.internal;

import io.flowsdk.client.Change;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.WaitTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What tasks and flow instances have in common: get, find, actions on one item, and waiting
 * for a state. {@code Tasks} and {@code Flows} differ only by the collection path, the model
 * type and how ids are checked, so they share this code.
 *
 * @param <T> the item type
 */
public final class Resource<T> {
    /** First and longest pause between polls of {@code await}. */
    static final Duration FIRST_POLL_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_POLL_DELAY = Duration.ofSeconds(30);

    private final Pipeline pipeline;
    private final Class<T> type;
    private final String[] collection;
    private final String kind;
    private final UnaryOperator<String> idCheck;
    private final Executor asyncExecutor;

    /**
     * @param collection path segments of the collection, for example {@code flows, tasks}
     * @param kind       what an item is called in messages, for example {@code task}
     * @param idCheck    validates an id (throws NPE/IAE) and returns it
     */
    public Resource(Pipeline pipeline, Class<T> type, String kind, UnaryOperator<String> idCheck,
                    Executor asyncExecutor, String... collection) {
        this.pipeline = pipeline;
        this.type = type;
        this.kind = kind;
        this.idCheck = idCheck;
        this.asyncExecutor = asyncExecutor;
        this.collection = collection.clone();
    }

    public T get(String id) {
        return pipeline.<T>send(ApiRequest.get(path(id)), type).value();
    }

    public Optional<T> find(String id) {
        String checked = idCheck.apply(id);
        try {
            return Optional.of(get(checked));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** POSTs {@code body} to the collection itself (create). */
    public <R> Pipeline.Result<R> postToCollection(Object body, Change change, Class<R> responseType) {
        Objects.requireNonNull(body, "body");
        return pipeline.send(ApiRequest.post(body, collection).withChange(change), responseType);
    }

    /** POSTs {@code body} to an action of one item, such as {@code .complete}. */
    public <R> Pipeline.Result<R> postAction(String id, String action, Object body, Change change,
                                             Class<R> responseType) {
        Objects.requireNonNull(change, "change");
        String[] segments = appended(path(id), action);
        return pipeline.send(ApiRequest.post(body, segments).withChange(change), responseType);
    }

    private String[] path(String id) {
        return appended(collection, idCheck.apply(id));
    }

    private static String[] appended(String[] head, String last) {
        String[] all = Arrays.copyOf(head, head.length + 1);
        all[head.length] = last;
        return all;
    }

    // ---- waiting for a state ----

    /** Polls {@link #get} until the condition holds; see {@code Tasks.await}. */
    public T await(String id, Predicate<? super T> condition, Duration timeout) {
        checkAwait(id, condition, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        for (int poll = 1; ; poll++) {
            Duration pause;
            try {
                last = get(id);
                if (condition.test(last)) {
                    return last;
                }
                pause = pollDelay(poll);
            } catch (RateLimitedException e) {
                pause = e.retryAfter().orElse(pollDelay(poll));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new WaitTimeoutException(kind + " " + id, timeout, last);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(pause.toNanos(), left));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new WaitTimeoutException(kind + " " + id + " (interrupted)", timeout, last);
            }
        }
    }

    /** Like {@link #await} but holds no thread while it waits between polls. */
    public CompletableFuture<T> awaitAsync(String id, Predicate<? super T> condition, Duration timeout) {
        checkAwait(id, condition, timeout);
        CompletableFuture<T> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> last = new ArrayList<>(1);
        last.add(null);
        schedulePoll(result, id, condition, timeout, deadline, 1, Duration.ZERO, last);
        return result;
    }

    private void schedulePoll(CompletableFuture<T> result, String id, Predicate<? super T> condition,
                              Duration timeout, long deadline, int poll, Duration pause, List<T> last) {
        if (result.isDone()) {
            return;
        }
        // The hand-off to asyncExecutor happens later, on the JDK's delayer thread, which swallows a
        // RejectedExecutionException: catch it there, or a future pending when the client closes never ends.
        Executor delayed = CompletableFuture.delayedExecutor(pause.toNanos(), TimeUnit.NANOSECONDS, task -> {
            try {
                asyncExecutor.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                result.completeExceptionally(new IllegalStateException("the client is closed", closed));
            }
        });
        try {
            delayed.execute(() -> {
                if (result.isDone()) {
                    return;
                }
                Duration next;
                try {
                    T value = get(id);
                    last.set(0, value);
                    if (condition.test(value)) {
                        result.complete(value);
                        return;
                    }
                    next = pollDelay(poll);
                } catch (RateLimitedException e) {
                    next = e.retryAfter().orElse(pollDelay(poll));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    result.completeExceptionally(new WaitTimeoutException(kind + " " + id, timeout, last.get(0)));
                    return;
                }
                schedulePoll(result, id, condition, timeout, deadline, poll + 1,
                        Duration.ofNanos(Math.min(next.toNanos(), left)), last);
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            result.completeExceptionally(new IllegalStateException("the client is closed", closed));
        }
    }

    private void checkAwait(String id, Predicate<? super T> condition, Duration timeout) {
        idCheck.apply(id);
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
    }

    /** Exponential from 1 s up to 30 s, with equal jitter. */
    static Duration pollDelay(int poll) {
        long base = FIRST_POLL_DELAY.toMillis() << Math.min(poll - 1, 10);
        base = Math.min(base, MAX_POLL_DELAY.toMillis());
        long half = base / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
