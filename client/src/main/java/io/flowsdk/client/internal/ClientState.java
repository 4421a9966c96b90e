package io.flowsdk.client.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Whether a client is open, and the calls it has in progress, so that {@code close()} can end
 * them all: after {@link #close()} returns, no request of the client leaves the machine (the
 * network interceptor checks {@link #isClosed()} as the last step before sending) and every call
 * in progress ends with an exception instead of waiting or retrying.
 */
public final class ClientState {
    private final Set<Abortable> inProgress = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private volatile boolean closed;

    /** A call in progress that {@code close()} must end. */
    @FunctionalInterface
    public interface Abortable {
        /** Ends the call at once (cancels what is in flight, calls off a scheduled retry). */
        void abort();
    }

    /** @throws IllegalStateException if the client is closed */
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this FlowsClient is closed");
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Opens when the client is closed: a blocking wait between attempts ends early on it. */
    public CountDownLatch closedSignal() {
        return closedSignal;
    }

    /** Tracks a call until {@link #remove}; a call registered after close is aborted at once. */
    public void add(Abortable call) {
        inProgress.add(call);
        if (closed && inProgress.remove(call)) {
            call.abort();
        }
    }

    public void remove(Abortable call) {
        inProgress.remove(call);
    }

    /**
     * Refuses new calls and aborts every call in progress. Idempotent.
     *
     * @throws RuntimeException the first failure of an abort (a cancel runs the caller's OkHttp
     *                          {@code EventListener}), once every call has been aborted
     */
    public void close() {
        closed = true;
        closedSignal.countDown();
        RuntimeException first = null;
        for (Abortable a : inProgress) {
            if (inProgress.remove(a)) {
                try {
                    a.abort();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return closed ? "closed" : "open, " + inProgress.size() + " calls in progress";
    }
}
