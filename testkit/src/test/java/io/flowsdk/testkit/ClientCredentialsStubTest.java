package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.auth.ClientAuthMethod;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.error.UnauthorizedException;
import io.flowsdk.client.model.Task;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stub's token endpoint over HTTP, and the SDK authenticating against it with client credentials. */
class ClientCredentialsStubTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static FlowsStub stub;

    @BeforeAll
    static void start() {
        stub = new FlowsStub();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void reset() {
        stub.reset();
    }

    static HttpResponse<String> tokenRequest(String authorization, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stub.tokenUrl())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> api(String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/flows/tasks")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    static String issue() throws IOException, InterruptedException {
        HttpResponse<String> r = tokenRequest(basic(FlowsStub.DEFAULT_CLIENT_ID, FlowsStub.DEFAULT_CLIENT_SECRET),
                "grant_type=client_credentials");
        assertEquals(200, r.statusCode(), r.body());
        return json(r).get("access_token").getAsString();
    }

    // ------------------------------------------------------------------ over HTTP

    @Test
    void theTokenEndpointIsAtTheStubsOrigin() {
        assertEquals(stub.baseUrl().replace("/api/v1", "/oauth2/token"), stub.tokenUrl());
    }

    @Test
    void bothAuthenticationMethodsGetATokenThatTheApiAccepts() throws Exception {
        HttpResponse<String> viaBasic = tokenRequest(basic(FlowsStub.DEFAULT_CLIENT_ID, FlowsStub.DEFAULT_CLIENT_SECRET),
                "grant_type=client_credentials&scope=read");
        assertEquals(200, viaBasic.statusCode(), viaBasic.body());
        assertEquals("application/json", viaBasic.headers().firstValue("Content-Type").orElse(null));
        assertEquals("read", json(viaBasic).get("scope").getAsString());
        assertEquals(3600, json(viaBasic).get("expires_in").getAsLong());

        HttpResponse<String> viaPost = tokenRequest(null, "grant_type=client_credentials&client_id="
                + FlowsStub.DEFAULT_CLIENT_ID + "&client_secret=" + FlowsStub.DEFAULT_CLIENT_SECRET);
        assertEquals(200, viaPost.statusCode(), viaPost.body());

        assertEquals(200, api(json(viaBasic).get("access_token").getAsString()).statusCode());
        assertEquals(200, api(json(viaPost).get("access_token").getAsString()).statusCode());
        assertEquals(2, stub.requestCount(Endpoint.TOKEN));
        assertEquals(2, stub.requestCount(Endpoint.LIST_TASKS));
        RecordedRequest recorded = stub.requests(Endpoint.TOKEN).get(0);
        assertEquals("/oauth2/token", recorded.path());
        assertEquals("grant_type=client_credentials&scope=read", recorded.body());
    }

    @Test
    void errorsAreRfc6749Answers() throws Exception {
        stub.registerClient("svc", "svc-secret", "read");
        HttpResponse<String> wrongSecret = tokenRequest(basic("svc", "nope"), "grant_type=client_credentials");
        assertEquals(401, wrongSecret.statusCode());
        assertEquals("invalid_client", json(wrongSecret).get("error").getAsString());
        assertEquals("invalid_scope", json(tokenRequest(basic("svc", "svc-secret"),
                "grant_type=client_credentials&scope=write")).get("error").getAsString());
        assertEquals("unsupported_grant_type", json(tokenRequest(basic("svc", "svc-secret"),
                "grant_type=authorization_code&code=x")).get("error").getAsString());
        assertEquals("invalid_request", json(tokenRequest(basic("svc", "svc-secret"), "scope=read"))
                .get("error").getAsString());
    }

    @Test
    void expiredAndRevokedTokensGetInvalidToken() throws Exception {
        stub.clock().set(Instant.parse("2026-01-01T00:00:00Z"));
        stub.tokenLifetime(Duration.ofMinutes(10));
        String token = issue();
        stub.clock().advance(Duration.ofMinutes(10).minusSeconds(1));
        assertEquals(200, api(token).statusCode());
        stub.clock().advance(Duration.ofSeconds(1));
        HttpResponse<String> expired = api(token);
        assertEquals(401, expired.statusCode());
        assertTrue(expired.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer error=\"invalid_token\""));

        String fresh = issue();
        assertEquals(200, api(fresh).statusCode());
        stub.revokeTokens();
        HttpResponse<String> revoked = api(fresh);
        assertEquals(401, revoked.statusCode());
        assertTrue(revoked.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        assertEquals(200, api(issue()).statusCode(), "tokens issued after the revocation are valid");
        assertEquals(200, api(stub.token()).statusCode(), "the fixed token keeps working");
    }

    @Test
    void faultsCanBeInjectedIntoTheTokenEndpoint() throws Exception {
        stub.inject(Endpoint.TOKEN, Fault.status(503));
        assertEquals(503, tokenRequest(basic(FlowsStub.DEFAULT_CLIENT_ID, FlowsStub.DEFAULT_CLIENT_SECRET),
                "grant_type=client_credentials").statusCode());
        issue();
        assertEquals(2, stub.requestCount(Endpoint.TOKEN));
    }

    @Test
    void resetRestoresTheDefaultClientAndLifetime() throws Exception {
        stub.registerClient("svc", "svc-secret");
        stub.tokenLifetime(Duration.ofSeconds(30));
        String before = issue();
        stub.reset();
        assertEquals(401, tokenRequest(basic("svc", "svc-secret"), "grant_type=client_credentials").statusCode());
        assertEquals(1, stub.requestCount(Endpoint.TOKEN), "the reset cleared the journal: only the refused request since");
        assertEquals(3600, json(tokenRequest(basic(FlowsStub.DEFAULT_CLIENT_ID, FlowsStub.DEFAULT_CLIENT_SECRET),
                "grant_type=client_credentials")).get("expires_in").getAsLong());
        assertEquals(200, api(before).statusCode(), "a token issued before the reset outlives it");
    }

    // ------------------------------------------------------------------ the SDK against it

    @Test
    void theCredentialsClientFetchesOneTokenForManyCalls() {
        FlowsClient c = stub.clientWithCredentials();
        assertSame(c, stub.clientWithCredentials());
        Task created = c.tasks().create(new Task().displayName("Approve"));
        c.tasks().get(created.getId());
        c.tasks().list().toList();
        assertEquals(1, stub.requestCount(Endpoint.TOKEN));
        String auth = stub.requests(Endpoint.GET_TASK).get(0).headers().get("Authorization").get(0);
        assertTrue(auth.startsWith("Bearer testkit-at-"), auth);
        assertNotSame(stub.client(), c);
    }

    @Test
    void aRegisteredClientWithScopesAndEitherMethod() {
        stub.registerClient("svc", "svc-secret", "read", "write");
        for (ClientAuthMethod method : ClientAuthMethod.values()) {
            FlowsClient c = stub.clientWithCredentials(ClientCredentials.builder().clientId("svc")
                    .clientSecret("svc-secret").scopes("read").authMethod(method).build(), b -> {});
            c.tasks().list().firstPage();
        }
        assertEquals(2, stub.requestCount(Endpoint.TOKEN));
        assertTrue(stub.requests(Endpoint.TOKEN).get(0).headers().containsKey("Authorization"));
        assertFalse(stub.requests(Endpoint.TOKEN).get(1).headers().containsKey("Authorization"));
        assertTrue(stub.requests(Endpoint.TOKEN).get(1).body().contains("client_secret=svc-secret"));
    }

    @Test
    void aCustomizerThatSetsAuthenticationConflicts() {
        assertThrows(IllegalStateException.class, () -> stub.clientWithCredentials(b -> b.bearerToken(stub.token())));
    }

    @Test
    void theSdkReportsTheStubsErrorsAsAuthenticationExceptions() {
        FlowsClient wrong = stub.clientWithCredentials(ClientCredentials.builder().clientId(FlowsStub.DEFAULT_CLIENT_ID)
                .clientSecret("nope").build(), b -> {});
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.tasks().list().firstPage());
        assertEquals("invalid_client", e.error());
        assertEquals(401, e.statusCode());
        assertFalse(e.getMessage().contains("nope"), e.getMessage());

        FlowsClient scoped = stub.clientWithCredentials(ClientCredentials.builder().clientId(FlowsStub.DEFAULT_CLIENT_ID)
                .clientSecret(FlowsStub.DEFAULT_CLIENT_SECRET).scopes("admin").build(), b -> {});
        e = assertThrows(AuthenticationException.class, () -> scoped.tasks().list().firstPage());
        assertEquals("invalid_scope", e.error());
        assertEquals(0, stub.requestCount(Endpoint.LIST_TASKS));
    }

    @Test
    void aRevokedOrExpiredTokenIsReplacedTransparently() {
        FlowsClient c = stub.clientWithCredentials(b -> b.retryPolicy(RetryPolicy.none()));
        c.tasks().list().firstPage();
        stub.revokeTokens();
        c.tasks().list().firstPage();
        stub.clock().advance(Duration.ofHours(2));
        c.tasks().list().firstPage();
        assertEquals(3, stub.requestCount(Endpoint.TOKEN));
    }

    @Test
    void aTokenEndpoint503IsRetried() {
        FlowsClient c = stub.clientWithCredentials(b -> {});
        stub.inject(Endpoint.TOKEN, Fault.status(503));
        c.tasks().list().firstPage();
        assertEquals(2, stub.requestCount(Endpoint.TOKEN));
    }

    // ------------------------------------------------------------------ the extension

    @Nested
    @ExtendWith(FlowsStubExtension.class)
    class Injected {
        @Test
        void anAnnotatedClientParameterAuthenticatesWithClientCredentials(FlowsStub injected,
                @WithClientCredentials FlowsClient client, FlowsClient plain) {
            assertSame(injected.clientWithCredentials(), client);
            assertSame(injected.client(), plain);
            client.tasks().list().firstPage();
            plain.tasks().list().firstPage();
            assertEquals(1, injected.requestCount(Endpoint.TOKEN));
        }
    }
}
