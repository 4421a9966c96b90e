package io.flowsdk.client.error;

import io.flowsdk.client.BulkResult;
import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * Thrown by {@link BulkResult#orThrow()} when some items of a bulk run failed or were partial, or
 * the run stopped early. The message counts them and names the first failures; the first failure
 * (or why the run stopped) is the cause, and {@link #result()} has every item's outcome.
 */
public class BulkFailureException extends FlowsException {
    private static final long serialVersionUID = 1L;
    private static final int NAMED = 3;

    private final transient BulkResult<?> result;

    /**
     * Creates the exception for a result.
     *
     * @param result the outcome of the run
     */
    public BulkFailureException(BulkResult<?> result) {
        super(describe(result), firstCause(result));
        this.result = result;
    }

    /** {@return the outcome of the run, item by item} */
    public BulkResult<?> result() {
        return result;
    }

    private static String describe(BulkResult<?> r) {
        StringBuilder sb = new StringBuilder("bulk run: ").append(r.succeeded().size()).append(" succeeded, ")
                .append(r.partial().size()).append(" partial, ").append(r.failed().size()).append(" failed");
        int n = 0;
        for (Map.Entry<String, FlowsException> e : r.failed().entrySet()) {
            if (n++ == NAMED) {
                sb.append("; ...");
                break;
            }
            sb.append(n == 1 ? " (" : "; ").append(e.getKey()).append(": ").append(e.getValue().getMessage());
        }
        if (!r.failed().isEmpty()) {
            sb.append(')');
        }
        r.stoppedEarly().ifPresent(s -> sb.append("; stopped early: ").append(s.getMessage()));
        return sb.toString();
    }

    private static @Nullable Throwable firstCause(BulkResult<?> r) {
        return r.failed().values().stream().findFirst().map(Throwable.class::cast)
                .orElse(r.stoppedEarly().orElse(null));
    }
}
