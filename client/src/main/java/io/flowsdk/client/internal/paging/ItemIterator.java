package io.flowsdk.client.internal.paging;

import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Items of a {@link PageSource}, one by one. {@link #hasNext()} is true only when an item is
 * buffered and can really be returned. An iterator that is dropped without {@link #close()}
 * cancels its requests in flight once it is garbage collected. Used by two threads at once, it
 * fails with {@link java.util.ConcurrentModificationException}.
 */
public final class ItemIterator<T> implements Iterator<T>, AutoCloseable {
    private final PageSource<T> engine;
    private final Cleaner.Cleanable cleanable;
    private final OneThreadAtATime guard = new OneThreadAtATime();
    private List<T> buffer = List.of();
    private int index;

    public ItemIterator(PageSource<T> engine) {
        this.engine = engine;
        this.cleanable = Cleaners.CLEANER.register(this, engine::close);
    }

    @Override
    public boolean hasNext() {
        boolean entered = guard.enter();
        try {
            while (index >= buffer.size()) {
                FetchedPage<T> page = engine.nextPage();
                if (page == null) {
                    cleanable.clean();
                    return false;
                }
                buffer = page.items();
                index = 0;
            }
            return true;
        } finally {
            guard.exit(entered);
        }
    }

    @Override
    public T next() {
        boolean entered = guard.enter();
        try {
            if (!hasNext()) {
                throw new NoSuchElementException("no more items");
            }
            return buffer.get(index++);
        } finally {
            guard.exit(entered);
        }
    }

    /** Cancels the requests in flight. */
    @Override
    public void close() {
        buffer = List.of();
        index = 0;
        cleanable.clean();
    }
}
