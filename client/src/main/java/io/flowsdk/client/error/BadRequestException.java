package io.flowsdk.client.error;

import org.jspecify.annotations.Nullable;

/** 400 Bad Request: the request was invalid (for example a malformed filter). */
public class BadRequestException extends FlowsApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; the SDK does, tests of your own code may too.
     *
     * @param statusCode   the HTTP status
     * @param method       the HTTP method sent
     * @param path         the path sent, without the query
     * @param errorCode    the error body's {@code code}, as sent, or {@code null}
     * @param errorMessage the error body's {@code message}, or {@code null}
     * @param errorStatus  the error body's {@code status}, or {@code null}
     * @param responseBody the response body (cut to 2048 characters), or {@code null}
     */
    public BadRequestException(int statusCode, String method, String path, @Nullable String errorCode,
            @Nullable String errorMessage, @Nullable String errorStatus, @Nullable String responseBody) {
        super(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody);
    }

    /**
     * Creates the exception with the response headers; the SDK does, tests of your own code may too.
     *
     * @param statusCode      the HTTP status
     * @param method          the HTTP method sent
     * @param path            the path sent, without the query
     * @param errorCode       the error body's {@code code}, as sent, or {@code null}
     * @param errorMessage    the error body's {@code message}, or {@code null}
     * @param errorStatus     the error body's {@code status}, or {@code null}
     * @param responseBody    the response body (cut to 2048 characters), or {@code null}
     * @param responseHeaders the response headers, or an empty map
     */
    public BadRequestException(int statusCode, String method, String path, @Nullable String errorCode,
            @Nullable String errorMessage, @Nullable String errorStatus, @Nullable String responseBody,
            java.util.Map<String, java.util.List<String>> responseHeaders) {
        super(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody, responseHeaders);
    }
}
