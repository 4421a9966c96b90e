package io.flowsdk.client.internal.http;

import okhttp3.Call;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Cancels the blocking calls of interrupted threads. A thread blocked in a socket read does not
 * notice {@link Thread#interrupt()}: OkHttp would wait for the read timeout. One JVM-wide daemon
 * thread looks at the threads of the blocking calls in flight every {@value #PERIOD_MILLIS} ms
 * and cancels the call of any that was interrupted, so the caller gets control back within about
 * that time. It sleeps while no blocking call is in flight.
 */
final class InterruptWatchdog {
    static final long PERIOD_MILLIS = 25;

    private static final Set<Watch> WATCHED = ConcurrentHashMap.newKeySet();
    private static final Thread THREAD = start();
    private static volatile boolean idle;

    private InterruptWatchdog() {
    }

    /** A blocking call being watched; close it when the call returns. */
    static final class Watch implements AutoCloseable {
        final Thread thread;
        final Call call;

        Watch(Thread thread, Call call) {
            this.thread = thread;
            this.call = call;
        }

        @Override
        public void close() {
            WATCHED.remove(this);
        }
    }

    /** Watches {@code call}, made by the current thread, until the returned watch is closed. */
    static Watch watch(Call call) {
        Watch w = new Watch(Thread.currentThread(), call);
        WATCHED.add(w);
        if (idle) {
            LockSupport.unpark(THREAD);
        }
        return w;
    }

    private static Thread start() {
        Thread t = new WatchdogThread();
        t.start();
        return t;
    }

    /** The one thread (a class rather than a method reference, which costs a generated class at start-up). */
    private static final class WatchdogThread extends Thread {
        WatchdogThread() {
            super("flows-interrupt-watchdog");
            setDaemon(true);
        }

        /**
         * Never ends: it is the only one of the JVM, and without it no interrupt would reach a blocked
         * call again. So nothing may kill it: not a cancel that throws (an {@code EventListener} of the
         * caller's OkHttp client runs inside {@code cancel()}), not an {@code OutOfMemoryError} caused
         * by someone else.
         */
        @Override
        public void run() {
            for (;;) {
                try {
                    watchOnce();
                } catch (Throwable keepGoing) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
                }
            }
        }
    }

    private static void watchOnce() {
        if (WATCHED.isEmpty()) {
            idle = true;
            if (WATCHED.isEmpty()) { // checked again after idle is set: watch() either sees idle or we see its call
                LockSupport.park();
            }
            idle = false;
            return;
        }
        for (Watch w : WATCHED) {
            if (w.thread.isInterrupted()) {
                WATCHED.remove(w); // once is enough, and a cancel that throws is not tried again and again
                try {
                    w.call.cancel();
                } catch (RuntimeException ignored) {
                    // OkHttp marks the call cancelled and closes its socket before it tells the listeners
                }
            }
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
    }
}
