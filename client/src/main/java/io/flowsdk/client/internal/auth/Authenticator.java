package io.flowsdk.client.internal.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Where the bearer token of each attempt comes from. The transport asks once per attempt, so a
 * rotated or refreshed token is picked up by the next attempt.
 */
public interface Authenticator {
    /**
     * @return the token for the next attempt, or null to send no {@code Authorization} header
     * @throws io.flowsdk.client.error.FlowsException if no token can be had
     */
    String token();

    /**
     * The non-blocking form of {@link #token()}: never blocks the caller on a fetch.
     *
     * @return a future of the token (null: no header); it fails with a {@code FlowsException}
     */
    CompletableFuture<String> tokenAsync();

    /**
     * The API answered 401 to an attempt that carried {@code rejectedToken}: forget it.
     *
     * @return whether the call should be tried once more with a fresh token
     */
    boolean retryAfterUnauthorized(String rejectedToken);
}
