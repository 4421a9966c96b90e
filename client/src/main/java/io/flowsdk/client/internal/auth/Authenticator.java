package io.flowsdk.client.internal.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Where every call of a client gets the token for its {@code Authorization: Bearer} header, and
 * what it does when the API answers 401. One instance per client, shared by all its calls;
 * implementations are thread-safe.
 *
 * <p>How the pipeline uses it, per attempt of a call:
 * <ol>
 *   <li>Blocking calls ask {@link #token()}; asynchronous calls chain on {@link #tokenAsync()}.
 *       A {@code null} token means: send no {@code Authorization} header. A failure is an
 *       {@link io.flowsdk.client.error.AuthenticationException} and ends the call before anything
 *       is sent (it is not retried by the pipeline: the token fetch has its own retries).</li>
 *   <li>On a 401 answer to a request sent with token {@code t}, the pipeline calls
 *       {@link #retryAfterUnauthorized(String) retryAfterUnauthorized(t)}. If that returns
 *       {@code true} and the call has not been retried for a 401 yet, the pipeline gets a token
 *       again (step 1) and, if it differs from {@code t}, sends the call once more, whatever its
 *       method (a 401 means the request was not processed). Otherwise the 401 is reported as
 *       {@link io.flowsdk.client.error.UnauthorizedException}. This retry is not counted against
 *       the {@code RetryPolicy}.</li>
 * </ol>
 */
public interface Authenticator {
    /**
     * Returns the token to send, fetching one first if need be (the calling thread waits).
     *
     * @return the token, or {@code null} to send no {@code Authorization} header
     * @throws io.flowsdk.client.error.AuthenticationException if no token can be had
     */
    String token();

    /**
     * Returns the token to send without ever blocking the calling thread on a fetch: the future
     * completes when the fetch does. Cancelling the returned future does not cancel a fetch that
     * other calls are waiting for.
     *
     * @return a future of the token ({@code null}: no header), failed with
     *         {@link io.flowsdk.client.error.AuthenticationException} if no token can be had
     */
    CompletableFuture<String> tokenAsync();

    /**
     * Reports a 401 answer to a request sent with {@code rejectedToken}: a cached token equal to it
     * is forgotten, so the next {@link #token()} fetches a new one. Never blocks.
     *
     * @param rejectedToken the token the rejected request carried (may be {@code null})
     * @return whether a retry with the next token is worth it
     */
    boolean retryAfterUnauthorized(String rejectedToken);
}
