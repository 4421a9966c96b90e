package io.flowsdk.spring.boot;

import io.flowsdk.client.auth.ClientAuthMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code flows.*} properties of the auto-configured {@link io.flowsdk.client.FlowsClient}.
 * Setting {@code flows.base-url} turns the client on. A property left unset keeps the SDK's own
 * default. The environment variables of {@code FlowsClient.fromEnvironment()} bind here too
 * ({@code FLOWS_BASE_URL}, {@code FLOWS_TOKEN}, {@code FLOWS_CLIENT_ID}, {@code FLOWS_CLIENT_SECRET},
 * ...), by Spring Boot's relaxed binding.
 */
@ConfigurationProperties("flows")
public class FlowsProperties {

    /**
     * Root URL of the Flows API, for example https://acme.example.com/api/v1. Setting it turns the
     * auto-configured FlowsClient on. Plain http is accepted only for loopback hosts (localhost,
     * 127.x.x.x, ::1) unless flows.allow-insecure-http is true.
     */
    private String baseUrl;

    /**
     * Fixed bearer token sent as "Authorization: Bearer <token>". Set either this or
     * flows.client-id and flows.client-secret, not both. Never logged nor shown in messages.
     */
    private String token;

    /**
     * Client id of the OAuth 2.0 client credentials grant (a machine-to-machine integration); needs
     * flows.client-secret. The client fetches an access token, caches it and refreshes it ahead of
     * its expiry.
     */
    private String clientId;

    /**
     * Client secret of the OAuth 2.0 client credentials grant; needs flows.client-id. Never logged
     * nor shown in messages.
     */
    private String clientSecret;

    /**
     * Scopes requested with client credentials, comma or space separated. None by default.
     */
    private List<String> scopes = new ArrayList<>();

    /**
     * Token endpoint of the client credentials grant. Default: the origin of flows.base-url plus
     * /oauth2/token.
     */
    private String tokenUrl;

    /**
     * How the client authenticates at the token endpoint: client-secret-basic (HTTP Basic, the
     * default) or client-secret-post (id and secret in the form body).
     */
    private ClientAuthMethod authMethod;

    /**
     * How long before its expiry an access token from the client credentials grant is replaced.
     */
    private Duration tokenRefreshBefore;

    /**
     * Timeout of one attempt of a call: connect, send, wait and read.
     */
    private Duration timeout;

    /**
     * Deadline of one call including all its retries and waits. None by default.
     */
    private Duration totalTimeout;

    /**
     * Text appended to the SDK's own User-Agent (flows-java/<version>), for example my-app/1.2.
     * Printable ASCII.
     */
    private String userAgent;

    /**
     * Whether to log each request and response line and headers to the logger io.flowsdk.http at
     * DEBUG level (set logging.level.io.flowsdk.http=debug to see them). The Authorization header is
     * masked.
     */
    private boolean httpLogging;

    /**
     * Whether to accept a plain http base URL or token URL for a host that is not loopback. Tokens
     * and secrets then travel unencrypted: only for trusted networks.
     */
    private boolean allowInsecureHttp;

    /**
     * Largest successful answer accepted; a larger one fails the call instead of exhausting
     * memory. At least 1KB.
     */
    private DataSize maxResponseSize;

    private final Retry retry = new Retry();

    /** {@return the root URL of the API, or null when the client is off} */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** @param baseUrl the root URL of the API */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@return the fixed bearer token, or null} */
    public String getToken() {
        return token;
    }

    /** @param token a fixed bearer token */
    public void setToken(String token) {
        this.token = token;
    }

    /** {@return the client id of the client credentials grant, or null} */
    public String getClientId() {
        return clientId;
    }

    /** @param clientId the client id of the client credentials grant */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** {@return the client secret of the client credentials grant, or null} */
    public String getClientSecret() {
        return clientSecret;
    }

    /** @param clientSecret the client secret of the client credentials grant */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    /** {@return the scopes requested with client credentials; empty for none} */
    public List<String> getScopes() {
        return scopes;
    }

    /** @param scopes the scopes requested with client credentials */
    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    /** {@return the token endpoint, or null for the default} */
    public String getTokenUrl() {
        return tokenUrl;
    }

    /** @param tokenUrl the token endpoint */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    /** {@return how the client authenticates at the token endpoint, or null for the default} */
    public ClientAuthMethod getAuthMethod() {
        return authMethod;
    }

    /** @param authMethod how the client authenticates at the token endpoint */
    public void setAuthMethod(ClientAuthMethod authMethod) {
        this.authMethod = authMethod;
    }

    /** {@return how long before its expiry a token is replaced, or null for the default} */
    public Duration getTokenRefreshBefore() {
        return tokenRefreshBefore;
    }

    /** @param tokenRefreshBefore how long before its expiry a token is replaced */
    public void setTokenRefreshBefore(Duration tokenRefreshBefore) {
        this.tokenRefreshBefore = tokenRefreshBefore;
    }

    /** {@return the timeout of one attempt, or null for the default} */
    public Duration getTimeout() {
        return timeout;
    }

    /** @param timeout the timeout of one attempt */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** {@return the deadline of one call with its retries, or null for none} */
    public Duration getTotalTimeout() {
        return totalTimeout;
    }

    /** @param totalTimeout the deadline of one call with its retries */
    public void setTotalTimeout(Duration totalTimeout) {
        this.totalTimeout = totalTimeout;
    }

    /** {@return the text appended to the User-Agent, or null} */
    public String getUserAgent() {
        return userAgent;
    }

    /** @param userAgent the text appended to the User-Agent */
    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    /** {@return whether requests and responses are logged to io.flowsdk.http} */
    public boolean isHttpLogging() {
        return httpLogging;
    }

    /** @param httpLogging whether to log requests and responses to io.flowsdk.http */
    public void setHttpLogging(boolean httpLogging) {
        this.httpLogging = httpLogging;
    }

    /** {@return whether plain http is accepted for hosts that are not loopback} */
    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    /** @param allowInsecureHttp whether to accept plain http for hosts that are not loopback */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    /** {@return the largest successful answer accepted, or null for the default} */
    public DataSize getMaxResponseSize() {
        return maxResponseSize;
    }

    /** @param maxResponseSize the largest successful answer accepted */
    public void setMaxResponseSize(DataSize maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    /** {@return the retry settings} */
    public Retry getRetry() {
        return retry;
    }

    /** The {@code flows.retry.*} properties: when a failed call is tried again. */
    public static class Retry {

        /**
         * Most attempts of one call, the first included; 1 turns retries off. GETs are retried on
         * I/O failures, 429, 502, 503 and 504; POSTs only when they provably never left the
         * machine, and on 429.
         */
        private Integer maxAttempts;

        /**
         * Base of the exponential backoff between attempts (with jitter).
         */
        private Duration initialBackoff;

        /**
         * Ceiling of the exponential backoff between attempts.
         */
        private Duration maxBackoff;

        /**
         * Longest Retry-After the client waits for; a longer one fails the call at once with
         * RateLimitedException.
         */
        private Duration maxRetryAfter;

        /** {@return the most attempts of one call, or null for the default} */
        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts the most attempts of one call */
        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** {@return the base of the backoff, or null for the default} */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /** @param initialBackoff the base of the backoff */
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /** {@return the ceiling of the backoff, or null for the default} */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /** @param maxBackoff the ceiling of the backoff */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /** {@return the longest Retry-After waited for, or null for the default} */
        public Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        /** @param maxRetryAfter the longest Retry-After waited for */
        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }
    }

    @Override
    public String toString() {
        // never the token nor the secret
        return "FlowsProperties{baseUrl=" + baseUrl + ", token=" + (token == null ? "none" : "██")
                + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "██") + "}";
    }
}
