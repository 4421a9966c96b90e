package io.flowsdk.testkit.internal;

import com.google.gson.JsonObject;
import io.flowsdk.testkit.Endpoint;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake's OAuth 2.0 token endpoint ({@code POST /oauth2/token}, client credentials grant,
 * RFC 6749 §4.4) and the registry of the access tokens it issued. Clients authenticate with
 * {@code client_secret_basic} (RFC 6749 §2.3.1: form-encoded id and secret in an HTTP Basic
 * header) or {@code client_secret_post} (both in the form body); errors are RFC 6749 §5.2
 * answers. Tokens expire on the injected clock and can be revoked. Thread-safe. Not public API.
 */
public final class TokenIssuer {
    /** Where the endpoint lives, at the server's origin. */
    public static final String PATH = "/oauth2/token";
    /** The lifetime of issued tokens unless told otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    /** What a bearer token presented to the API is. */
    public enum Verdict {
        /** Issued here, not expired, not revoked. */
        VALID,
        /** Issued here and expired on the stub's clock. */
        EXPIRED,
        /** Issued here and revoked. */
        REVOKED,
        /** Never issued here. */
        UNKNOWN
    }

    private record Registration(String secret, Set<String> scopes) {}

    private record Issued(Instant expiresAt, boolean revoked) {}

    private final Clock clock;
    private final Map<String, Registration> defaults = new LinkedHashMap<>();
    private final Map<String, Registration> clients = new ConcurrentHashMap<>();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private volatile Duration lifetime = DEFAULT_LIFETIME;

    /**
     * Creates the issuer.
     *
     * @param clock the clock tokens expire on
     */
    public TokenIssuer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The route of a request to the token endpoint.
     *
     * @param rawPath the path as sent
     * @return the route (any method: the endpoint answers 405 to all but POST), or null for another path
     */
    public static Route route(String rawPath) {
        return PATH.equals(rawPath) ? new Route(Endpoint.TOKEN, null, 0, null) : null;
    }

    /**
     * Registers a client that {@link #reset()} keeps.
     *
     * @param clientId the client id
     * @param secret the client secret
     * @param scopes the scopes it may ask for
     */
    public synchronized void registerDefault(String clientId, String secret, List<String> scopes) {
        defaults.put(clientId, registration(secret, scopes));
        clients.put(clientId, registration(secret, scopes));
    }

    /**
     * Registers a client, or replaces the registration of that id.
     *
     * @param clientId the client id, not blank
     * @param secret the client secret, not blank
     * @param scopes the scopes it may ask for; a request without {@code scope} gets all of them
     */
    public void register(String clientId, String secret, List<String> scopes) {
        if (Objects.requireNonNull(clientId, "clientId").isBlank() || Objects.requireNonNull(secret, "secret").isBlank()) {
            throw new IllegalArgumentException("clientId and secret must not be blank");
        }
        clients.put(clientId, registration(secret, scopes));
    }

    private static Registration registration(String secret, List<String> scopes) {
        for (String s : scopes) {
            if (s == null || s.isEmpty() || s.chars().anyMatch(c -> c <= ' ')) {
                throw new IllegalArgumentException("a scope must be a non-empty token without spaces, got '" + s + "'");
            }
        }
        return new Registration(secret, Collections.unmodifiableSet(new LinkedHashSet<>(scopes))); // in order, as granted
    }

    /**
     * Sets the lifetime of the tokens issued from now on ({@code expires_in}).
     *
     * @param lifetime at least one second
     */
    public void lifetime(Duration lifetime) {
        if (Objects.requireNonNull(lifetime, "lifetime").getSeconds() < 1) {
            throw new IllegalArgumentException("the token lifetime must be at least 1 second, got " + lifetime);
        }
        this.lifetime = lifetime;
    }

    /** Revokes every token issued so far: the API answers 401 {@code invalid_token} to each. */
    public void revokeAll() {
        issued.replaceAll((token, i) -> new Issued(i.expiresAt, true));
    }

    /**
     * Back to the registrations of {@link #registerDefault} and the default lifetime. Tokens issued
     * before stay as they are (valid until they expire, unless revoked), so a client that holds one
     * keeps working across tests.
     */
    public synchronized void reset() {
        clients.clear();
        clients.putAll(defaults);
        lifetime = DEFAULT_LIFETIME;
    }

    /**
     * What a bearer token presented to the API is.
     *
     * @param token the token
     * @return the verdict
     */
    public Verdict check(String token) {
        Issued i = issued.get(token);
        if (i == null) {
            return Verdict.UNKNOWN;
        }
        if (i.revoked) {
            return Verdict.REVOKED;
        }
        return clock.instant().isBefore(i.expiresAt) ? Verdict.VALID : Verdict.EXPIRED;
    }

    /**
     * Answers a request to the token endpoint.
     *
     * @param request the request
     * @return the token answer, or an RFC 6749 §5.2 error
     */
    public ApiResponse handle(ApiRequest request) {
        if (!request.method().equals("POST")) {
            return error(405, "invalid_request", "the token endpoint takes POST only").withHeader("Allow", "POST");
        }
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return error(400, "invalid_request", "the token request must be application/x-www-form-urlencoded");
        }
        Map<String, List<String>> form = ApiRequest.parseQuery(request.body());
        for (Map.Entry<String, List<String>> p : form.entrySet()) {
            if (p.getValue().size() > 1) {
                return error(400, "invalid_request", "parameter " + p.getKey() + " is repeated");
            }
        }
        String grantType = first(form, "grant_type");
        if (grantType == null) {
            return error(400, "invalid_request", "grant_type is missing");
        }

        String authorization = request.header("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String bodySecret = first(form, "client_secret");
        String id;
        String secret;
        if (basic && bodySecret != null) {
            return error(400, "invalid_request", "the client used more than one authentication method");
        }
        if (basic) {
            String[] pair = decodeBasic(authorization.substring(6).trim());
            if (pair == null) {
                return invalidClient(true, "the Basic credentials are malformed");
            }
            id = pair[0];
            secret = pair[1];
        } else {
            id = first(form, "client_id");
            secret = bodySecret;
            if (id == null || secret == null) {
                return invalidClient(false, "no client authentication (Basic header, or client_id and client_secret)");
            }
        }
        Registration r = clients.get(id);
        if (r == null || !r.secret.equals(secret)) {
            return invalidClient(basic, "client authentication failed");
        }

        if (!grantType.equals("client_credentials")) {
            return error(400, "unsupported_grant_type", "only client_credentials is supported");
        }
        String scope = first(form, "scope");
        Set<String> granted = new LinkedHashSet<>();
        if (scope == null) {
            granted.addAll(r.scopes);
        } else {
            for (String s : scope.trim().split(" +")) {
                if (!r.scopes.contains(s)) {
                    return error(400, "invalid_scope", "scope '" + s + "' is not granted to this client");
                }
                granted.add(s);
            }
        }

        String token = "testkit-at-" + UUID.randomUUID();
        Duration life = lifetime;
        issued.put(token, new Issued(clock.instant().plus(life), false));
        JsonObject body = new JsonObject();
        body.addProperty("access_token", token);
        body.addProperty("expires_in", life.getSeconds());
        body.addProperty("token_type", "bearer");
        body.addProperty("scope", String.join(" ", granted));
        return ApiResponse.json(200, body).withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() || v.get(0).isEmpty() ? null : v.get(0);
    }

    /** RFC 6749 §2.3.1: base64 of form-encoded id and secret joined by ':'. */
    private static String[] decodeBasic(String credential) {
        try {
            String pair = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[]{URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ApiResponse invalidClient(boolean basic, String description) {
        ApiResponse r = error(401, "invalid_client", description);
        return basic ? r.withHeader("WWW-Authenticate", "Basic realm=\"flows-testkit\"") : r;
    }

    private static ApiResponse error(int status, String error, String description) {
        JsonObject body = new JsonObject();
        body.addProperty("error", error);
        body.addProperty("error_description", description);
        return ApiResponse.json(status, body).withHeader("Cache-Control", "no-store");
    }

    @Override
    public String toString() {
        return "TokenIssuer[clients=" + clients.keySet() + ", lifetime=" + lifetime + ", issued=" + issued.size() + "]";
    }
}
