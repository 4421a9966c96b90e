package io.flowsdk.client.internal.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;

/**
 * An in-memory SCIM list with knobs for misbehaviour; records every request. Asynchronous
 * fetches complete at once, unless {@link #holdAsync} keeps them pending: then the test
 * completes them ({@link #releaseInRandomOrder}) or watches them being cancelled.
 */
final class FakeList implements PageFetcher<String> {
    record Req(long startIndex, int count) {
    }

    final List<Req> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final int size;
    int serverMaxPageSize = Integer.MAX_VALUE;
    boolean ignoreStartIndex;
    boolean echoRequestedStart = true;
    boolean omitTotal;
    boolean ignoreCount;
    LongUnaryOperator totalForRequest;     // request number (1-based) -> reported total
    int failOnRequest = -1;
    RuntimeException failure = new IllegalStateException("boom");
    /** Asynchronous fetches stay pending until released (or cancelled). */
    boolean holdAsync;
    final List<Held> held = new CopyOnWriteArrayList<>();

    record Held(long startIndex, int count, CompletableFuture<FetchedPage<String>> future) {
    }

    FakeList(int size) {
        this.size = size;
    }

    static String item(long i) {
        return "item-" + i;
    }

    @Override
    public FetchedPage<String> fetch(long startIndex, int count) {
        requests.add(new Req(startIndex, count));
        return answer(startIndex, count, requests.size());
    }

    @Override
    public CompletableFuture<FetchedPage<String>> fetchAsync(long startIndex, int count) {
        requests.add(new Req(startIndex, count));
        int n = requests.size();
        if (!holdAsync) {
            try {
                return CompletableFuture.completedFuture(answer(startIndex, count, n));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        CompletableFuture<FetchedPage<String>> f = new CompletableFuture<>();
        f.whenComplete((p, t) -> inFlight.decrementAndGet());
        held.add(new Held(startIndex, count, f));
        return f;
    }

    /** Completes the held fetches one at a time in a random order, until {@code done} says stop. */
    Thread releaseInRandomOrder(long seed, java.util.function.BooleanSupplier done) {
        Random random = new Random(seed);
        Thread t = new Thread(() -> {
            while (!done.getAsBoolean()) {
                List<Held> pending = new ArrayList<>();
                for (Held h : held) {
                    if (!h.future.isDone()) {
                        pending.add(h);
                    }
                }
                if (pending.isEmpty()) {
                    Thread.onSpinWait();
                    continue;
                }
                Held h = pending.get(random.nextInt(pending.size()));
                try {
                    h.future.complete(answer(h.startIndex, h.count, Integer.MIN_VALUE));
                } catch (RuntimeException e) {
                    h.future.completeExceptionally(e);
                }
            }
        }, "fake-list-server");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private FetchedPage<String> answer(long startIndex, int count, int n) {
        {
            if (n == failOnRequest) {
                throw failure;
            }
            long from = ignoreStartIndex ? 1 : Math.max(1, startIndex);
            int want = ignoreCount ? Integer.MAX_VALUE : Math.min(count, serverMaxPageSize);
            List<String> items = new ArrayList<>();
            for (long i = from; i <= size && items.size() < want; i++) {
                items.add(item(i));
            }
            Long total = omitTotal ? null : (totalForRequest != null ? totalForRequest.applyAsLong(n) : (long) size);
            Long start = echoRequestedStart ? startIndex : from;
            return new FetchedPage<>(items, total, start, items.size());
        }
    }
}
