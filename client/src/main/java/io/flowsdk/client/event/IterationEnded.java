package io.flowsdk.client.event;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;

/**
 * An iteration ended: it reached the end of the list (or its limit), failed, or was closed
 * before its end. Exactly one per {@link IterationStarted}, after every {@link PageFetched} of it
 * and after the calls it cancelled ended.
 *
 * @param iterationId    the iteration
 * @param operation      the list operation, {@code tasks.list} or {@code flows.list}
 * @param items          the items its pages brought (a consumer that stopped early took fewer)
 * @param pages          the pages it took in, the empty one that ended it included
 * @param duration       from {@link IterationStarted} to now, the consumer's time between pages included
 * @param outcome        {@link Outcome#SUCCESS} at the end of the list, {@link Outcome#CANCELLED}
 *                       when closed early (a {@code Stream} closed, an iterator closed or garbage
 *                       collected), otherwise the failure's outcome
 * @param exceptionClass the class of the exception the consumer got, or null
 */
public record IterationEnded(long iterationId, String operation, long items, int pages, Duration duration,
                             Outcome outcome, @Nullable Class<? extends Throwable> exceptionClass) {
    /**
     * Checks the components.
     *
     * @param iterationId    the iteration
     * @param operation      the list operation
     * @param items          the items brought
     * @param pages          the pages taken in
     * @param duration       the iteration's duration
     * @param outcome        how it ended
     * @param exceptionClass the exception's class, or null
     */
    public IterationEnded {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
    }
}
