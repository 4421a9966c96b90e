package io.flowsdk.client;

import io.flowsdk.client.internal.Text;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a change is made: the optional {@code reason} and {@code correlation} query parameters
 * that every mutating call (create, complete, cancel) accepts. Immutable. A text with half a
 * UTF-16 surrogate pair, which cannot be sent, is refused when the change is made.
 *
 * <pre>{@code
 * client.tasks().complete("t-1", Map.of("approved", true),
 *         Change.reason("approved by manager").withCorrelation("/tickets/42"));
 * // POST /flows/tasks/t-1/.complete?reason=approved%20by%20manager&correlation=%2Ftickets%2F42
 * }</pre>
 */
public final class Change {
    private static final Change NONE = new Change(null, null);

    private final @Nullable String reason;
    private final @Nullable String correlation;

    private Change(@Nullable String reason, @Nullable String correlation) {
        this.reason = reason == null ? null : Text.requireWellFormed(reason, "reason");
        this.correlation = correlation == null ? null : Text.requireWellFormed(correlation, "correlation");
    }

    /** {@return a change with neither reason nor correlation (no query parameters are sent)} */
    public static Change none() {
        return NONE;
    }

    /**
     * {@return a change with this reason}
     *
     * @param reason a descriptive reason of the change, not null
     * @throws IllegalArgumentException if it holds an unpaired surrogate
     */
    public static Change reason(String reason) {
        return new Change(Objects.requireNonNull(reason, "reason"), null);
    }

    /**
     * {@return a change with this correlation}
     *
     * @param correlation the identifier of an external resource this change correlates to, not null
     * @throws IllegalArgumentException if it holds an unpaired surrogate
     */
    public static Change correlation(String correlation) {
        return new Change(null, Objects.requireNonNull(correlation, "correlation"));
    }

    /**
     * {@return a change with both}
     *
     * @param reason      the reason, or {@code null} for none
     * @param correlation the correlation, or {@code null} for none
     * @throws IllegalArgumentException if either holds an unpaired surrogate
     */
    public static Change of(@Nullable String reason, @Nullable String correlation) {
        return new Change(reason, correlation);
    }

    /**
     * {@return a copy with this reason}
     *
     * @param reason the reason, not null
     * @throws IllegalArgumentException if it holds an unpaired surrogate
     */
    public Change withReason(String reason) {
        return new Change(Objects.requireNonNull(reason, "reason"), correlation);
    }

    /**
     * {@return a copy with this correlation}
     *
     * @param correlation the correlation, not null
     * @throws IllegalArgumentException if it holds an unpaired surrogate
     */
    public Change withCorrelation(String correlation) {
        return new Change(reason, Objects.requireNonNull(correlation, "correlation"));
    }

    /** {@return the reason, if set} */
    public Optional<String> reasonValue() {
        return Optional.ofNullable(reason);
    }

    /** {@return the correlation, if set} */
    public Optional<String> correlationValue() {
        return Optional.ofNullable(correlation);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Change && Objects.equals(reason, ((Change) o).reason)
                && Objects.equals(correlation, ((Change) o).correlation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, correlation);
    }

    @Override
    public String toString() {
        return "Change{reason=" + reason + ", correlation=" + correlation + "}";
    }
}
