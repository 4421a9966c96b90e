package io.flowsdk.testkit.internal;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds an {@link AutoCloseable} in a JUnit {@link ExtensionContext.Store} so that JUnit closes
 * it when the owning context ends: as an {@code AutoCloseable} (JUnit 5.13 and later) and as a
 * {@code CloseableResource} (older JUnit). Not public API.
 *
 * @param <T> the held type
 */
// deprecation: CloseableResource is kept for JUnit versions before 5.13
// try: close() throws whatever the held value's close() throws (InterruptedException included)
@SuppressWarnings({"deprecation", "try"})
public final class ClosingHolder<T extends AutoCloseable>
        implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final T value;
    private boolean closed;

    /**
     * Wraps a value.
     *
     * @param value the value JUnit should close
     */
    public ClosingHolder(T value) {
        this.value = value;
    }

    /**
     * The held value.
     *
     * @return the value
     */
    public T get() {
        return value;
    }

    /**
     * Closes the value once, however many times JUnit asks.
     *
     * @throws Exception what the value's {@code close} throws
     */
    @Override
    public synchronized void close() throws Exception {
        if (!closed) {
            closed = true;
            value.close();
        }
    }
}
