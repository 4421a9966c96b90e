package io.flowsdk.testkit.internal;

/**
 * Sees every answer of the fake API before it is sent. Implementations are found with
 * {@link java.util.ServiceLoader} when {@link FakeFlowsApi} is loaded; the testkit registers none.
 * The testkit's own test suite registers one that checks every answer against the API's published
 * schema. Not public API.
 */
public interface AnswerListener {
    /**
     * Called once per answer, on the thread that handled the request.
     *
     * @param request the request
     * @param route where it was routed
     * @param response the fake's answer, before any injected fault changes it
     */
    void answered(ApiRequest request, Route route, ApiResponse response);
}
