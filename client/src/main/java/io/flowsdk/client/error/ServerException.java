package io.flowsdk.client.error;

/** a 5xx answer: the server failed. */
public class ServerException extends FlowsApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link FlowsApiException#FlowsApiException(int, String, String, String, String, String, String)}. */
    public ServerException(int statusCode, String method, String path, String errorCode, String errorMessage,
            String errorStatus, String responseBody) {
        super(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody);
    }
}
