package io.flowsdk.client.event;

import java.util.Objects;

/**
 * A call begins: its arguments were checked and its request built; nothing was sent yet.
 *
 * @param call the call
 */
public record CallStarted(CallInfo call) {
    /**
     * Checks the components.
     *
     * @param call the call
     */
    public CallStarted {
        Objects.requireNonNull(call, "call");
    }
}
