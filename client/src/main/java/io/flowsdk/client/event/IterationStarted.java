package io.flowsdk.client.event;

import java.util.Objects;

/**
 * An iteration over a list ({@code for (Task t : query)}, {@code stream()}, {@code pages()},
 * {@code toList()}) sends its first request. Creating an iterator sends nothing and reports
 * nothing; the first {@code hasNext()} does.
 *
 * @param iterationId  a number that tells this iteration from every other one in this JVM; the
 *                     {@link CallInfo#iterationId()} of its page calls
 * @param operation    the list operation, {@code tasks.list} or {@code flows.list}
 * @param pathTemplate the list's path, {@code /flows/tasks} or {@code /flows/}
 * @param pageSize     the items asked for per page
 * @param parallelism  the most page requests in flight at once
 */
public record IterationStarted(long iterationId, String operation, String pathTemplate, int pageSize,
                               int parallelism) {
    /**
     * Checks the components.
     *
     * @param iterationId  the iteration's number
     * @param operation    the list operation
     * @param pathTemplate the list's path
     * @param pageSize     the page size
     * @param parallelism  the parallelism
     */
    public IterationStarted {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
    }
}
