package io.flowsdk.client.internal.auth;

import io.flowsdk.client.auth.ClientAuthMethod;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.error.AuthenticationException;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token request as built, byte for byte, and every shape of answer: no HTTP involved. */
class TokenEndpointTest {
    static final String SECRET = "s3cr3t-VALUE-42";
    static final HttpUrl URL = HttpUrl.get("https://acme.example.com/oauth2/token");

    static ClientCredentials.Builder creds() {
        return ClientCredentials.builder().clientId("client-id").clientSecret(SECRET);
    }

    static TokenEndpoint endpoint(ClientCredentials c) {
        return new TokenEndpoint(c, URL, "flows-java/test");
    }

    static String body(Request r) throws IOException {
        Buffer b = new Buffer();
        r.body().writeTo(b);
        return b.readUtf8();
    }

    // ------------------------------------------------------------------ the request

    @Test
    void clientSecretBasicPutsTheCredentialsInTheHeaderOnly() throws IOException {
        Request r = endpoint(creds().scopes("read", "write").build()).request();
        assertEquals("POST", r.method());
        assertEquals("https://acme.example.com/oauth2/token", r.url().toString());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("client-id:s3cr3t-VALUE-42".getBytes(StandardCharsets.UTF_8)),
                r.header("Authorization"));
        assertEquals("application/json", r.header("Accept"));
        assertEquals("flows-java/test", r.header("User-Agent"));
        assertEquals("application/x-www-form-urlencoded", r.body().contentType().toString());
        assertEquals("grant_type=client_credentials&scope=read+write", body(r));
    }

    @Test
    void clientSecretPostPutsTheCredentialsInTheBodyOnly() throws IOException {
        Request r = endpoint(creds().scopes("read").authMethod(ClientAuthMethod.CLIENT_SECRET_POST).build()).request();
        assertNull(r.header("Authorization"));
        assertEquals("grant_type=client_credentials&client_id=client-id&client_secret=s3cr3t-VALUE-42&scope=read",
                body(r));
    }

    @Test
    void withoutScopesThereIsNoScopeParameter() throws IOException {
        assertEquals("grant_type=client_credentials", body(endpoint(creds().build()).request()));
        assertEquals("grant_type=client_credentials&client_id=client-id&client_secret=s3cr3t-VALUE-42",
                body(endpoint(creds().authMethod(ClientAuthMethod.CLIENT_SECRET_POST).build()).request()));
    }

    @Test
    void idAndSecretAreFormEncodedBeforeBase64PerRfc6749Section231() {
        // RFC 6749 2.3.1: application/x-www-form-urlencoded, then Basic; ':' in the id must not split the pair
        String credential = TokenEndpoint.basicCredential("my:client id", "p@ss wörd+/=&%");
        String decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
        assertEquals("my%3Aclient+id:p%40ss+w%C3%B6rd%2B%2F%3D%26%25", decoded);
    }

    @Test
    void specialCharactersInTheBodyAreFormEncoded() {
        ClientCredentials c = ClientCredentials.builder().clientId("id&x=1").clientSecret("a b&c=d+e")
                .scopes("api:read", "tasks/write").authMethod(ClientAuthMethod.CLIENT_SECRET_POST).build();
        assertEquals("grant_type=client_credentials&client_id=id%26x%3D1&client_secret=a+b%26c%3Dd%2Be"
                + "&scope=api%3Aread+tasks%2Fwrite", TokenEndpoint.formBody(c));
    }

    @Test
    void theDefaultTokenUrlIsTheOriginOfTheBaseUrl() {
        assertEquals("https://acme.example.com/oauth2/token",
                TokenEndpoint.defaultUrl(HttpUrl.get("https://acme.example.com/api/v1")).toString());
        assertEquals("http://127.0.0.1:8080/oauth2/token",
                TokenEndpoint.defaultUrl(HttpUrl.get("http://127.0.0.1:8080/api/v1/")).toString());
        assertEquals("https://acme.example.com:8443/oauth2/token",
                TokenEndpoint.defaultUrl(HttpUrl.get("https://acme.example.com:8443/")).toString());
    }

    // ------------------------------------------------------------------ success answers

    @Test
    void thePlatformsAnswer() {
        AccessToken t = endpoint(creds().build()).parse(200, null,
                "{\"access_token\": \"eyJ.abc\", \"expires_in\": 3599, \"token_type\": \"bearer\", \"scope\": \"write\"}");
        assertEquals("eyJ.abc", t.value());
        assertEquals(Duration.ofSeconds(3599), t.expiresIn());
        assertEquals("write", t.scope());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3599|3599", "\"3599\"|3599", "\" 3599 \"|3599", "3599.9|3599", "\"3599.5\"|3599", "0|0", "-5|-5",
            "1e3|1000", "99999999999999999999999|" + Long.MAX_VALUE})
    void expiresInIsANumberOrANumericString(String json, long seconds) {
        AccessToken t = endpoint(creds().build()).parse(200, null,
                "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":" + json + "}");
        assertEquals(Duration.ofSeconds(seconds), t.expiresIn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"soon\"", "\"\"", "true", "{}", "[3600]"})
    void anythingElseCountsAsNoExpiresIn(String json) {
        AccessToken t = endpoint(creds().build()).parse(200, null,
                "{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":" + json + "}");
        assertNull(t.expiresIn());
        assertNull(endpoint(creds().build()).parse(200, null, "{\"access_token\":\"tok-1\"}").expiresIn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "Bearer", "BEARER", " bearer "})
    void tokenTypeBearerInAnyCase(String type) {
        assertEquals("tok-1", endpoint(creds().build()).parse(200, null,
                "{\"access_token\":\"tok-1\",\"token_type\":\"" + type + "\"}").value());
    }

    @Test
    void aMissingTokenTypeIsTakenAsBearerAndUnknownFieldsAreIgnored() {
        AccessToken t = endpoint(creds().build()).parse(200, null, "{\"access_token\":\"tok-1\",\"expires_in\":60,"
                + "\"refresh_token\":null,\"ext\":{\"a\":[1,2]},\"id_token\":\"x\",\"scope\":[\"read\",\"write\"]}");
        assertEquals("tok-1", t.value());
        assertEquals("read write", t.scope());
    }

    @Test
    void anotherTokenTypeIsRefused() {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> endpoint(creds().build())
                .parse(200, null, "{\"access_token\":\"tok-1\",\"token_type\":\"DPoP\"}"));
        assertTrue(e.getMessage().contains("DPoP"), e.getMessage());
        assertEquals(200, e.statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<html>ok</html>", "[]", "{\"token\":\"tok-SECRETISH\"}", "{\"access_token\":\"\"}",
            "{\"access_token\":null}", "{\"access_token\":{\"v\":\"tok-SECRETISH\"}}", "{\"access_token\":\"tok-SECRETISH",
            "{\"access_token\":\"bad token\"}", "{\"access_token\":\"bad\\ntoken\"}"})
    void aSuccessWithoutAUsableTokenIsAnAuthenticationExceptionThatQuotesNothingOfTheBody(String body) {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> endpoint(creds().build()).parse(200, null, body));
        assertEquals(200, e.statusCode());
        assertNull(e.error());
        assertFalse(e.getMessage().contains("SECRETISH"), e.getMessage());
        assertFalse(e.getMessage().contains("bad"), e.getMessage());
    }

    // ------------------------------------------------------------------ error answers

    @ParameterizedTest
    @CsvSource({"invalid_request,400", "invalid_client,401", "invalid_grant,400", "unauthorized_client,400",
            "unsupported_grant_type,400", "invalid_scope,400"})
    void eachRfc6749ErrorKeepsItsCodeDescriptionAndStatus(String error, int status) {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> endpoint(creds().build())
                .parse(status, null, "{\"error\":\"" + error + "\",\"error_description\":\"why: " + error
                        + "\",\"error_uri\":\"https://docs.example.com/e\"}"));
        assertEquals(error, e.error());
        assertEquals("why: " + error, e.errorDescription());
        assertEquals(status, e.statusCode());
        assertTrue(e.getMessage().contains(error) && e.getMessage().contains("why: " + error), e.getMessage());
        assertTrue(e.getMessage().contains("https://acme.example.com/oauth2/token"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_client", "invalid_grant", "unauthorized_client", "invalid_scope"})
    void credentialErrorsNameTheMethodUsedAndHowToSwitch(String error) {
        AuthenticationException basic = assertThrows(AuthenticationException.class, () -> endpoint(creds().build())
                .parse(401, null, "{\"error\":\"" + error + "\"}"));
        assertTrue(basic.getMessage().contains("authenticated with client_secret_basic"), basic.getMessage());
        assertTrue(basic.getMessage().contains("authMethod(ClientAuthMethod.CLIENT_SECRET_POST)"), basic.getMessage());
        assertTrue(basic.getMessage().contains("'client-id'"), basic.getMessage());

        AuthenticationException post = assertThrows(AuthenticationException.class, () -> endpoint(creds()
                .authMethod(ClientAuthMethod.CLIENT_SECRET_POST).build()).parse(401, null, "{\"error\":\"" + error + "\"}"));
        assertTrue(post.getMessage().contains("authenticated with client_secret_post"), post.getMessage());
        assertTrue(post.getMessage().contains("authMethod(ClientAuthMethod.CLIENT_SECRET_BASIC)"), post.getMessage());
    }

    @Test
    void invalidScopeSaysWhichScopesWereRequested() {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> endpoint(creds()
                .scopes("read", "admin").build()).parse(400, null, "{\"error\":\"invalid_scope\"}"));
        assertTrue(e.getMessage().contains("[read, admin]"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "503|<html><body>Service Unavailable</body></html>|Service Unavailable",
            "500|upstream connect error|upstream connect error",
            "429|{\"message\":\"slow down\"}|slow down",
            "502||502",
            "404|{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}|Not Found"})
    void errorBodiesOfAnyOtherShapeAreReadWithoutFailing(int status, String body, String expected) {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> endpoint(creds().build()).parse(status, null, body));
        assertEquals(status, e.statusCode());
        assertNull(e.error());
        assertNull(e.errorDescription());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("authMethod("), "no credential hint for " + status);
    }

    @Test
    void aPlain401WithoutAnErrorCodeStillGetsTheHint() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> endpoint(creds().build()).parse(401, null, "Unauthorized"));
        assertTrue(e.getMessage().contains("client_secret_basic"), e.getMessage());
    }

    @Test
    void aLongBodyIsCutInTheMessage() {
        String body = "x".repeat(5000);
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> endpoint(creds().build()).parse(500, null, body));
        assertTrue(e.getMessage().length() < 600, e.getMessage().length() + "");
    }

    @Test
    void a200CarryingAnErrorIsAnError() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> endpoint(creds().build()).parse(200, null, "{\"error\":\"invalid_client\"}"));
        assertEquals("invalid_client", e.error());
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsReportedNotFollowed(int status) {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> endpoint(creds().build())
                .parse(status, "https://login.example.com/oauth2/token", ""));
        assertEquals(status, e.statusCode());
        assertTrue(e.getMessage().contains("https://login.example.com/oauth2/token"), e.getMessage());
        assertTrue(e.getMessage().contains("tokenUrl"), e.getMessage());
    }

    // ------------------------------------------------------------------ secrets

    @Test
    void noFormOfTheSecretEverReachesAMessage() {
        String secret = "p@ss wörd/SECRET=1";
        ClientCredentials c = ClientCredentials.builder().clientId("id").clientSecret(secret).build();
        TokenEndpoint ep = endpoint(c);
        List<String> forms = List.of(secret, TokenEndpoint.formEncode(secret), TokenEndpoint.basicCredential("id", secret));
        String echo = String.join(" | ", forms);
        List<AuthenticationException> all = List.of(
                assertThrows(AuthenticationException.class, () -> ep.parse(401, null,
                        "{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + echo + "\"}")),
                assertThrows(AuthenticationException.class, () -> ep.parse(401, null,
                        "{\"error\":\"" + echo + "\"}")),
                assertThrows(AuthenticationException.class, () -> ep.parse(500, null, "echo: " + echo)),
                assertThrows(AuthenticationException.class, () -> ep.parse(307, "https://x.example.com/?s=" + echo, "")),
                assertThrows(AuthenticationException.class, () -> ep.parse(200, null,
                        "{\"access_token\":\"t\",\"token_type\":\"" + echo + "\"}")),
                ep.transportFailure(new ConnectException("refused " + echo)));
        for (AuthenticationException e : all) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String text = t + " " + t.getMessage();
                for (String form : forms) {
                    assertFalse(text.contains(form), "leaked " + form + " in " + text);
                }
            }
            for (String form : forms) {
                assertFalse(String.valueOf(e.error()).contains(form));
                assertFalse(String.valueOf(e.errorDescription()).contains(form));
            }
        }
        assertFalse(ep.toString().contains(secret), ep.toString());
        assertFalse(new ClientCredentialsAuthenticator(ep, new TokenCache(new TestClock(), () -> null,
                Duration.ZERO)).toString().contains(secret));
    }

    @Test
    void transportFailuresHaveNoStatusAndKeepTheCause() {
        IOException io = new ConnectException("Connection refused");
        AuthenticationException e = endpoint(creds().build()).transportFailure(io);
        assertEquals(0, e.statusCode());
        assertNull(e.error());
        assertTrue(e.getMessage().contains("could not reach the token endpoint https://acme.example.com/oauth2/token"));
        assertTrue(e.getMessage().contains("Connection refused"));
        assertEquals(io, e.getCause(), "kept as is when it holds no secret");
    }
}
