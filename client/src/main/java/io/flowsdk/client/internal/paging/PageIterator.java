package io.flowsdk.client.internal.paging;

import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Pages of a {@link PageSource}, mapped to the public page type. One thread at a time. */
public final class PageIterator<T, P> implements Iterator<P>, AutoCloseable {
    private final PageSource<T> engine;
    private final Function<FetchedPage<T>, P> mapper;
    private final Cleaner.Cleanable cleanable;
    private final OneThreadAtATime guard = new OneThreadAtATime();
    private FetchedPage<T> buffered;

    public PageIterator(PageSource<T> engine, Function<FetchedPage<T>, P> mapper) {
        this.engine = engine;
        this.mapper = mapper;
        this.cleanable = Cleaners.CLEANER.register(this, engine::close);
    }

    @Override
    public boolean hasNext() {
        boolean entered = guard.enter();
        try {
            if (buffered == null) {
                buffered = engine.nextPage();
                if (buffered == null) {
                    cleanable.clean();
                }
            }
            return buffered != null;
        } finally {
            guard.exit(entered);
        }
    }

    @Override
    public P next() {
        boolean entered = guard.enter();
        try {
            if (!hasNext()) {
                throw new NoSuchElementException("no more pages");
            }
            FetchedPage<T> page = buffered;
            buffered = null;
            return mapper.apply(page);
        } finally {
            guard.exit(entered);
        }
    }

    @Override
    public void close() {
        buffered = null;
        cleanable.clean();
    }
}
