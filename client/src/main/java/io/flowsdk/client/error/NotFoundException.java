package io.flowsdk.client.error;

/** 404 Not Found: the task or flow instance does not exist. */
public class NotFoundException extends FlowsApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link FlowsApiException#FlowsApiException(int, String, String, String, String, String, String)}. */
    public NotFoundException(int statusCode, String method, String path, String errorCode, String errorMessage,
            String errorStatus, String responseBody) {
        super(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody);
    }
}
