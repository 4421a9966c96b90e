package io.flowsdk.client.internal.paging;

import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Pages of a {@link PagingEngine}, mapped to the public page type. */
public final class PageIterator<T, P> implements Iterator<P>, AutoCloseable {
    private final PagingEngine<T> engine;
    private final Function<FetchedPage<T>, P> mapper;
    private final Cleaner.Cleanable cleanable;
    private FetchedPage<T> buffered;

    public PageIterator(PagingEngine<T> engine, Function<FetchedPage<T>, P> mapper) {
        this.engine = engine;
        this.mapper = mapper;
        this.cleanable = Cleaners.CLEANER.register(this, engine::close);
    }

    @Override
    public boolean hasNext() {
        if (buffered == null) {
            buffered = engine.nextPage();
            if (buffered == null) {
                cleanable.clean();
            }
        }
        return buffered != null;
    }

    @Override
    public P next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more pages");
        }
        FetchedPage<T> page = buffered;
        buffered = null;
        return mapper.apply(page);
    }

    @Override
    public void close() {
        buffered = null;
        cleanable.clean();
    }
}
