package io.flowsdk.client.event;

import java.time.Duration;
import java.util.Objects;

/**
 * A new access token was obtained from the token endpoint (client credentials). The token itself
 * is never part of an event.
 *
 * @param reason   why it was requested
 * @param duration how long the token request took, retries included (on the client's clock)
 * @param lifetime how long the client will use it: the answer's {@code expires_in}, or the default
 *                 when there was none, capped; zero when the token is not kept
 */
public record TokenFetched(TokenFetchReason reason, Duration duration, Duration lifetime) {
    /**
     * Checks the components.
     *
     * @param reason   why it was requested
     * @param duration the request's duration
     * @param lifetime the token's lifetime
     */
    public TokenFetched {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(lifetime, "lifetime");
    }
}
