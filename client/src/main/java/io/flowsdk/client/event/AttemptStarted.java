package io.flowsdk.client.event;

import java.util.Objects;

/**
 * One attempt of a call is about to be sent (its token obtained, its request built).
 *
 * @param call    the call
 * @param attempt the attempt's number: 1 for the first, 2 for the first retry, ...
 */
public record AttemptStarted(CallInfo call, int attempt) {
    /**
     * Checks the components.
     *
     * @param call    the call
     * @param attempt the attempt's number, from 1
     */
    public AttemptStarted {
        Objects.requireNonNull(call, "call");
    }
}
