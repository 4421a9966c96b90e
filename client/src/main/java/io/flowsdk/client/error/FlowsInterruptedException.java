package io.flowsdk.client.error;

/**
 * The calling thread was interrupted while a call, an iteration or a wait was in progress. The
 * SDK cancelled what was in flight and kept the thread's interrupt flag set, so code above it
 * still sees the interrupt.
 */
public class FlowsInterruptedException extends FlowsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; the SDK does, tests of your own code may too.
     *
     * @param what what was interrupted, for example {@code GET /api/v1/flows/tasks/t-1}
     */
    public FlowsInterruptedException(String what) {
        super(what + " interrupted: the thread was interrupted; the call was cancelled");
    }
}
