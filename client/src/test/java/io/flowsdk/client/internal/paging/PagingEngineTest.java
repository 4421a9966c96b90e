package io.flowsdk.client.internal.paging;

import io.flowsdk.client.error.FlowsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagingEngineTest {

    private static List<String> drain(FakeList list, long start, int pageSize, long limit, int parallelism) {
        ItemIterator<String> it = new ItemIterator<>(new PagingEngine<>(list, start, pageSize, limit, parallelism, s -> s));
        List<String> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    private static List<String> expected(long from, long toInclusive) {
        List<String> out = new ArrayList<>();
        for (long i = from; i <= toInclusive; i++) {
            out.add(FakeList.item(i));
        }
        return out;
    }

    static Stream<Arguments> sizes() {
        List<Arguments> args = new ArrayList<>();
        for (int pageSize : new int[]{1, 7, 100}) {
            for (int n : new int[]{0, 1, 99, 100, 101, 250}) {
                args.add(Arguments.of(pageSize, n));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "pageSize {0}, {1} items")
    @MethodSource("sizes")
    void readsEveryItemOnceWithTheMinimumNumberOfRequests(int pageSize, int n) {
        FakeList list = new FakeList(n);
        assertEquals(expected(1, n), drain(list, 1, pageSize, -1, 1));
        int pages = Math.max(1, (n + pageSize - 1) / pageSize);
        assertEquals(pages, list.requests.size(), "requests: " + list.requests);
        for (int i = 0; i < list.requests.size(); i++) {
            assertEquals(1 + (long) i * pageSize, list.requests.get(i).startIndex());
            assertEquals(pageSize, list.requests.get(i).count());
        }
    }

    @ParameterizedTest(name = "pageSize {0}, {1} items, parallel")
    @MethodSource("sizes")
    void parallelReadsEveryItemOnceInOrder(int pageSize, int n) {
        FakeList list = new FakeList(n);
        assertEquals(expected(1, n), drain(list, 1, pageSize, -1, 4));
        int pages = Math.max(1, (n + pageSize - 1) / pageSize);
        assertEquals(pages, list.requests.size(), "requests: " + list.requests);
    }

    @Test
    void iteratorAloneSendsNothing() {
        FakeList list = new FakeList(10);
        ItemIterator<String> it = new ItemIterator<>(new PagingEngine<>(list, 1, 5, -1, 1, s -> s));
        assertEquals(0, list.requests.size());
        assertTrue(it.hasNext());
        assertEquals(1, list.requests.size());
    }

    @Test
    void advancesByItemsActuallyReturnedWhenTheServerCapsPageSize() {
        FakeList list = new FakeList(250);
        list.serverMaxPageSize = 40;
        assertEquals(expected(1, 250), drain(list, 1, 100, -1, 1));
        assertEquals(List.of(1L, 41L, 81L, 121L, 161L, 201L, 241L),
                list.requests.stream().map(FakeList.Req::startIndex).toList());
    }

    @Test
    void cappedPagesInParallelAreFilledWithoutGapsOrDuplicates() {
        FakeList list = new FakeList(250);
        list.serverMaxPageSize = 40;
        assertEquals(expected(1, 250), drain(list, 1, 100, -1, 4));
    }

    @Test
    void limitStopsWithoutRequestingMore() {
        FakeList list = new FakeList(250);
        assertEquals(expected(1, 5), drain(list, 1, 100, 5, 1));
        assertEquals(List.of(new FakeList.Req(1, 5)), list.requests);

        FakeList list2 = new FakeList(250);
        assertEquals(expected(1, 150), drain(list2, 1, 100, 150, 1));
        assertEquals(List.of(new FakeList.Req(1, 100), new FakeList.Req(101, 50)), list2.requests);

        FakeList list3 = new FakeList(250);
        assertEquals(List.of(), drain(list3, 1, 100, 0, 1));
        assertEquals(0, list3.requests.size());
    }

    @Test
    void limitInParallelNeverOvershoots() {
        FakeList list = new FakeList(1000);
        assertEquals(expected(1, 230), drain(list, 1, 50, 230, 8));
        long asked = list.requests.stream().mapToLong(FakeList.Req::count).sum();
        assertEquals(230, asked);
    }

    @Test
    void startIndexIsHonoured() {
        FakeList list = new FakeList(30);
        assertEquals(expected(11, 30), drain(list, 11, 7, -1, 1));
        assertEquals(11, list.requests.get(0).startIndex());
    }

    @Test
    void noRequestPastTotalResults() {
        FakeList list = new FakeList(100);
        drain(list, 1, 50, -1, 1);
        assertEquals(2, list.requests.size(), "an exact multiple must not cost an extra request");
    }

    @Test
    void withoutTotalAnEmptyPageEndsTheIteration() {
        FakeList list = new FakeList(25);
        list.omitTotal = true;
        assertEquals(expected(1, 25), drain(list, 1, 10, -1, 1));
        assertEquals(List.of(1L, 11L, 21L, 26L), list.requests.stream().map(FakeList.Req::startIndex).toList());
    }

    @Test
    void serverIgnoringStartIndexButEchoingItEndsInFlowsExceptionWithoutDuplicates() {
        FakeList list = new FakeList(250);
        list.ignoreStartIndex = true;   // always answers items 1..n, echoes the requested startIndex
        ItemIterator<String> it = new ItemIterator<>(new PagingEngine<>(list, 1, 100, -1, 1, s -> s));
        List<String> seen = new ArrayList<>();
        FlowsException e = assertThrows(FlowsException.class, () -> {
            while (it.hasNext()) {
                seen.add(it.next());
            }
        });
        assertTrue(e.getMessage().contains("startIndex"), e.getMessage());
        assertEquals(expected(1, 100), seen, "no item delivered twice");
        assertEquals(2, list.requests.size());
    }

    @Test
    void serverEchoingAnotherStartIndexEndsInFlowsException() {
        FakeList list = new FakeList(250);
        list.ignoreStartIndex = true;
        list.echoRequestedStart = false;  // honest about answering from 1
        assertThrows(FlowsException.class, () -> drain(list, 1, 100, -1, 1));
        assertEquals(2, list.requests.size());
    }

    @Test
    void sameInParallel() {
        FakeList list = new FakeList(250);
        list.ignoreStartIndex = true;
        assertThrows(FlowsException.class, () -> drain(list, 1, 100, -1, 4));
    }

    @Test
    void totalGrowingWildlyDoesNotExtendTheIteration() {
        FakeList list = new FakeList(10_000);
        list.totalForRequest = n -> 100L * n * n;   // 100, 400, 900, ...
        List<String> items = drain(list, 1, 50, -1, 1);
        assertEquals(expected(1, 100), items, "the first page's total is the plan");
        assertEquals(2, list.requests.size());
    }

    @Test
    void totalShrinkingBelowWhatWasReadIsAnError() {
        FakeList list = new FakeList(300);
        list.totalForRequest = n -> n == 1 ? 300 : 20;
        FlowsException e = assertThrows(FlowsException.class, () -> drain(list, 1, 50, -1, 1));
        assertTrue(e.getMessage().contains("totalResults"), e.getMessage());
    }

    @Test
    void totalShrinkingAheadMovesTheEndForward() {
        FakeList list = new FakeList(300);
        list.totalForRequest = n -> n == 1 ? 300 : 120;
        assertEquals(expected(1, 120), drain(list, 1, 50, -1, 1));
        assertEquals(3, list.requests.size());
    }

    @Test
    void moreItemsThanAskedAreKeptSequentiallyAndNeverDuplicated() {
        FakeList list = new FakeList(250);
        list.ignoreCount = true;     // returns everything from startIndex
        assertEquals(expected(1, 250), drain(list, 1, 100, -1, 1));
        assertEquals(1, list.requests.size());
        FakeList list2 = new FakeList(250);
        list2.ignoreCount = true;
        assertEquals(expected(1, 250), drain(list2, 1, 100, -1, 4));
        FakeList list3 = new FakeList(250);
        list3.ignoreCount = true;
        assertEquals(expected(1, 120), drain(list3, 1, 100, 120, 1));
    }

    @Test
    void parallelDeliversInOrderUnderRandomCompletionOrderAndKeepsTheWindow() {
        FakeList list = new FakeList(600);
        list.holdAsync = true;
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        list.releaseInRandomOrder(42, done::get);
        try {
            assertEquals(expected(1, 600), drain(list, 1, 20, -1, 6));
        } finally {
            done.set(true);
        }
        assertTrue(list.maxInFlight.get() <= 6, "in flight: " + list.maxInFlight.get());
        assertTrue(list.maxInFlight.get() > 1, "should actually run in parallel");
    }

    @Test
    void anErrorSurfacesAtThePositionOfTheFailedPage() {
        FakeList list = new FakeList(100);
        list.failOnRequest = 3;         // startIndex 21 with page size 10, parallel or not
        for (int parallelism : new int[]{1, 4}) {
            list.requests.clear();
            ItemIterator<String> it = new ItemIterator<>(new PagingEngine<>(list, 1, 10, -1, parallelism, s -> s));
            List<String> seen = new ArrayList<>();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                while (it.hasNext()) {
                    seen.add(it.next());
                }
            });
            assertEquals("boom", e.getMessage(), "our exception passes through unchanged");
            if (parallelism == 1) {
                assertEquals(expected(1, 20), seen);
            } else {
                assertTrue(seen.size() % 10 == 0 && seen.size() <= 90, "delivered up to a page boundary: " + seen.size());
            }
        }
    }

    @Test
    void closingCancelsPagesInFlightWithoutWaitingForThem() {
        FakeList list = new FakeList(10_000);
        list.holdAsync = true;      // the pages fetched ahead never answer
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        PagingEngine<String> engine = new PagingEngine<>(list, 1, 10, -1, 8, s -> s);
        ItemIterator<String> it = new ItemIterator<>(engine);
        assertTrue(it.hasNext());
        it.next();
        assertEquals(8, list.held.size(), "parallelism pages requested ahead");
        assertEquals(Set.of(), newThreads(before), "waiting for pages costs no thread");
        it.close();
        assertTrue(engine.isDone());
        assertTrue(list.held.stream().allMatch(h -> h.future().isCancelled()), "every page in flight was cancelled");
        assertFalse(it.hasNext());
    }

    @Test
    void anAbandonedIterationCancelsItsPagesInFlight() {
        FakeList list = new FakeList(10_000);
        list.holdAsync = true;
        abandonAfterOneItem(list);
        assertTrue(list.requests.size() <= 1 + 8, "at most parallelism pages fetched ahead: " + list.requests.size());
        // the iterator is unreachable now: the JVM-wide cleaner cancels its pages once it is collected
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!list.held.stream().allMatch(h -> h.future().isCancelled())) {
            assertTrue(System.nanoTime() < until, "the abandoned iteration's pages were not cancelled");
            System.gc();
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }

    private static void abandonAfterOneItem(FakeList list) {
        ItemIterator<String> it = new ItemIterator<>(new PagingEngine<>(list, 1, 10, -1, 8, s -> s));
        assertTrue(it.hasNext());
        it.next();
    }

    private static Set<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName).collect(java.util.stream.Collectors.toSet());
    }
}
