package io.flowsdk.client.internal.paging;

import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Detects an iterator used by two threads at once. An iteration has state (the position, the
 * pages in flight) that two threads would corrupt; without this check the damage shows up later
 * as a baffling paging error. Handing an iterator from one thread to another is fine.
 */
final class OneThreadAtATime {
    private final AtomicReference<Thread> user = new AtomicReference<>();

    /** @return whether this call entered (false when the current thread was already inside) */
    boolean enter() {
        Thread me = Thread.currentThread();
        Thread other = user.compareAndExchange(null, me);
        if (other == null) {
            return true;
        }
        if (other == me) {
            return false;
        }
        throw new ConcurrentModificationException("this iterator is in use by thread '" + other.getName()
                + "' at the same time: an iteration belongs to one thread at a time. Give each thread its own "
                + "iteration (query.iterator(), query.stream()), or use query.parallelism(n) to fetch pages in "
                + "parallel");
    }

    void exit(boolean entered) {
        if (entered) {
            user.set(null);
        }
    }
}
