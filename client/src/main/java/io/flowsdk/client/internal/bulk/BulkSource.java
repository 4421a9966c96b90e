package io.flowsdk.client.internal.bulk;

import io.flowsdk.client.Page;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The ids a bulk run works through, read by the run's own thread, one at a time. */
public interface BulkSource extends AutoCloseable {
    /**
     * @return the next id, or null at the end
     * @throws io.flowsdk.client.error.FlowsException if reading fails (a page of a query)
     */
    String next();

    /** @return how many ids there are, or -1 when not known (yet) */
    long total();

    @Override
    void close();

    /**
     * The ids given, each checked now (so bad input fails before anything is sent) and each
     * distinct id once, in order.
     *
     * @param check checks one id (throws NullPointerException or IllegalArgumentException)
     * @param name  the parameter's name for messages, for example {@code taskIds}
     */
    static BulkSource of(Iterable<String> ids, UnaryOperator<String> check, String name) {
        Objects.requireNonNull(ids, name);
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        int i = 0;
        for (String id : ids) {
            if (id == null) {
                throw new NullPointerException(name + "[" + i + "] is null");
            }
            try {
                distinct.add(check.apply(id));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + "[" + i + "]: " + e.getMessage(), e);
            }
            i++;
        }
        List<String> list = new ArrayList<>(distinct);
        return new BulkSource() {
            private int next;

            @Override
            public String next() {
                return next < list.size() ? list.get(next++) : null;
            }

            @Override
            public long total() {
                return list.size();
            }

            @Override
            public void close() {
            }
        };
    }

    /** The ids of a query's items, page by page; the total from its first page. */
    static <T> BulkSource of(Iterable<Page<T>> pages, Function<T, String> idOf) {
        Iterator<Page<T>> it = pages.iterator();
        return new BulkSource() {
            private Iterator<T> items = java.util.Collections.emptyIterator();
            private long total = -1;
            private boolean first = true;

            @Override
            public String next() {
                while (!items.hasNext()) {
                    if (!it.hasNext()) {
                        return null;
                    }
                    Page<T> page = it.next();
                    if (first) {
                        first = false;
                        total = page.total().orElse(-1);
                    }
                    items = page.items().iterator();
                }
                String id = idOf.apply(items.next());
                if (id == null) {
                    throw new io.flowsdk.client.error.FlowsException("the query returned an item without an id, "
                            + "which cannot be changed");
                }
                return id;
            }

            @Override
            public long total() {
                return total;
            }

            @Override
            public void close() {
                if (it instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception ignored) {
                        // closing an iteration only cancels what is in flight; it does not fail
                    }
                }
            }
        };
    }
}
