package io.flowsdk.client;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * A value from an open set, such as a task's status: the values the API documents are constants
 * of a subclass, and a value a newer server sends is kept as it is instead of failing or being
 * lost. The subclasses ({@code TaskStatus}, {@code FlowStatus} in {@code io.flowsdk.client.model})
 * are generated from the {@code x-known-values} of the API spec.
 *
 * <pre>{@code
 * TaskStatus s = TaskStatus.of(task);                 // null if the task has no status
 * if (TaskStatus.PENDING.equals(s)) { ... }
 * TaskStatus.fromString("escalated").isKnown();       // false, and kept: toString() is "escalated"
 * Filter.eq(TaskAttributes.STATUS, TaskStatus.PENDING).toString(); // status eq "pending"
 * }</pre>
 *
 * <p>Two values are equal when they are of the same class and their values are equal
 * (case-sensitive, as sent); {@code toString()} is the value. Instances are immutable and
 * thread-safe.
 */
public abstract class ExpandableValue {

    private final String value;

    /**
     * Creates a value.
     *
     * @param value the value as sent on the wire
     * @throws NullPointerException if {@code value} is null
     */
    protected ExpandableValue(String value) {
        this.value = Objects.requireNonNull(value, "value must not be null");
    }

    /**
     * Returns the value as sent on the wire.
     *
     * @return the value, for example {@code pending}
     */
    public final String value() {
        return value;
    }

    /**
     * Returns whether the value is one the API spec documents (one of the subclass's constants).
     *
     * @return false for a value only a newer server knows
     */
    public abstract boolean isKnown();

    /**
     * Returns whether {@code o} is of the same class and holds an equal value.
     *
     * @param o another object, or {@code null}
     * @return whether they are equal
     */
    @Override
    public final boolean equals(@Nullable Object o) {
        return o != null && o.getClass() == getClass() && value.equals(((ExpandableValue) o).value);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public final int hashCode() {
        return 31 * getClass().getName().hashCode() + value.hashCode();
    }

    /**
     * Returns the value as sent on the wire.
     *
     * @return {@link #value()}
     */
    @Override
    public final String toString() {
        return value;
    }
}
