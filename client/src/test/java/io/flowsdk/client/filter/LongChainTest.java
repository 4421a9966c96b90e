package io.flowsdk.client.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Building a chain link by link ({@code f = f.or(x)}) costs amortised O(1) per link, and
 * rendering, parsing, comparing and evaluating long chains neither takes quadratic time nor
 * overflows the stack. Costs are counted (buffer reallocations and elements copied), never timed.
 */
class LongChainTest {

    private static final int LINKS = 200_000;

    private static Filter link(int i) {
        return Filter.eq("a", i);
    }

    private static Operands operands(Filter f) {
        return (Operands) (f instanceof Filter.Or o ? o.filters() : ((Filter.And) f).filters());
    }

    @Test
    void appendingLinkByLinkReusesTheBufferAndCopiesLinearly() {
        Filter f = link(0);
        Object buffer = null;
        int reallocations = 0;
        long copied = 0;
        for (int i = 1; i < LINKS; i++) {
            f = f.or(link(i));
            Operands ops = operands(f);
            if (ops.buffer() != buffer) {
                reallocations++;
                copied += ops.size() - 1; // a new buffer starts with a copy of everything before the new link
                buffer = ops.buffer();
            }
        }
        assertEquals(LINKS, operands(f).size());
        assertEquals(link(LINKS - 1), operands(f).get(LINKS - 1));
        assertTrue(reallocations <= 20, "buffers grow geometrically: " + reallocations + " reallocations");
        assertTrue(copied <= 2L * LINKS, "amortised O(1) per link: " + copied + " elements copied");
        // the result is the same tree as one built in a single call
        List<Filter> all = new ArrayList<>();
        for (int i = 0; i < LINKS; i++) {
            all.add(link(i));
        }
        Filter direct = new Filter.Or(all);
        assertEquals(direct, f);
        assertEquals(direct.hashCode(), f.hashCode());
        String rendered = f.toString();
        assertTrue(rendered.startsWith("a eq 0 or a eq 1 or "), rendered.substring(0, 40));
        assertEquals(f, Filter.parse(rendered));
    }

    @Test
    void andChainsAndTheStaticFactoriesAreLinearToo() {
        Filter f = link(0);
        Filter g = link(0);
        int reallocations = 0;
        Object buffer = null;
        for (int i = 1; i < LINKS; i++) {
            f = f.and(link(i));
            g = Filter.and(g, link(i));
            if (operands(g).buffer() != buffer) {
                reallocations++;
                buffer = operands(g).buffer();
            }
        }
        assertEquals(LINKS, operands(f).size());
        assertEquals(f, g);
        assertTrue(reallocations <= 20, reallocations + " reallocations");
    }

    @Test
    void aBranchNeverChangesWhatAnotherBranchSees() {
        Filter base = Filter.or(link(0), link(1), link(2));
        Filter left = base.or(link(10));
        Filter right = base.or(link(20));
        Filter leftAgain = left.or(link(11));
        assertEquals(Filter.or(link(0), link(1), link(2)), base);
        assertEquals(Filter.or(link(0), link(1), link(2), link(10)), left);
        assertEquals(Filter.or(link(0), link(1), link(2), link(20)), right);
        assertEquals(Filter.or(link(0), link(1), link(2), link(10), link(11)), leftAgain);
        assertEquals(3, operands(base).size());
        assertNotEquals(left, right);
        // the first append to a list takes the free slot of its buffer, a second one copies
        assertSame(operands(base).buffer(), operands(left).buffer());
        assertNotSame(operands(base).buffer(), operands(right).buffer());
        // appending an or appends its operands, and an and stays one operand
        Filter merged = left.or(Filter.or(link(30), link(31)));
        assertEquals(Filter.or(link(0), link(1), link(2), link(10), link(30), link(31)), merged);
        assertEquals(5, operands(left.or(Filter.and(link(30), link(31)))).size());
    }

    @Test
    void concurrentAppendsToOneListEachGetTheirOwnResult() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 200; round++) {
                Filter base = Filter.or(link(0), link(1)).or(link(2));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Filter>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int id = 100 + t;
                    Callable<Filter> append = () -> {
                        start.await();
                        return base.or(link(id));
                    };
                    results.add(pool.submit(append));
                }
                start.countDown();
                for (int t = 0; t < threads; t++) {
                    assertEquals(Filter.or(link(0), link(1), link(2), link(100 + t)), results.get(t).get());
                }
                assertEquals(3, operands(base).size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hundredThousandLinksRenderParseCompareAndEvaluateWithoutOverflow() {
        int n = 100_000;
        StringBuilder or = new StringBuilder();
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                or.append(" or ");
                mixed.append(i % 2 == 0 ? " or " : " and ");
            }
            or.append("a eq ").append(i);
            mixed.append("(not (b eq ").append(i).append("))");
        }
        Filter parsedOr = Filter.parse(or.toString());
        assertEquals(n, operands(parsedOr).size());
        assertEquals(or.toString(), parsedOr.toString());
        Filter parsedMixed = Filter.parse(mixed.toString());
        assertEquals(n / 2, operands(parsedMixed).size());
        assertEquals(parsedMixed, Filter.parse(parsedMixed.toString()));

        JsonObject last = new JsonObject();
        last.addProperty("a", n - 1);
        assertTrue(parsedOr.matches(last));
        JsonObject none = new JsonObject();
        none.addProperty("a", -1);
        assertTrue(!parsedOr.matches(none));
        assertTrue(parsedMixed.matches(none), "not (b eq i) holds for every i when b is absent");

        Filter valuePath = Filter.valuePath("emails", parsedOr);
        assertEquals(valuePath, Filter.parse(valuePath.toString()));
        Filter negated = Filter.not(parsedOr);
        assertEquals(negated, Filter.parse(negated.toString()));
        assertEquals(parsedOr.hashCode(), Filter.parse(or.toString()).hashCode());
    }
}
