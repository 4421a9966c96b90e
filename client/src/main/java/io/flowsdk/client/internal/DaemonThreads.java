package io.flowsdk.client.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads the SDK starts: daemons, so that a client nobody closed never keeps the JVM alive, and
 * named {@code flows-...}, so that they are recognisable in a thread dump (and in leak tests).
 */
public final class DaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger n = new AtomicInteger();

    private DaemonThreads(String prefix) {
        this.prefix = prefix;
    }

    /** @return a factory of daemon threads named {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory named(String prefix) {
        return new DaemonThreads(prefix);
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
