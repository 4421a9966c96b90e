package io.flowsdk.client.error;

import java.time.Duration;

/**
 * {@code await} ran out of time before its condition held. Carries the last value seen, so the
 * caller can tell how far the resource got.
 */
public class WaitTimeoutException extends FlowsException {
    private static final long serialVersionUID = 1L;

    private final transient Object lastValue;
    /** The time that was allowed. */
    private final Duration timeout;

    /**
     * Creates the exception; the SDK does, tests of your own code may too.
     *
     * @param what      what was awaited, for example {@code task t-1}
     * @param timeout   the time allowed
     * @param lastValue the last value read, or {@code null} if none was read
     */
    public WaitTimeoutException(String what, Duration timeout, Object lastValue) {
        super("gave up waiting for " + what + " after " + timeout);
        this.timeout = timeout;
        this.lastValue = lastValue;
    }

    /**
     * The last value read, typed as the caller expects it.
     *
     * @param <T> the awaited resource type ({@code Task} or {@code FlowInstance})
     * @return the last value read before the time ran out, or {@code null} if no read succeeded
     */
    @SuppressWarnings("unchecked")
    public <T> T lastValue() {
        return (T) lastValue;
    }

    /** {@return the time that was allowed} */
    public Duration timeout() {
        return timeout;
    }
}
