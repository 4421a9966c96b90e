package io.flowsdk.testkit.internal;

/** An error the fake answers with the API's error body. Not public API. */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * Creates the error.
     *
     * @param status the HTTP status
     * @param message the message (the status text is prefixed on the wire)
     */
    public ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * This error as a response.
     *
     * @return the response
     */
    public ApiResponse toResponse() {
        return ApiResponse.error(status, getMessage());
    }
}
