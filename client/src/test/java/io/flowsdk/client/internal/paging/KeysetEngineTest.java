package io.flowsdk.client.internal.paging;

import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.internal.Ids;
import io.flowsdk.client.testing.PropertyCheck;
import io.flowsdk.client.testing.SeededRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysetEngineTest {
    /** A list of ids that a test may change between pages; sorted by code point, as a server sorts ids. */
    static final class IdList implements KeysetEngine.Fetcher<String> {
        final TreeSet<String> ids = new TreeSet<>(Ids::compare);
        final List<String> afterIds = new ArrayList<>();
        int serverMaxPageSize = Integer.MAX_VALUE;
        boolean sendTotal = true;
        Runnable beforeEachPage = () -> { };

        @Override
        public FetchedPage<String> fetch(String afterId, int count) {
            beforeEachPage.run();
            afterIds.add(afterId);
            Set<String> matching = afterId == null ? ids : ids.tailSet(afterId, false);
            List<String> page = matching.stream().limit(Math.min(count, serverMaxPageSize)).toList();
            return new FetchedPage<>(page, sendTotal ? (long) matching.size() : null, 1L, page.size());
        }
    }

    private static List<String> drain(PageSource<String> engine) {
        List<String> all = new ArrayList<>();
        FetchedPage<String> p;
        while ((p = engine.nextPage()) != null) {
            all.addAll(p.items());
        }
        return all;
    }

    private static KeysetEngine<String> engine(KeysetEngine.Fetcher<String> f, int pageSize, long limit) {
        return new KeysetEngine<>(f, pageSize, limit, Function.identity());
    }

    @Test
    void pagesAskForTheIdsAfterTheLastOneAndStopWhenTheServerCountsNoMore() {
        IdList list = new IdList();
        for (int i = 0; i < 10; i++) {
            list.ids.add("id-" + i);
        }
        assertEquals(List.copyOf(list.ids), drain(engine(list, 4, -1)));
        assertEquals(java.util.Arrays.asList(null, "id-3", "id-7"), list.afterIds,
                "the third page holds all the server still counted: no fourth request");
    }

    @Test
    void withoutTotalsItStopsAtTheFirstEmptyPage() {
        IdList list = new IdList();
        list.sendTotal = false;
        for (int i = 0; i < 8; i++) {
            list.ids.add("id-" + i);
        }
        assertEquals(8, drain(engine(list, 4, -1)).size());
        assertEquals(java.util.Arrays.asList(null, "id-3", "id-7"), list.afterIds);
    }

    @Test
    void aServerThatCapsThePageSizeIsFollowed() {
        IdList list = new IdList();
        list.serverMaxPageSize = 3;
        for (int i = 0; i < 10; i++) {
            list.ids.add("id-" + i);
        }
        assertEquals(List.copyOf(list.ids), drain(engine(list, 100, -1)));
        assertEquals(4, list.afterIds.size());
    }

    @Test
    void theLimitCutsThePageAndTheRequests() {
        IdList list = new IdList();
        for (int i = 0; i < 10; i++) {
            list.ids.add("id-" + i);
        }
        assertEquals(List.of("id-0", "id-1", "id-2", "id-3", "id-4"), drain(engine(list, 4, 5)));
        assertEquals(2, list.afterIds.size());
        IdList none = new IdList();
        none.ids.add("x");
        assertNull(engine(none, 4, 0).nextPage());
        assertTrue(none.afterIds.isEmpty(), "limit 0 sends nothing");
    }

    @Test
    void theFirstPageIsReturnedEvenWhenEmptyAndPagesReportTheirPosition() {
        IdList empty = new IdList();
        KeysetEngine<String> e = engine(empty, 4, -1);
        FetchedPage<String> first = e.nextPage();
        assertTrue(first.items().isEmpty());
        assertEquals(0L, first.totalResults());
        assertNull(e.nextPage());

        IdList list = new IdList();
        for (int i = 0; i < 6; i++) {
            list.ids.add("id-" + i);
        }
        KeysetEngine<String> k = engine(list, 4, -1);
        FetchedPage<String> p1 = k.nextPage();
        list.ids.add("id-9"); // one more counted by the second page's total
        FetchedPage<String> p2 = k.nextPage();
        assertEquals(1L, p1.startIndex());
        assertEquals(6L, p1.totalResults());
        assertEquals(5L, p2.startIndex());
        assertEquals(7L, p2.totalResults(), "4 delivered + 3 the server still counts");
    }

    @Test
    void anIdThatDoesNotIncreaseEndsTheIterationWithAnError() {
        KeysetEngine.Fetcher<String> ignoresTheFilter = (after, count) -> new FetchedPage<>(List.of("a", "b"), 4L, 1L, 2);
        KeysetEngine<String> e = engine(ignoresTheFilter, 2, -1);
        assertEquals(List.of("a", "b"), e.nextPage().items());
        FlowsException x = assertThrows(FlowsException.class, e::nextPage);
        assertTrue(x.getMessage().contains("\"a\" after id \"b\""), x.getMessage());
        assertNull(e.nextPage(), "the iteration is over");

        KeysetEngine.Fetcher<String> unsorted = (after, count) -> new FetchedPage<>(List.of("b", "a"), 2L, 1L, 2);
        assertThrows(FlowsException.class, () -> engine(unsorted, 2, -1).nextPage());
        KeysetEngine.Fetcher<String> caseInsensitive = (after, count) -> new FetchedPage<>(List.of("a", "B"), 2L, 1L, 2);
        assertThrows(FlowsException.class, () -> engine(caseInsensitive, 2, -1).nextPage(), "B sorts before a");
    }

    @Test
    void anItemWithoutIdEndsTheIterationWithAnError() {
        KeysetEngine.Fetcher<String> noIds = (after, count) -> new FetchedPage<>(List.of("a", "b"), 2L, 1L, 2);
        KeysetEngine<String> e = new KeysetEngine<>(noIds, 2, -1, s -> s.equals("b") ? null : s);
        FlowsException x = assertThrows(FlowsException.class, e::nextPage);
        assertTrue(x.getMessage().contains("needs an id"), x.getMessage());
    }

    @Test
    void aFetchFailureEndsTheIteration() {
        KeysetEngine.Fetcher<String> failing = (after, count) -> {
            throw new FlowsException("boom");
        };
        KeysetEngine<String> e = engine(failing, 2, -1);
        assertThrows(FlowsException.class, e::nextPage);
        assertNull(e.nextPage());
    }

    /**
     * Between any two pages, random ids are added and removed: every id present from the start to
     * the end is returned exactly once, nothing is returned twice, and ids come in order.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("io.flowsdk.client.testing.SeededRandom#runSeeds")
    void changesBetweenPagesNeverSkipNorRepeat(long seed) {
        PropertyCheck.forAll(seed, "keysetUnderChanges", 300, r -> r.nextInt(1 << 30), s -> {
            SeededRandom r = SeededRandom.of(s);
            IdList list = new IdList();
            for (int i = r.intBetween(0, 60); i > 0; i--) {
                list.ids.add(randomId(r));
            }
            Set<String> stable = new HashSet<>(list.ids);
            list.beforeEachPage = () -> {
                for (int i = r.intBetween(0, 4); i > 0; i--) {
                    if (r.nextBoolean() && !list.ids.isEmpty()) {
                        String gone = List.copyOf(list.ids).get(r.nextInt(list.ids.size()));
                        list.ids.remove(gone);
                        stable.remove(gone);
                    } else {
                        list.ids.add(randomId(r));
                    }
                }
            };
            list.serverMaxPageSize = r.intBetween(1, 10);
            List<String> seen = drain(engine(list, r.intBetween(1, 12), -1));
            assertEquals(seen.size(), new HashSet<>(seen).size(), "no repeats: " + seen);
            assertTrue(seen.containsAll(stable), "every id present throughout was returned");
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(Ids.compare(seen.get(i - 1), seen.get(i)) < 0);
            }
            assertFalse(seen.contains(null));
        });
    }

    private static String randomId(SeededRandom r) {
        return r.string(4, () -> r.charFrom("aAbB09\u00e9\uFFFD")) + r.intBetween(0, 999);
    }
}
