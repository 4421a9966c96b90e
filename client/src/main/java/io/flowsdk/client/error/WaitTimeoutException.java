package io.flowsdk.client.error;

import io.flowsdk.client.internal.Durations;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code await} ran out of time before its condition held. Carries the last value seen, so the
 * caller can tell how far the resource got:
 *
 * <pre>{@code
 * try {
 *     client.tasks().await("t-1", t -> "completed".equals(t.getStatus()), Duration.ofMinutes(5));
 * } catch (WaitTimeoutException e) {
 *     Optional<Task> last = e.lastValue(Task.class);   // "gave up waiting for task t-1 after 5 min"
 * }
 * }</pre>
 */
public class WaitTimeoutException extends FlowsException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Object lastValue;
    /** The time that was allowed. */
    private final Duration timeout;

    /**
     * Creates the exception; the SDK does, tests of your own code may too.
     *
     * @param what      what was awaited, for example {@code task t-1}
     * @param timeout   the time allowed
     * @param lastValue the last value read, or {@code null} if none was read
     */
    public WaitTimeoutException(String what, Duration timeout, @Nullable Object lastValue) {
        super("gave up waiting for " + what + " after " + Durations.human(timeout));
        this.timeout = timeout;
        this.lastValue = lastValue;
    }

    /**
     * The last value read, as the type the caller awaited.
     *
     * @param type the awaited resource type, {@code Task.class} or {@code FlowInstance.class}
     * @param <T>  that type
     * @return the last value read before the time ran out, or empty if no read succeeded
     * @throws ClassCastException if the value is of another type
     */
    public <T> Optional<T> lastValue(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return Optional.ofNullable(type.cast(lastValue));
    }

    /**
     * The last value read, untyped.
     *
     * @return the last value read before the time ran out, or {@code null} if no read succeeded
     */
    public @Nullable Object lastValue() {
        return lastValue;
    }

    /** {@return the time that was allowed} */
    public Duration timeout() {
        return timeout;
    }
}
