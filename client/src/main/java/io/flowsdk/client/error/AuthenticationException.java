package io.flowsdk.client.error;

import org.jspecify.annotations.Nullable;

/**
 * No access token could be obtained, so the call was not sent: the token endpoint refused the
 * client credentials or could not be reached, or a {@code tokenProvider} threw.
 *
 * <p>For an answer of the token endpoint in the form of
 * <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 * ({@code {"error": "invalid_client", "error_description": "..."}}), {@link #error()} and
 * {@link #errorDescription()} carry its fields and {@link #statusCode()} its HTTP status.
 * {@code invalid_client}, {@code invalid_grant}, {@code unauthorized_client} and
 * {@code invalid_scope} are not retried; the message then names the client authentication
 * method that was used and how to switch to the other one.
 *
 * <p>A message, {@code toString()} or stack trace of this exception never contains the client
 * secret or an access token.
 */
public class AuthenticationException extends FlowsException {
    private static final long serialVersionUID = 1L;

    /** The OAuth 2.0 error code, or {@code null}. */
    private final @Nullable String error;
    /** The OAuth 2.0 error description, or {@code null}. */
    private final @Nullable String errorDescription;
    /** The HTTP status of the token endpoint's answer, or 0. */
    private final int statusCode;

    /**
     * Creates the exception; the SDK does, tests of your own code may too.
     *
     * @param message          what went wrong; must not contain a secret
     * @param error            the OAuth 2.0 error code (for example {@code invalid_client}), or {@code null}
     * @param errorDescription the OAuth 2.0 {@code error_description}, or {@code null}
     * @param statusCode       the HTTP status of the token endpoint's answer, or 0 when there was none
     * @param cause            the underlying failure, or {@code null}
     */
    public AuthenticationException(String message, @Nullable String error, @Nullable String errorDescription,
                                   int statusCode, @Nullable Throwable cause) {
        super(message, cause);
        this.error = error;
        this.errorDescription = errorDescription;
        this.statusCode = statusCode;
    }

    /**
     * Returns the OAuth 2.0 error code of the token endpoint's answer, such as {@code invalid_client}
     * or {@code invalid_scope}.
     *
     * @return the error code, or {@code null} when the answer had none (or there was no answer)
     */
    public @Nullable String error() {
        return error;
    }

    /**
     * Returns the token endpoint's {@code error_description}.
     *
     * @return the description, or {@code null}
     */
    public @Nullable String errorDescription() {
        return errorDescription;
    }

    /**
     * Returns the HTTP status of the token endpoint's answer.
     *
     * @return the status, or 0 when there was no HTTP answer (I/O failure, a {@code tokenProvider} that threw)
     */
    public int statusCode() {
        return statusCode;
    }
}
