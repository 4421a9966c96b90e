package io.flowsdk.client.error;

/** 401 Unauthorized: the bearer token is missing, invalid or expired. */
public class UnauthorizedException extends FlowsApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link FlowsApiException#FlowsApiException(int, String, String, String, String, String, String)}. */
    public UnauthorizedException(int statusCode, String method, String path, String errorCode, String errorMessage,
            String errorStatus, String responseBody) {
        super(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody);
    }
}
