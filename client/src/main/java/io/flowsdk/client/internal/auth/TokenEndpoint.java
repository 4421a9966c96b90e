package io.flowsdk.client.internal.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.flowsdk.client.auth.ClientAuthMethod;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.internal.Secrets;
import io.flowsdk.client.internal.Tokens;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The token request of the client credentials grant and the reading of its answer, with no I/O:
 * {@link #request()} is the exact HTTP request to send, {@link #parse(int, String, String)} turns
 * the answer into an {@link AccessToken} or an {@link AuthenticationException}.
 *
 * <p>The request (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2">RFC 6749 §4.4.2</a>):
 * {@code POST <tokenUrl>} with {@code Accept: application/json},
 * {@code Content-Type: application/x-www-form-urlencoded} and the body
 * {@code grant_type=client_credentials[&client_id=..&client_secret=..][&scope=a+b]}. With
 * {@link ClientAuthMethod#CLIENT_SECRET_BASIC} the id and secret go in
 * {@code Authorization: Basic base64(urlencode(id) ":" urlencode(secret))} (RFC 6749 §2.3.1) and
 * not in the body; with {@link ClientAuthMethod#CLIENT_SECRET_POST} only in the body.
 *
 * <p>The answer is read liberally: unknown fields are ignored, {@code expires_in} may be a number
 * (fractions dropped) or a numeric string (anything else counts as absent), {@code token_type}
 * is compared ignoring case and may be missing, {@code scope} may be a string or an array. An
 * error answer may be RFC 6749 §5.2 JSON ({@code error}, {@code error_description}) or anything
 * else (HTML, text, another JSON shape). No message ever contains the client secret (as is, form
 * encoded, or inside the Basic credential) or a token.
 *
 * <p>Sending: the request is idempotent in effect (asking twice yields two valid tokens), so I/O
 * failures, 429, 502, 503 and 504 may be retried per the client's {@code RetryPolicy}; error
 * answers of RFC 6749 §5.2 come with 400 or 401 and are final. Redirects must not be followed (a
 * 307 would carry the form body, secret included, to wherever it points): {@code parse} reports a
 * 3xx as an error naming the target.
 */
public final class TokenEndpoint {
    /** The form media type, without a charset parameter (some token endpoints refuse one). */
    public static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    private static final Set<String> CREDENTIAL_ERRORS = Set.of("invalid_client", "invalid_grant",
            "unauthorized_client", "invalid_scope");
    private static final int MAX_SNIPPET = 200;

    private final ClientCredentials credentials;
    private final HttpUrl url;
    private final Request request;
    private final List<String> secrets;

    /**
     * @param credentials the client credentials
     * @param url         the token URL (checked by the caller: scheme, host, https rule)
     * @param userAgent   the client's User-Agent
     */
    public TokenEndpoint(ClientCredentials credentials, HttpUrl url, String userAgent) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.url = Objects.requireNonNull(url, "url");
        this.request = buildRequest(credentials, url, userAgent);
        String secret = credentials.clientSecret();
        String basic = basicCredential(credentials.clientId(), secret);
        this.secrets = List.of(secret, formEncode(secret), basic);
    }

    /**
     * The default token URL: the origin of the API base URL plus {@code /oauth2/token}.
     *
     * @param baseUrl the API base URL, for example {@code https://acme.example.com/api/v1}
     * @return for example {@code https://acme.example.com/oauth2/token}
     */
    public static HttpUrl defaultUrl(HttpUrl baseUrl) {
        return baseUrl.newBuilder().encodedPath("/oauth2/token").query(null).fragment(null).build();
    }

    /** @return the token URL */
    public HttpUrl url() {
        return url;
    }

    /** @return the credentials this endpoint sends */
    public ClientCredentials credentials() {
        return credentials;
    }

    /** @return the token request; immutable, so the same instance serves every attempt */
    public Request request() {
        return request;
    }

    /**
     * Builds the token request.
     *
     * @param credentials the credentials
     * @param url         the token URL
     * @param userAgent   the User-Agent header, or null for none
     * @return the request
     */
    public static Request buildRequest(ClientCredentials credentials, HttpUrl url, String userAgent) {
        Request.Builder b = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .post(RequestBody.create(formBody(credentials).getBytes(StandardCharsets.UTF_8), FORM));
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        if (credentials.authMethod() == ClientAuthMethod.CLIENT_SECRET_BASIC) {
            b.header("Authorization", "Basic " + basicCredential(credentials.clientId(), credentials.clientSecret()));
        }
        return b.build();
    }

    /**
     * @param credentials the credentials
     * @return the form body: {@code grant_type}, then {@code client_id} and {@code client_secret} for
     *         {@link ClientAuthMethod#CLIENT_SECRET_POST}, then {@code scope} if any (space-separated)
     */
    public static String formBody(ClientCredentials credentials) {
        StringBuilder sb = new StringBuilder("grant_type=client_credentials");
        if (credentials.authMethod() == ClientAuthMethod.CLIENT_SECRET_POST) {
            sb.append("&client_id=").append(formEncode(credentials.clientId()))
              .append("&client_secret=").append(formEncode(credentials.clientSecret()));
        }
        if (!credentials.scopes().isEmpty()) {
            sb.append("&scope=").append(formEncode(String.join(" ", credentials.scopes())));
        }
        return sb.toString();
    }

    /**
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @return {@code base64(urlencode(clientId) ":" urlencode(clientSecret))}, the credential of
     *         {@code Authorization: Basic} per RFC 6749 §2.3.1
     */
    public static String basicCredential(String clientId, String clientSecret) {
        String pair = formEncode(clientId) + ":" + formEncode(clientSecret);
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code application/x-www-form-urlencoded}, as RFC 6749 Appendix B asks (space as {@code +}). */
    static String formEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Reads the token endpoint's answer.
     *
     * @param status   the HTTP status
     * @param location the {@code Location} header, or null
     * @param body     the body text, or null
     * @return the token of a 2xx answer that holds one
     * @throws AuthenticationException for every other answer
     */
    public AccessToken parse(int status, String location, String body) {
        JsonObject json = parseObject(body);
        if (status >= 200 && status < 300) {
            String token = json == null ? null : string(json, "access_token");
            if (token != null) {
                return success(status, json, token);
            }
            if (json != null && string(json, "error") != null) {
                throw errorAnswer(status, json, body);
            }
            // the body of a success may hold a token in another shape: never quote it
            throw new AuthenticationException(prefix(status) + (json == null
                    ? "is not a JSON object" : "has no access_token (fields: " + json.keySet() + ")"),
                    null, null, status, null);
        }
        if (status >= 300 && status < 400) {
            throw new AuthenticationException("the token endpoint " + url + " answered " + status
                    + (location == null ? "" : " with a redirect to " + redact(oneLine(location)))
                    + "; redirects of the token request are not followed (the client secret could travel with it)."
                    + " Set ClientCredentials.builder().tokenUrl(...) to the final URL", null, null, status, null);
        }
        throw errorAnswer(status, json, body);
    }

    /**
     * @param e the I/O failure of the token request
     * @return the failure as reported to the call
     */
    public AuthenticationException transportFailure(IOException e) {
        String msg = e.getMessage();
        return new AuthenticationException("could not reach the token endpoint " + url + ": "
                + e.getClass().getSimpleName() + (msg == null ? "" : ": " + redact(oneLine(msg))), null, null, 0,
                scrub(e));
    }

    /** The cause chain as is, or, if a message in it holds the secret in any form, a redacted copy. */
    private Throwable scrub(Throwable t) {
        boolean leaks = false;
        for (Throwable c = t; c != null && !leaks; c = c.getCause()) {
            leaks = c.getMessage() != null && !c.getMessage().equals(redact(c.getMessage()));
        }
        if (!leaks) {
            return t;
        }
        RedactedCause copy = new RedactedCause(t.getClass().getName() + ": " + redact(String.valueOf(t.getMessage())),
                t.getCause() == null ? null : scrub(t.getCause()));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Stands in for a throwable whose message held the secret. */
    static final class RedactedCause extends IOException {
        private static final long serialVersionUID = 1L;

        RedactedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param text any text that may have met the secret
     * @return the text with the secret masked, in each form it travels in
     */
    public String redact(String text) {
        String out = text;
        for (String s : secrets) {
            out = Secrets.redact(out, s);
        }
        return out;
    }

    private AccessToken success(int status, JsonObject json, String token) {
        String problem = Tokens.problem(token);
        if (problem != null) {
            throw new AuthenticationException(prefix(status) + "has an access_token that " + problem, null, null,
                    status, null);
        }
        String type = string(json, "token_type");
        if (type != null && !type.strip().equalsIgnoreCase("bearer")) {
            throw new AuthenticationException(prefix(status) + "has token_type '" + redact(oneLine(type))
                    + "'; the SDK sends bearer tokens only", null, null, status, null);
        }
        return new AccessToken(token, seconds(json.get("expires_in")), scope(json.get("scope")));
    }

    private AuthenticationException errorAnswer(int status, JsonObject json, String body) {
        String error = json == null ? null : string(json, "error");
        String description = json == null ? null : string(json, "error_description");
        error = error == null ? null : redact(oneLine(error));
        description = description == null ? null : redact(oneLine(description));
        StringBuilder sb = new StringBuilder("the token endpoint ").append(url).append(" answered ").append(status);
        if (error != null) {
            sb.append(", error ").append(error);
            if (description != null) {
                sb.append(": ").append(description);
            }
        } else if (body != null && !body.isBlank()) {
            sb.append(": ").append(redact(snippet(body)));
        }
        boolean credentialProblem = error != null ? CREDENTIAL_ERRORS.contains(error) : status == 400 || status == 401;
        if (credentialProblem) {
            sb.append(". ").append(hint(error));
        }
        return new AuthenticationException(sb.toString(), error, description, status, null);
    }

    /** Which authentication method was used and how to switch; for invalid_scope, what was asked. */
    private String hint(String error) {
        StringBuilder sb = new StringBuilder();
        if ("invalid_scope".equals(error)) {
            sb.append("Requested scopes: ").append(credentials.scopes().isEmpty() ? "none" : credentials.scopes())
              .append(". ");
        }
        ClientAuthMethod used = credentials.authMethod();
        ClientAuthMethod other = used == ClientAuthMethod.CLIENT_SECRET_BASIC
                ? ClientAuthMethod.CLIENT_SECRET_POST : ClientAuthMethod.CLIENT_SECRET_BASIC;
        sb.append("Client '").append(oneLine(credentials.clientId())).append("' authenticated with ")
          .append(used.wireName())
          .append(used == ClientAuthMethod.CLIENT_SECRET_BASIC
                  ? " (id and secret form-encoded in an HTTP Basic Authorization header)"
                  : " (id and secret in the form body)")
          .append("; if the token endpoint expects ").append(other.wireName())
          .append(", set ClientCredentials.builder().authMethod(ClientAuthMethod.").append(other.name())
          .append("), and check the client id and secret");
        return sb.toString();
    }

    private String prefix(int status) {
        return "the token endpoint " + url + " answered " + status + " but its body ";
    }

    private static JsonObject parseObject(String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(body);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) { // malformed or truncated
            return null;
        }
    }

    private static String string(JsonObject json, String name) {
        JsonElement e = json.get(name);
        if (e == null || !e.isJsonPrimitive()) {
            return null;
        }
        String s = e.getAsString();
        return s.isEmpty() ? null : s;
    }

    /** {@code expires_in} as whole seconds: a number or a numeric string; anything else is absent. */
    static Duration seconds(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return null;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(p.getAsString().strip());
        } catch (NumberFormatException ex) {
            return null;
        }
        BigDecimal whole = n.setScale(0, RoundingMode.FLOOR);
        if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Duration.ofSeconds(Long.MAX_VALUE);
        }
        if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Duration.ofSeconds(Long.MIN_VALUE);
        }
        return Duration.ofSeconds(whole.longValueExact());
    }

    private static String scope(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive()) {
            return e.getAsString();
        }
        if (e.isJsonArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonElement item : (JsonArray) e) {
                if (item.isJsonPrimitive()) {
                    parts.add(item.getAsString());
                }
            }
            return String.join(" ", parts);
        }
        return null;
    }

    private static String snippet(String body) {
        String flat = oneLine(body);
        return flat.length() > MAX_SNIPPET ? flat.substring(0, MAX_SNIPPET) + "..." : flat;
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** @return client credentials (client id, method, token URL, scopes); never the secret */
    @Override
    public String toString() {
        return "client credentials (client id " + credentials.clientId() + ", " + credentials.authMethod().wireName()
                + ", token URL " + url + (credentials.scopes().isEmpty() ? "" : ", scopes " + credentials.scopes())
                + ")";
    }
}
