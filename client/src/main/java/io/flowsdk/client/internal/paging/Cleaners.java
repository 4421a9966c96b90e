package io.flowsdk.client.internal.paging;

import java.lang.ref.Cleaner;

/** The one cleaner thread that cancels the requests of iterations dropped without close(). */
final class Cleaners {
    static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "flows-iteration-cleaner");
        t.setDaemon(true);
        return t;
    });

    private Cleaners() {
    }
}
