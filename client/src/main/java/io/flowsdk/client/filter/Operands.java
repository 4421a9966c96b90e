package io.flowsdk.client.filter;

import org.jspecify.annotations.Nullable;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operand list of an {@link Filter.And} or {@link Filter.Or}: flat (no operand of an
 * {@code And}'s list is an {@code And}, nor of an {@code Or}'s an {@code Or}) and immutable, but
 * cheap to extend. Lists share a growing buffer: a list owns the slots {@code [0, size)}, which
 * never change, and appending claims the next free slot when no other list took it first (one
 * compare-and-set), so {@code f = f.or(x)} repeated n times copies O(n) elements in all instead of
 * O(n²). A list whose next slot is taken, or full, copies its prefix into a buffer twice its size.
 *
 * <p>It also keeps what the nodes would otherwise recompute from every operand on every append:
 * the deepest operand's depth and whether an operand contains a value path.
 */
final class Operands extends AbstractList<Filter> implements RandomAccess {

    private static final int MIN_CAPACITY = 8;

    /** A shared, append-only array; {@code claimed} counts the slots some list owns. */
    private static final class Buffer {
        final Filter[] items;
        final AtomicInteger claimed;

        Buffer(Filter[] items, int claimed) {
            this.items = items;
            this.claimed = new AtomicInteger(claimed);
        }
    }

    private final Buffer buffer;
    private final int size;
    private final boolean and;
    private final int maxDepth;
    private final boolean valuePath;
    private int hash; // 0 until computed; racy but idempotent, as String's

    private Operands(Buffer buffer, int size, boolean and, int maxDepth, boolean valuePath) {
        this.buffer = buffer;
        this.size = size;
        this.and = and;
        this.maxDepth = maxDepth;
        this.valuePath = valuePath;
    }

    /**
     * The operands of a new {@code And} ({@code and}) or {@code Or} from any list: nested nodes of
     * the same kind are flattened. A list that already is such operands is kept as it is.
     */
    static Operands flatten(List<Filter> filters, boolean and) {
        Objects.requireNonNull(filters, "filters must not be null");
        Operands ops;
        if (filters instanceof Operands o && o.and == and) {
            ops = o;
        } else {
            ops = new Operands(new Buffer(new Filter[Math.max(MIN_CAPACITY, filters.size())], 0), 0, and, 0, false);
            for (Filter f : filters) {
                ops = ops.plus(f);
            }
        }
        if (ops.size < 2) {
            throw new IllegalArgumentException((and ? "and" : "or") + " needs at least two filters, got " + ops.size);
        }
        FilterValues.checkDepth(1 + ops.maxDepth);
        return ops;
    }

    /** The operands {@code first} contributes to an {@code And} ({@code and}) or {@code Or}. */
    static Operands startingWith(Filter first, boolean and) {
        Objects.requireNonNull(first, "filter must not be null");
        if (and && first instanceof Filter.And a) {
            return of(a);
        }
        if (!and && first instanceof Filter.Or o) {
            return of(o);
        }
        return new Operands(new Buffer(new Filter[MIN_CAPACITY], 0), 0, and, 0, false).plus(first);
    }

    /** The operands of an {@code And} or {@code Or}. */
    static Operands of(Filter node) {
        if (node instanceof Filter.And a) {
            return (Operands) a.filters();
        }
        return (Operands) ((Filter.Or) node).filters();
    }

    /** These operands and then {@code f}, or f's operands if it is a node of the same kind. */
    Operands plus(Filter f) {
        Objects.requireNonNull(f, "filter must not be null");
        if ((and && f instanceof Filter.And) || (!and && f instanceof Filter.Or)) {
            Operands other = of(f);
            return append(other.buffer.items, other.size, other.maxDepth, other.valuePath);
        }
        return append(new Filter[] {f}, 1, FilterValues.depth(f), FilterValues.containsValuePath(f));
    }

    private Operands append(Filter[] source, int count, int depth, boolean hasValuePath) {
        Filter[] items = buffer.items;
        int newSize = size + count;
        Buffer target;
        if (newSize <= items.length && buffer.claimed.compareAndSet(size, newSize)) {
            System.arraycopy(source, 0, items, size, count);
            target = buffer;
        } else {
            Filter[] grown = new Filter[Math.max(MIN_CAPACITY, newSize * 2)];
            System.arraycopy(items, 0, grown, 0, size);
            System.arraycopy(source, 0, grown, size, count);
            target = new Buffer(grown, newSize);
        }
        return new Operands(target, newSize, and, Math.max(maxDepth, depth), valuePath || hasValuePath);
    }

    /** The depth of the deepest operand. */
    int maxDepth() {
        return maxDepth;
    }

    /** Whether some operand contains a value path. */
    boolean containsValuePath() {
        return valuePath;
    }

    /** The shared buffer, so tests can count reallocations. */
    Object buffer() {
        return buffer;
    }

    @Override
    public Filter get(int index) {
        Objects.checkIndex(index, size);
        return buffer.items[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (o instanceof Operands other && other.buffer == buffer && other.size == size) {
            return true; // the same prefix of one buffer
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = super.hashCode();
            hash = h;
        }
        return h;
    }
}
