package io.flowsdk.client.internal;

import okhttp3.Call;

/**
 * Lets another thread stop a call in flight: the paging engine cancels the pages it fetched
 * ahead when the consumer stops early.
 */
public final class Cancellation {
    private volatile Call current;
    private volatile boolean cancelled;

    void attach(Call call) {
        current = call;
        if (cancelled) {
            call.cancel();
        }
    }

    public void cancel() {
        cancelled = true;
        Call c = current;
        if (c != null) {
            c.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
