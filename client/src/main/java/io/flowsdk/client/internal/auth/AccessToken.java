package io.flowsdk.client.internal.auth;

import io.flowsdk.client.internal.Secrets;

import java.time.Duration;
import java.util.Objects;

/**
 * An access token as the token endpoint issued it.
 *
 * @param value     the token, checked to be sendable in a header
 * @param expiresIn the lifetime the server announced ({@code expires_in}, whole seconds, possibly
 *                  zero, negative or huge: {@link TokenCache} decides what to make of it), or
 *                  {@code null} when it announced none
 * @param scope     the granted scope as sent (space-separated), or {@code null}
 */
public record AccessToken(String value, Duration expiresIn, String scope) {
    /**
     * @param value     see the record description
     * @param expiresIn see the record description
     * @param scope     see the record description
     */
    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    /** @return the description without the token */
    @Override
    public String toString() {
        return "AccessToken{value=" + Secrets.MASK + ", expiresIn=" + expiresIn + ", scope=" + scope + "}";
    }
}
