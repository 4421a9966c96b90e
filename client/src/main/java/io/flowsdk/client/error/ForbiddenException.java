package io.flowsdk.client.error;

/** 403 Forbidden: the token is valid but not allowed to do this. */
public class ForbiddenException extends FlowsApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link FlowsApiException#FlowsApiException(int, String, String, String, String, String, String)}. */
    public ForbiddenException(int statusCode, String method, String path, String errorCode, String errorMessage,
            String errorStatus, String responseBody) {
        super(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody);
    }
}
