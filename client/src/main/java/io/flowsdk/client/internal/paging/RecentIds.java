package io.flowsdk.client.internal.paging;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids an iteration delivered most recently, at most {@link #CAPACITY} of them (oldest
 * forgotten first), so that memory stays bounded however long the list.
 */
final class RecentIds {
    static final int CAPACITY = 10_000;

    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();

    boolean contains(String id) {
        return ids.contains(id);
    }

    void add(String id) {
        if (ids.add(id)) {
            order.addLast(id);
            if (order.size() > CAPACITY) {
                ids.remove(order.removeFirst());
            }
        }
    }
}
