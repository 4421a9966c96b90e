package io.flowsdk.client.internal.paging;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids an iteration delivered that it can still recognise, in bounded memory: the first
 * {@link #FIRST} ids for the whole iteration, and the most recent {@link #CAPACITY} (oldest
 * forgotten first). The recent ones catch a list that shifted while paging (its repeats come from
 * the pages just before); the first ones catch a server that starts over from the beginning
 * however long its lap (one that ignores {@code startIndex} or cycles), which the recent ones
 * alone would have forgotten after 10,000 items.
 */
final class RecentIds {
    static final int CAPACITY = 10_000;
    static final int FIRST = 1_000;

    private final Set<String> first = new HashSet<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();

    boolean contains(String id) {
        return first.contains(id) || ids.contains(id);
    }

    void add(String id) {
        if (first.size() < FIRST) {
            first.add(id);
            return;
        }
        if (!first.contains(id) && ids.add(id)) {
            order.addLast(id);
            if (order.size() > CAPACITY) {
                ids.remove(order.removeFirst());
            }
        }
    }
}
