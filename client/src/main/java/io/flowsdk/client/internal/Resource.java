package io.flowsdk.client.internal;

import io.flowsdk.client.Change;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.WaitTimeoutException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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

    /**
     * @param collection path segments of the collection, for example {@code flows, tasks}
     * @param kind       what an item is called in messages, for example {@code task}
     * @param idCheck    validates an id (throws NPE/IAE) and returns it
     */
    public Resource(Pipeline pipeline, Class<T> type, String kind, UnaryOperator<String> idCheck,
                    String... collection) {
        this.pipeline = pipeline;
        this.type = type;
        this.kind = kind;
        this.idCheck = idCheck;
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

    /** The id is checked at once; everything else happens in the future. */
    public CompletableFuture<T> getAsync(String id) {
        return Futures.map(pipeline.<T>sendAsync(ApiRequest.get(path(id)), type), Pipeline.Result::value);
    }

    /** Like {@link #find}: a 404 completes the future with empty. */
    public CompletableFuture<Optional<T>> findAsync(String id) {
        return Futures.handle(getAsync(id), (value, failure) -> {
            if (failure instanceof NotFoundException) {
                return Optional.empty();
            }
            if (failure != null) {
                throw Futures.sneaky(failure);
            }
            return Optional.of(value);
        });
    }

    /** POSTs {@code body} to the collection itself (create). */
    public <R> Pipeline.Result<R> postToCollection(Object body, Change change, Class<R> responseType) {
        return pipeline.send(toCollection(body, change), responseType);
    }

    public <R> CompletableFuture<Pipeline.Result<R>> postToCollectionAsync(Object body, Change change,
                                                                           Class<R> responseType) {
        return pipeline.sendAsync(toCollection(body, change), responseType);
    }

    /** POSTs {@code body} to an action of one item, such as {@code .complete}. */
    public <R> Pipeline.Result<R> postAction(String id, String action, Object body, Change change,
                                             Class<R> responseType) {
        return pipeline.send(toAction(id, action, body, change), responseType);
    }

    public <R> CompletableFuture<Pipeline.Result<R>> postActionAsync(String id, String action, Object body,
                                                                     Change change, Class<R> responseType) {
        return pipeline.sendAsync(toAction(id, action, body, change), responseType);
    }

    private ApiRequest toCollection(Object body, Change change) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(change, "change");
        return ApiRequest.post(body, collection).withChange(change);
    }

    private ApiRequest toAction(String id, String action, Object body, Change change) {
        Objects.requireNonNull(change, "change");
        return ApiRequest.post(body, appended(path(id), action)).withChange(change);
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

    /**
     * Like {@link #await} but holds no thread, neither while a poll is in flight ({@link #getAsync})
     * nor while it waits for the next one ({@link Scheduler}). Cancelling the future stops the polls.
     */
    public CompletableFuture<T> awaitAsync(String id, Predicate<? super T> condition, Duration timeout) {
        checkAwait(id, condition, timeout);
        pipeline.checkOpen(); // like every other call: a closed client throws at once
        Poller poller = new Poller(id, condition, timeout);
        poller.poll();
        return poller.result;
    }

    /** The state of one {@link #awaitAsync}: polls until the condition holds or time runs out. */
    private final class Poller {
        final String id;
        final Predicate<? super T> condition;
        final Duration timeout;
        final long deadline;
        final CompletableFuture<T> result = new CompletableFuture<>();
        volatile CompletableFuture<T> inFlight;
        volatile T last;
        int polls;

        Poller(String id, Predicate<? super T> condition, Duration timeout) {
            this.id = id;
            this.condition = condition;
            this.timeout = timeout;
            this.deadline = System.nanoTime() + timeout.toNanos();
            result.whenComplete((v, t) -> {
                CompletableFuture<T> f = inFlight;
                if (result.isCancelled() && f != null) {
                    f.cancel(true);
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
                f = getAsync(id);
            } catch (RuntimeException e) { // a closed client
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
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                result.completeExceptionally(new WaitTimeoutException(kind + " " + id, timeout, last));
                return;
            }
            pipeline.scheduler().schedule(Duration.ofNanos(Math.min(next.toNanos(), left)), this::poll, result);
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
