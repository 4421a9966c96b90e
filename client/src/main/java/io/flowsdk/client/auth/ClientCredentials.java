package io.flowsdk.client.auth;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * OAuth 2.0 client credentials
 * (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 §4.4</a>) of a
 * service account: the client exchanges them at the token endpoint for an access token, which
 * it then sends as {@code Authorization: Bearer <token>}. Immutable and thread-safe.
 *
 * <pre>{@code
 * FlowsClient client = FlowsClient.builder().baseUrl("https://acme.example.com/api/v1")
 *         .credentials(ClientCredentials.builder()
 *                 .clientId("client-id").clientSecret("client-secret")
 *                 .scopes("read", "write")
 *                 .build())
 *         .build();
 * // first call: POST https://acme.example.com/oauth2/token
 * //   Authorization: Basic base64("client-id:client-secret")
 * //   grant_type=client_credentials&scope=read+write
 * }</pre>
 *
 * <p>How a client uses them:
 * <ul>
 *   <li>The token URL is, unless set, the origin of the API base URL plus {@code /oauth2/token}
 *       ({@code https://acme.example.com/api/v1} gives {@code https://acme.example.com/oauth2/token}).
 *       Like the base URL it must be {@code https}, except for loopback hosts or with
 *       {@code allowInsecureHttp()}. Redirects of the token endpoint are not followed.</li>
 *   <li>One token per client is reused until {@link #refreshBefore()} (default 60 s; half the
 *       lifetime for a token that lives less than twice that) before it expires. From then on one
 *       call fetches a new token in the background while the others keep using the old one. If
 *       that fetch fails, the old token is still used until it has really expired, and no new
 *       attempt is made for 30 seconds, so a failing token endpoint is not hammered; once the old
 *       token has expired, the next call fetches again and a failure is reported to it. However
 *       many calls need a token at once, one token request is in flight.</li>
 *   <li>A token answer without {@code expires_in} (or with one that is not a number) is taken to
 *       live 5 minutes; one with {@code expires_in} of 0 or less is used by the calls that were
 *       waiting for it but not kept.</li>
 *   <li>A 401 from the API drops the token and the call is retried once with a new one.</li>
 *   <li>Errors of the token endpoint are reported as
 *       {@link io.flowsdk.client.error.AuthenticationException}.</li>
 * </ul>
 *
 * <p>{@link #toString()} never shows the secret, and neither does any message or log line of
 * the SDK.
 */
public final class ClientCredentials {
    /** The default of {@link Builder#refreshBefore(Duration)}: 60 seconds. */
    public static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofSeconds(60);

    private static final String MASK = "\u2588\u2588";

    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private final @Nullable String tokenUrl;
    private final ClientAuthMethod authMethod;
    private final Duration refreshBefore;

    private ClientCredentials(Builder b) {
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.scopes = List.copyOf(b.scopes);
        this.tokenUrl = b.tokenUrl;
        this.authMethod = b.authMethod;
        this.refreshBefore = b.refreshBefore;
    }

    /**
     * Returns a new builder.
     *
     * @return a builder with the defaults: no scopes, the default token URL,
     *         {@link ClientAuthMethod#CLIENT_SECRET_BASIC}, {@link #DEFAULT_REFRESH_BEFORE}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from these credentials.
     *
     * @return a new builder holding every setting of this object
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clientId = clientId;
        b.clientSecret = clientSecret;
        b.scopes.addAll(scopes);
        b.tokenUrl = tokenUrl;
        b.authMethod = authMethod;
        b.refreshBefore = refreshBefore;
        return b;
    }

    /**
     * Returns the client id.
     *
     * @return the client id (not a secret: it appears in messages and {@code toString()})
     */
    public String clientId() {
        return clientId;
    }

    /**
     * Returns the client secret, for code that has to pass it on. The SDK never shows it.
     *
     * @return the client secret
     */
    public String clientSecret() {
        return clientSecret;
    }

    /**
     * Returns the scopes to request.
     *
     * @return the scopes, in order, without duplicates; empty when none are requested (the request
     *         then has no {@code scope} and the server grants its default)
     */
    public List<String> scopes() {
        return scopes;
    }

    /**
     * Returns the token URL, when one was set.
     *
     * @return the token URL, or {@code null} for the default: the origin of the client's base URL
     *         plus {@code /oauth2/token}
     */
    public @Nullable String tokenUrl() {
        return tokenUrl;
    }

    /**
     * Returns how the client authenticates at the token endpoint.
     *
     * @return the method; {@link ClientAuthMethod#CLIENT_SECRET_BASIC} unless set
     */
    public ClientAuthMethod authMethod() {
        return authMethod;
    }

    /**
     * Returns how long before its expiry a token is replaced.
     *
     * @return the margin; for a token that lives less than twice this long, half its lifetime is used
     */
    public Duration refreshBefore() {
        return refreshBefore;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof ClientCredentials)) {
            return false;
        }
        ClientCredentials c = (ClientCredentials) o;
        return clientId.equals(c.clientId) && clientSecret.equals(c.clientSecret) && scopes.equals(c.scopes)
                && Objects.equals(tokenUrl, c.tokenUrl) && authMethod == c.authMethod
                && refreshBefore.equals(c.refreshBefore);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, clientSecret, scopes, tokenUrl, authMethod, refreshBefore);
    }

    /**
     * Describes the credentials with the secret masked.
     *
     * @return for example {@code ClientCredentials{clientId=client-id, clientSecret=██, scopes=[read],
     *         tokenUrl=default, authMethod=client_secret_basic, refreshBefore=PT1M}}
     */
    @Override
    public String toString() {
        return "ClientCredentials{clientId=" + clientId + ", clientSecret=" + MASK + ", scopes=" + scopes
                + ", tokenUrl=" + (tokenUrl == null ? "default" : tokenUrl) + ", authMethod="
                + authMethod.wireName() + ", refreshBefore=" + refreshBefore + "}";
    }

    /**
     * Builds {@link ClientCredentials}. Every setter checks its argument at once, without ever
     * quoting the secret; {@link #build()} checks that the client id and secret are set. Not
     * thread-safe.
     */
    public static final class Builder {
        private @Nullable String clientId;
        private @Nullable String clientSecret;
        private final Set<String> scopes = new LinkedHashSet<>();
        private @Nullable String tokenUrl;
        private ClientAuthMethod authMethod = ClientAuthMethod.CLIENT_SECRET_BASIC;
        private Duration refreshBefore = DEFAULT_REFRESH_BEFORE;

        private Builder() {
        }

        /**
         * Sets the client id; required.
         *
         * @param clientId the client id of the machine-to-machine integration; not blank, no control characters
         * @return this builder
         */
        public Builder clientId(String clientId) {
            Objects.requireNonNull(clientId, "clientId");
            String problem = problem(clientId);
            if (problem != null) {
                throw new IllegalArgumentException("clientId " + problem);
            }
            this.clientId = clientId;
            return this;
        }

        /**
         * Sets the client secret; required.
         *
         * @param clientSecret the client secret; not blank, no control characters
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            Objects.requireNonNull(clientSecret, "clientSecret");
            String problem = problem(clientSecret);
            if (problem != null) {
                throw new IllegalArgumentException("clientSecret " + problem);
            }
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Sets the scopes to request, replacing any set before. None by default.
         *
         * @param scopes scope tokens such as {@code read} (RFC 6749 §3.3: printable ASCII without
         *               space, {@code "} or {@code \}); sent space-separated, duplicates dropped
         * @return this builder
         */
        public Builder scopes(String... scopes) {
            Objects.requireNonNull(scopes, "scopes");
            List<String> checked = new ArrayList<>();
            for (String s : scopes) {
                checked.add(checkScope(s));
            }
            this.scopes.clear();
            this.scopes.addAll(checked);
            return this;
        }

        /**
         * Sets the token URL.
         *
         * @param tokenUrl an absolute {@code https} URL (or {@code http} for loopback hosts or with
         *                 {@code allowInsecureHttp()}); by default the origin of the base URL plus
         *                 {@code /oauth2/token}
         * @return this builder
         */
        public Builder tokenUrl(String tokenUrl) {
            Objects.requireNonNull(tokenUrl, "tokenUrl");
            HttpUrl url = HttpUrl.parse(tokenUrl.strip());
            if (url == null) {
                throw new IllegalArgumentException("tokenUrl must be an absolute http or https URL");
            }
            if (url.fragment() != null || !url.username().isEmpty() || !url.password().isEmpty()) {
                throw new IllegalArgumentException("tokenUrl must not carry a fragment or user info: "
                        + url.newBuilder().fragment(null).username("").password("").build());
            }
            this.tokenUrl = url.toString();
            return this;
        }

        /**
         * Sets how the client authenticates at the token endpoint.
         *
         * @param authMethod {@link ClientAuthMethod#CLIENT_SECRET_BASIC} (the default) or
         *                   {@link ClientAuthMethod#CLIENT_SECRET_POST}
         * @return this builder
         */
        public Builder authMethod(ClientAuthMethod authMethod) {
            this.authMethod = Objects.requireNonNull(authMethod, "authMethod");
            return this;
        }

        /**
         * Sets how long before its expiry a token is replaced.
         *
         * @param refreshBefore zero or more; default 60 s. For a token that lives less than twice
         *                      this long, half its lifetime is used instead.
         * @return this builder
         */
        public Builder refreshBefore(Duration refreshBefore) {
            Objects.requireNonNull(refreshBefore, "refreshBefore");
            if (refreshBefore.isNegative()) {
                throw new IllegalArgumentException("refreshBefore must not be negative, was " + refreshBefore);
            }
            this.refreshBefore = refreshBefore;
            return this;
        }

        /**
         * Builds the credentials.
         *
         * @return the credentials
         * @throws IllegalStateException if the client id or the client secret is not set
         */
        public ClientCredentials build() {
            if (clientId == null && clientSecret == null) {
                throw new IllegalStateException("clientId and clientSecret are required");
            }
            if (clientId == null) {
                throw new IllegalStateException("clientId is required");
            }
            if (clientSecret == null) {
                throw new IllegalStateException("clientSecret is required");
            }
            return new ClientCredentials(this);
        }

        @Override
        public String toString() {
            return "ClientCredentials.Builder{clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null ? "null" : MASK) + ", scopes=" + scopes + "}";
        }

        /** Why a client id or secret cannot be used; never quotes the value. */
        private static @Nullable String problem(String value) {
            if (value.isBlank()) {
                return "must not be blank";
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    return "must not contain control characters (found one at index " + i + ")";
                }
            }
            return null;
        }

        private static String checkScope(String scope) {
            Objects.requireNonNull(scope, "scope");
            if (scope.isEmpty()) {
                throw new IllegalArgumentException("a scope must not be empty");
            }
            for (int i = 0; i < scope.length(); i++) {
                char c = scope.charAt(i);
                if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                    throw new IllegalArgumentException("scope '" + printable(scope) + "' has a character not allowed "
                            + "in a scope token at index " + i + " (RFC 6749 3.3: printable ASCII without space, "
                            + "'\"' or '\\'); pass several scopes as separate arguments");
                }
            }
            return scope;
        }

        private static String printable(String s) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length() && i < 60; i++) {
                char c = s.charAt(i);
                sb.append(c < 0x20 || c == 0x7f ? '?' : c);
            }
            return sb.toString();
        }
    }
}
