package io.flowsdk.client.error;

/**
 * The call failed below HTTP: connection refused or reset, DNS failure, a timeout, an answer
 * cut off mid-way, or the calling thread was interrupted. The cause is always kept.
 */
public class FlowsTransportException extends FlowsException {
    private static final long serialVersionUID = 1L;

    /** The HTTP method of the failed call. */
    private final String method;
    /** The path of the failed call, without the query. */
    private final String path;
    /** Whether the call may be made again (see {@link #isRetryable()}). */
    private final boolean retryable;

    /**
     * Creates the exception; the SDK does, tests of your own code may too.
     *
     * @param method the HTTP method of the failed call
     * @param path   the path sent, without the query
     * @param cause  the I/O failure
     */
    public FlowsTransportException(String method, String path, Throwable cause) {
        this(method, path, cause, "GET".equals(method));
    }

    /**
     * Creates the exception, saying whether the call may be made again.
     *
     * @param method    the HTTP method of the failed call
     * @param path      the path sent, without the query
     * @param cause     the I/O failure
     * @param retryable whether making the call again is safe and may succeed (see {@link #isRetryable()})
     */
    public FlowsTransportException(String method, String path, Throwable cause, boolean retryable) {
        super(method + " " + path + " failed: " + describe(cause), cause);
        this.method = method;
        this.path = path;
        this.retryable = retryable;
    }

    /**
     * {@return whether making the call again is safe and may succeed: a GET, or a POST whose
     * connection failed before the request was sent; never a cancelled call}
     */
    @Override
    public boolean isRetryable() {
        return retryable;
    }

    /** {@return the HTTP method of the failed call} */
    public String method() {
        return method;
    }

    /** {@return the path of the failed call, without the query} */
    public String path() {
        return path;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown I/O failure";
        }
        String msg = cause.getMessage();
        return cause.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }
}
