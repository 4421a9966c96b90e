package io.flowsdk.spring.boot;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.spring.boot.InvalidFlowsPropertiesException.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns {@link FlowsProperties} into a {@link FlowsClient.Builder}, checking every property first
 * so that one startup failure names every problem with its property. The SDK's builder stays the
 * final judge: what it still refuses in {@code build()} (after the customizers) is reported too.
 */
final class FlowsClientFactory {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final String AUTH_CHOICE = "set flows.token, or flows.client-id and flows.client-secret";

    private FlowsClientFactory() {
    }

    /**
     * A builder with every property applied.
     *
     * @throws InvalidFlowsPropertiesException listing every problem found
     */
    static FlowsClient.Builder builder(FlowsProperties p, Consumer<String> httpLog) {
        List<Problem> problems = new ArrayList<>();
        FlowsClient.Builder b = FlowsClient.builder();
        String baseUrl = text(p.getBaseUrl());
        if (baseUrl == null) {
            problems.add(new Problem("flows.base-url", "is empty",
                    "set the root URL of the API, for example https://acme.example.com/api/v1"));
        } else if (checkUrl("flows.base-url", baseUrl, p.isAllowInsecureHttp(), problems)) {
            b.baseUrl(baseUrl);
        }
        authentication(p, b, problems);
        timeouts(p, b, problems);
        retry(p.getRetry(), b, problems);
        if (p.getUserAgent() != null) {
            apply(problems, "flows.user-agent", "use printable ASCII only, for example my-app/1.2",
                    () -> b.userAgent(p.getUserAgent()));
        }
        if (p.getMaxResponseSize() != null) {
            long bytes = p.getMaxResponseSize().toBytes();
            if (bytes < 1024) {
                problems.add(new Problem("flows.max-response-size", "must be at least 1KB, was " + bytes + "B",
                        "set a size of 1KB or more, such as 32MB"));
            } else {
                b.maxResponseBytes(bytes);
            }
        }
        if (p.isAllowInsecureHttp()) {
            b.allowInsecureHttp();
        }
        if (p.isHttpLogging()) {
            b.httpLogger(httpLog);
        }
        if (!problems.isEmpty()) {
            throw new InvalidFlowsPropertiesException(problems);
        }
        return b;
    }

    /**
     * Builds the client; what the SDK's builder refuses becomes an
     * {@link InvalidFlowsPropertiesException} that says which properties to change.
     */
    static FlowsClient build(FlowsClient.Builder b) {
        try {
            return b.build();
        } catch (IllegalStateException e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("no authentication configured")) {
                throw new InvalidFlowsPropertiesException(List.of(new Problem("flows.token",
                        "is not set, nor flows.client-id and flows.client-secret: the client has no way to "
                                + "authenticate",
                        AUTH_CHOICE + ", or define a FlowsClientBuilderCustomizer bean that calls "
                                + "tokenProvider(...) or noAuthentication()")));
            }
            if (m.contains("mutually exclusive")) {
                throw new InvalidFlowsPropertiesException(List.of(new Problem("flows.token / flows.client-id",
                        "authentication is set twice: " + m,
                        "configure one way to authenticate: either the flows.* properties or a "
                                + "FlowsClientBuilderCustomizer, not both")));
            }
            throw new InvalidFlowsPropertiesException(List.of(new Problem("flows.*", m,
                    "change the flows.* properties or the FlowsClientBuilderCustomizer beans")));
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            String property = m.startsWith("tokenUrl") ? "flows.token-url" : m.startsWith("baseUrl") ? "flows.base-url"
                    : "flows.*";
            throw new InvalidFlowsPropertiesException(List.of(new Problem(property, m,
                    "use https, or set flows.allow-insecure-http=true on a trusted network")));
        }
    }

    private static void authentication(FlowsProperties p, FlowsClient.Builder b, List<Problem> problems) {
        String token = text(p.getToken());
        String id = text(p.getClientId());
        String secret = text(p.getClientSecret());
        List<String> scopes = p.getScopes() == null ? List.of() : p.getScopes().stream()
                .flatMap(s -> Stream.of(s.trim().split("[\\s,]+"))).filter(s -> !s.isEmpty()).toList();
        String tokenUrl = text(p.getTokenUrl());
        if (token != null && (id != null || secret != null)) {
            problems.add(new Problem("flows.token", "is set together with client credentials ("
                    + (id != null ? "flows.client-id" : "flows.client-secret") + ")",
                    "configure one way to authenticate: remove flows.token to use client credentials, or "
                            + "flows.client-id and flows.client-secret to use the fixed token"));
            return;
        }
        if (token != null) {
            apply(problems, "flows.token", "set the token alone, without \"Bearer \", quotes or line breaks",
                    () -> b.bearerToken(token));
        }
        if (id == null && secret == null) {
            onlyWithCredentials(problems, "flows.scopes", !scopes.isEmpty());
            onlyWithCredentials(problems, "flows.token-url", tokenUrl != null);
            onlyWithCredentials(problems, "flows.auth-method", p.getAuthMethod() != null);
            onlyWithCredentials(problems, "flows.token-refresh-before", p.getTokenRefreshBefore() != null);
            return;
        }
        int before = problems.size();
        if (id == null) {
            problems.add(new Problem("flows.client-id", "is missing while flows.client-secret is set",
                    "set flows.client-id too: client credentials need both the id and the secret"));
        }
        if (secret == null) {
            problems.add(new Problem("flows.client-secret", "is missing while flows.client-id is set",
                    "set flows.client-secret too: client credentials need both the id and the secret"));
        }
        ClientCredentials.Builder c = ClientCredentials.builder();
        if (id != null) {
            apply(problems, "flows.client-id", "set the client id alone, without quotes or line breaks",
                    () -> c.clientId(id));
        }
        if (secret != null) {
            apply(problems, "flows.client-secret", "set the client secret alone, without quotes or line breaks",
                    () -> c.clientSecret(secret));
        }
        apply(problems, "flows.scopes", "list scope tokens such as read,write (RFC 6749 section 3.3)",
                () -> c.scopes(scopes.toArray(String[]::new)));
        if (tokenUrl != null && checkUrl("flows.token-url", tokenUrl, p.isAllowInsecureHttp(), problems)) {
            apply(problems, "flows.token-url", "set an absolute https URL", () -> c.tokenUrl(tokenUrl));
        }
        if (p.getAuthMethod() != null) {
            c.authMethod(p.getAuthMethod());
        }
        if (p.getTokenRefreshBefore() != null && notNegative(problems, "flows.token-refresh-before",
                p.getTokenRefreshBefore())) {
            c.refreshBefore(p.getTokenRefreshBefore());
        }
        if (problems.size() == before) {
            b.credentials(c.build());
        }
    }

    private static void onlyWithCredentials(List<Problem> problems, String property, boolean set) {
        if (set) {
            problems.add(new Problem(property, "is set, but it is used only with client credentials",
                    "set flows.client-id and flows.client-secret too, or remove " + property));
        }
    }

    private static void timeouts(FlowsProperties p, FlowsClient.Builder b, List<Problem> problems) {
        if (p.getTimeout() != null && positive(problems, "flows.timeout", p.getTimeout())) {
            b.timeout(p.getTimeout());
        }
        if (p.getTotalTimeout() != null && positive(problems, "flows.total-timeout", p.getTotalTimeout())) {
            b.totalTimeout(p.getTotalTimeout());
        }
    }

    private static void retry(FlowsProperties.Retry r, FlowsClient.Builder b, List<Problem> problems) {
        if (r.getMaxAttempts() == null && r.getInitialBackoff() == null && r.getMaxBackoff() == null
                && r.getMaxRetryAfter() == null) {
            return;
        }
        int before = problems.size();
        RetryPolicy.Builder rb = RetryPolicy.builder();
        if (r.getMaxAttempts() != null) {
            if (r.getMaxAttempts() < 1) {
                problems.add(new Problem("flows.retry.max-attempts", "must be at least 1, was " + r.getMaxAttempts(),
                        "set 1 for no retries, or more (the default is "
                                + RetryPolicy.defaults().maxAttempts() + ")"));
            } else {
                rb.maxAttempts(r.getMaxAttempts());
            }
        }
        Duration initial = r.getInitialBackoff() != null ? r.getInitialBackoff() : RetryPolicy.defaults().initialBackoff();
        Duration max = r.getMaxBackoff() != null ? r.getMaxBackoff() : RetryPolicy.defaults().maxBackoff();
        boolean backoffsOk = true;
        if (r.getInitialBackoff() != null) {
            backoffsOk &= notNegative(problems, "flows.retry.initial-backoff", initial);
        }
        if (r.getMaxBackoff() != null) {
            backoffsOk &= notNegative(problems, "flows.retry.max-backoff", max);
        }
        if (backoffsOk && initial.compareTo(max) > 0) {
            problems.add(new Problem("flows.retry.initial-backoff", "(" + format(initial) + ") exceeds flows.retry."
                    + "max-backoff (" + format(max) + (r.getMaxBackoff() == null ? ", the default" : "") + ")",
                    "make flows.retry.initial-backoff at most flows.retry.max-backoff"));
            backoffsOk = false;
        }
        if (backoffsOk) {
            rb.maxBackoff(max).initialBackoff(initial);
        }
        if (r.getMaxRetryAfter() != null && notNegative(problems, "flows.retry.max-retry-after", r.getMaxRetryAfter())) {
            rb.maxRetryAfter(r.getMaxRetryAfter());
        }
        if (problems.size() == before) {
            b.retryPolicy(rb.build());
        }
    }

    private static boolean checkUrl(String property, String value, boolean allowInsecureHttp, List<Problem> problems) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            problems.add(new Problem(property, "is not a URL (" + e.getReason() + ")",
                    "set an absolute https URL, for example https://acme.example.com/api/v1"));
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            problems.add(new Problem(property, "is not an absolute http or https URL",
                    "set an absolute https URL, for example https://acme.example.com/api/v1"));
            return false;
        }
        if (uri.getRawUserInfo() != null) {
            // the URL is not repeated: its user info may hold a password
            problems.add(new Problem(property, "carries user info (user:password@host)",
                    "remove it from the URL; credentials go in flows.token or flows.client-id and flows.client-secret"));
            return false;
        }
        if (uri.getRawFragment() != null || property.equals("flows.base-url") && uri.getRawQuery() != null) {
            problems.add(new Problem(property, "carries a " + (uri.getRawFragment() != null ? "fragment" : "query"),
                    "remove the part after ? or # from the URL"));
            return false;
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            problems.add(new Problem(property, "uses plain http for the non-loopback host " + uri.getHost()
                    + ": the " + (property.equals("flows.token-url") ? "client secret" : "bearer token")
                    + " would travel unencrypted",
                    "use https, or set flows.allow-insecure-http=true on a trusted network"));
            return false;
        }
        return true;
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || IPV4_LOOPBACK.matcher(h).matches()
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    private static boolean positive(List<Problem> problems, String property, Duration d) {
        if (d.isNegative() || d.isZero()) {
            problems.add(new Problem(property, "must be positive, was " + format(d),
                    "set a duration above zero, such as 30s or 2m"));
            return false;
        }
        return true;
    }

    private static boolean notNegative(List<Problem> problems, String property, Duration d) {
        if (d.isNegative()) {
            problems.add(new Problem(property, "must not be negative, was " + format(d),
                    "set zero or more, such as 0s, 100ms or 2s"));
            return false;
        }
        return true;
    }

    /** A duration as it would be written in a properties file: 500ms, 30s, -1s. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0 || ms == 0 && !d.isZero()) {
            return d.toNanos() % 1_000_000 == 0 ? ms + "ms" : d.toString();
        }
        return (ms / 1000) + "s";
    }

    private static void apply(List<Problem> problems, String property, String fix, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the SDK's messages never hold a token or a secret; their first word names the setting
            String m = String.valueOf(e.getMessage());
            int space = m.indexOf(' ');
            problems.add(new Problem(property, space > 0 ? m.substring(space + 1) : m, fix));
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
