package io.flowsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.StubClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token endpoint as a plain function, on a frozen clock. */
class TokenIssuerTest {
    static final String FORM = "application/x-www-form-urlencoded";

    private final StubClock clock = new StubClock().set(Instant.parse("2026-01-01T00:00:00Z"));
    private TokenIssuer issuer;

    @BeforeEach
    void setUp() {
        issuer = new TokenIssuer(clock);
        issuer.registerDefault("client-id", "s3cret", List.of("read", "write"));
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private ApiResponse post(String authorization, String contentType, String body) {
        Map<String, List<String>> headers = new HashMap<>();
        if (authorization != null) {
            headers.put("Authorization", List.of(authorization));
        }
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        return issuer.handle(ApiRequest.of("POST", TokenIssuer.PATH, headers, body));
    }

    private ApiResponse basicRequest(String body) {
        return post(basic("client-id", "s3cret"), FORM, body);
    }

    private static JsonObject json(ApiResponse r) {
        return r.json().getAsJsonObject();
    }

    private static void assertError(ApiResponse r, int status, String error) {
        assertEquals(status, r.status(), r.body());
        assertEquals(error, json(r).get("error").getAsString(), r.body());
        assertTrue(json(r).has("error_description"));
        assertEquals("no-store", r.headers().get("Cache-Control"));
    }

    @Test
    void clientSecretBasicGetsAToken() {
        ApiResponse r = basicRequest("grant_type=client_credentials&scope=read");
        assertEquals(200, r.status(), r.body());
        JsonObject t = json(r);
        assertTrue(t.get("access_token").getAsString().startsWith("testkit-at-"));
        assertEquals(3600, t.get("expires_in").getAsLong());
        assertEquals("bearer", t.get("token_type").getAsString());
        assertEquals("read", t.get("scope").getAsString());
        assertEquals("no-store", r.headers().get("Cache-Control"));
        assertEquals(TokenIssuer.Verdict.VALID, issuer.check(t.get("access_token").getAsString()));
    }

    @Test
    void clientSecretPostGetsAToken() {
        ApiResponse r = post(null, FORM + "; charset=UTF-8",
                "grant_type=client_credentials&client_id=client-id&client_secret=s3cret");
        assertEquals(200, r.status(), r.body());
        assertEquals("read write", json(r).get("scope").getAsString(), "no scope asked: all granted");
    }

    @Test
    void basicCredentialsAreFormDecodedPerRfc6749() {
        issuer.register("my:client id", "p@ss wörd+/", List.of());
        ApiResponse r = post(basic("my%3Aclient+id", "p%40ss+w%C3%B6rd%2B%2F"), FORM, "grant_type=client_credentials");
        assertEquals(200, r.status(), r.body());
        assertEquals("", json(r).get("scope").getAsString());
    }

    @Test
    void tokensExpireOnTheClock() {
        issuer.lifetime(Duration.ofSeconds(120));
        JsonObject t = json(basicRequest("grant_type=client_credentials"));
        assertEquals(120, t.get("expires_in").getAsLong());
        String token = t.get("access_token").getAsString();
        clock.advance(Duration.ofSeconds(119));
        assertEquals(TokenIssuer.Verdict.VALID, issuer.check(token));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(TokenIssuer.Verdict.EXPIRED, issuer.check(token));
    }

    @Test
    void revokeAllRevokesWhatWasIssuedSoFar() {
        String before = json(basicRequest("grant_type=client_credentials")).get("access_token").getAsString();
        issuer.revokeAll();
        String after = json(basicRequest("grant_type=client_credentials")).get("access_token").getAsString();
        assertEquals(TokenIssuer.Verdict.REVOKED, issuer.check(before));
        assertEquals(TokenIssuer.Verdict.VALID, issuer.check(after));
        assertEquals(TokenIssuer.Verdict.UNKNOWN, issuer.check("made-up"));
    }

    @Test
    void resetRestoresTheDefaultsButKeepsIssuedTokens() {
        issuer.register("other", "x", List.of("read"));
        issuer.lifetime(Duration.ofSeconds(5));
        String token = json(basicRequest("grant_type=client_credentials")).get("access_token").getAsString();
        issuer.reset();
        assertError(post(basic("other", "x"), FORM, "grant_type=client_credentials"), 401, "invalid_client");
        assertEquals(3600, json(basicRequest("grant_type=client_credentials")).get("expires_in").getAsLong());
        assertEquals(TokenIssuer.Verdict.VALID, issuer.check(token));
    }

    @Test
    void aWrongSecretOrUnknownClientIsInvalidClient() {
        ApiResponse wrong = post(basic("client-id", "nope"), FORM, "grant_type=client_credentials");
        assertError(wrong, 401, "invalid_client");
        assertEquals("Basic realm=\"flows-testkit\"", wrong.headers().get("WWW-Authenticate"));
        assertError(post(basic("nobody", "s3cret"), FORM, "grant_type=client_credentials"), 401, "invalid_client");
        ApiResponse viaBody = post(null, FORM, "grant_type=client_credentials&client_id=client-id&client_secret=nope");
        assertError(viaBody, 401, "invalid_client");
        assertNull(viaBody.headers().get("WWW-Authenticate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!not-base64", "Basic " + "bm9jb2xvbg=="})
    void malformedBasicCredentialsAreInvalidClient(String header) {
        assertError(post(header, FORM, "grant_type=client_credentials"), 401, "invalid_client");
    }

    @Test
    void noCredentialsAtAllIsInvalidClient() {
        assertError(post(null, FORM, "grant_type=client_credentials"), 401, "invalid_client");
        assertError(post(null, FORM, "grant_type=client_credentials&client_id=client-id"), 401, "invalid_client");
    }

    @Test
    void twoAuthenticationMethodsAtOnceAreAnInvalidRequest() {
        assertError(post(basic("client-id", "s3cret"), FORM,
                "grant_type=client_credentials&client_id=client-id&client_secret=s3cret"), 400, "invalid_request");
    }

    @Test
    void invalidRequests() {
        assertError(basicRequest("scope=read"), 400, "invalid_request");
        assertError(basicRequest("grant_type=client_credentials&grant_type=client_credentials"), 400, "invalid_request");
        assertError(post(basic("client-id", "s3cret"), "application/json", "{\"grant_type\":\"client_credentials\"}"),
                400, "invalid_request");
        assertError(post(basic("client-id", "s3cret"), null, "grant_type=client_credentials"), 400, "invalid_request");
    }

    @Test
    void anotherGrantTypeIsUnsupported() {
        assertError(basicRequest("grant_type=password&username=u&password=p"), 400, "unsupported_grant_type");
    }

    @Test
    void aScopeNotGrantedToTheClientIsInvalidScope() {
        assertError(basicRequest("grant_type=client_credentials&scope=read+admin"), 400, "invalid_scope");
        assertEquals("read write", json(basicRequest("grant_type=client_credentials&scope=read%20write"))
                .get("scope").getAsString());
    }

    @Test
    void onlyPost() {
        ApiResponse r = issuer.handle(ApiRequest.of("GET", TokenIssuer.PATH, Map.of(), ""));
        assertEquals(405, r.status());
        assertEquals("POST", r.headers().get("Allow"));
    }

    @Test
    void routing() {
        assertEquals(Endpoint.TOKEN, TokenIssuer.route("/oauth2/token").endpoint());
        assertNull(TokenIssuer.route("/api/v1/oauth2/token"));
        assertNull(TokenIssuer.route("/oauth2/token/"));
    }

    @Test
    void registrationsAndLifetimesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> issuer.register(" ", "x", List.of()));
        assertThrows(IllegalArgumentException.class, () -> issuer.register("a", "", List.of()));
        assertThrows(IllegalArgumentException.class, () -> issuer.register("a", "b", List.of("two words")));
        assertThrows(IllegalArgumentException.class, () -> issuer.lifetime(Duration.ofMillis(999)));
    }

    @Test
    void theFakeApiAcceptsValidIssuedTokensAndRefusesExpiredOrRevokedOnesWithInvalidToken() {
        FakeFlowsApi api = new FakeFlowsApi(new ResourceStore(clock, () -> "http://x/api/v1"), new SdkFilterSupport(),
                () -> "static-token", issuer);
        String token = json(basicRequest("grant_type=client_credentials")).get("access_token").getAsString();
        assertEquals(200, api.handle(get(token)).status());
        assertEquals(200, api.handle(get("static-token")).status());

        ApiResponse unknown = api.handle(get("made-up"));
        assertEquals(401, unknown.status());
        assertEquals("Bearer", unknown.headers().get("WWW-Authenticate"));

        clock.advance(Duration.ofHours(1));
        ApiResponse expired = api.handle(get(token));
        assertEquals(401, expired.status());
        assertTrue(expired.headers().get("WWW-Authenticate").startsWith("Bearer error=\"invalid_token\""),
                expired.headers().toString());

        String fresh = json(basicRequest("grant_type=client_credentials")).get("access_token").getAsString();
        issuer.revokeAll();
        ApiResponse revoked = api.handle(get(fresh));
        assertEquals(401, revoked.status());
        assertTrue(revoked.headers().get("WWW-Authenticate").contains("invalid_token"));
        assertTrue(revoked.body().contains("revoked"), revoked.body());
    }

    private static ApiRequest get(String token) {
        return ApiRequest.of("GET", "/api/v1/flows/", Map.of("Authorization", List.of("Bearer " + token)), "");
    }
}
