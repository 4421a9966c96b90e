package io.flowsdk.client.internal.paging;

import io.flowsdk.client.internal.Cancellation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;

/** An in-memory SCIM list with knobs for misbehaviour; records every request. */
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
    LongUnaryOperator delayMillisForStart = s -> 0;

    FakeList(int size) {
        this.size = size;
    }

    static String item(long i) {
        return "item-" + i;
    }

    @Override
    public FetchedPage<String> fetch(long startIndex, int count, Cancellation cancellation) {
        requests.add(new Req(startIndex, count));
        int n = requests.size();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            long delay = delayMillisForStart.applyAsLong(startIndex);
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
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
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
