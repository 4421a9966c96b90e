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
        Thread t = new Thread(InterruptWatchdog::run, "flows-interrupt-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void run() {
        for (;;) {
            if (WATCHED.isEmpty()) {
                idle = true;
                if (WATCHED.isEmpty()) { // checked again after idle is set: watch() either sees idle or we see its call
                    LockSupport.park();
                }
                idle = false;
                continue;
            }
            for (Watch w : WATCHED) {
                if (w.thread.isInterrupted()) {
                    w.call.cancel();
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
        }
    }
}
