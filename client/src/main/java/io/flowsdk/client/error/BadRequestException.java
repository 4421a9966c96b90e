package io.flowsdk.client.error;

/** 400 Bad Request: the request was invalid (for example a malformed filter). */
public class BadRequestException extends FlowsApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link FlowsApiException#FlowsApiException(int, String, String, String, String, String, String)}. */
    public BadRequestException(int statusCode, String method, String path, String errorCode, String errorMessage,
            String errorStatus, String responseBody) {
        super(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody);
    }
}
