package io.flowsdk.client.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCredentialsTest {
    static final String SECRET = "cs-SECRET-9876";

    @Test
    void defaults() {
        ClientCredentials c = ClientCredentials.builder().clientId("client-id").clientSecret(SECRET).build();
        assertEquals("client-id", c.clientId());
        assertEquals(SECRET, c.clientSecret());
        assertEquals(List.of(), c.scopes());
        assertNull(c.tokenUrl());
        assertEquals(ClientAuthMethod.CLIENT_SECRET_BASIC, c.authMethod());
        assertEquals(Duration.ofSeconds(60), c.refreshBefore());
        assertEquals(ClientCredentials.DEFAULT_REFRESH_BEFORE, c.refreshBefore());
    }

    @Test
    void everySetting() {
        ClientCredentials c = ClientCredentials.builder().clientId("client-id").clientSecret(SECRET)
                .scopes("read", "write", "read")
                .tokenUrl(" https://login.acme.example.com/oauth2/token ")
                .authMethod(ClientAuthMethod.CLIENT_SECRET_POST)
                .refreshBefore(Duration.ofMinutes(2))
                .build();
        assertEquals(List.of("read", "write"), c.scopes(), "in order, duplicates dropped");
        assertEquals("https://login.acme.example.com/oauth2/token", c.tokenUrl());
        assertEquals(ClientAuthMethod.CLIENT_SECRET_POST, c.authMethod());
        assertEquals(Duration.ofMinutes(2), c.refreshBefore());
        assertEquals(c, c.toBuilder().build());
        assertEquals(c.hashCode(), c.toBuilder().build().hashCode());
        assertNotEquals(c, c.toBuilder().scopes("read").build());
        assertEquals(List.of(), c.toBuilder().scopes().build().scopes(), "scopes() replaces");
    }

    @Test
    void immutable() {
        ClientCredentials c = ClientCredentials.builder().clientId("id").clientSecret(SECRET).scopes("read").build();
        assertThrows(UnsupportedOperationException.class, () -> c.scopes().add("admin"));
        ClientCredentials.Builder b = c.toBuilder();
        b.scopes("admin");
        assertEquals(List.of("read"), c.scopes());
    }

    @Test
    void toStringMasksTheSecret() {
        ClientCredentials c = ClientCredentials.builder().clientId("client-id").clientSecret(SECRET).scopes("read").build();
        String s = c.toString();
        assertFalse(s.contains(SECRET), s);
        assertTrue(s.contains("client-id") && s.contains("read") && s.contains("client_secret_basic"), s);
        assertFalse(c.toBuilder().toString().contains(SECRET));
    }

    @Test
    void idAndSecretAreRequired() {
        assertThrows(IllegalStateException.class, () -> ClientCredentials.builder().build());
        assertTrue(assertThrows(IllegalStateException.class, () -> ClientCredentials.builder().clientId("id").build())
                .getMessage().contains("clientSecret"));
        assertTrue(assertThrows(IllegalStateException.class, () -> ClientCredentials.builder().clientSecret(SECRET)
                .build()).getMessage().contains("clientId"));
        assertThrows(NullPointerException.class, () -> ClientCredentials.builder().clientId(null));
        assertThrows(NullPointerException.class, () -> ClientCredentials.builder().clientSecret(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "cs-SECRET-9876\n", "cs-SECRET\r\n9876", "cs-SECRET-9876\u0000"})
    void unusableSecretsAreRefusedWithoutQuotingThem(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientCredentials.builder().clientSecret(bad));
        assertFalse(e.getMessage().contains("cs-SECRET"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClientCredentials.builder().clientId(bad));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "read write", "a\"b", "a\\b", "r\u00e9ad", "read\n"})
    void scopesMustBeScopeTokens(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientCredentials.builder().scopes("ok", bad));
        assertTrue(e.getMessage().contains("scope"), e.getMessage());
        assertThrows(NullPointerException.class, () -> ClientCredentials.builder().scopes((String) null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api:read", "tasks/write", "https://acme.example.com/.default", "!#[]~"})
    void anyPrintableScopeTokenIsAccepted(String scope) {
        assertEquals(List.of(scope), ClientCredentials.builder().clientId("i").clientSecret("s").scopes(scope).build()
                .scopes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://x.example.com/token", "/oauth2/token",
            "https://acme.example.com/oauth2/token#frag", "https://user:pw@acme.example.com/oauth2/token"})
    void tokenUrlMustBeAnAbsoluteHttpUrlWithoutFragmentOrUserInfo(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientCredentials.builder().tokenUrl(bad));
        assertFalse(e.getMessage().contains("pw@"), e.getMessage());
    }

    @Test
    void aTokenUrlMayHaveAQuery() {
        assertEquals("https://acme.example.com/token?tenant=t1", ClientCredentials.builder().clientId("i")
                .clientSecret("s").tokenUrl("https://acme.example.com/token?tenant=t1").build().tokenUrl());
    }

    @Test
    void refreshBeforeMustNotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> ClientCredentials.builder().refreshBefore(Duration.ofSeconds(-1)));
        assertEquals(Duration.ZERO, ClientCredentials.builder().clientId("i").clientSecret("s")
                .refreshBefore(Duration.ZERO).build().refreshBefore());
        assertThrows(NullPointerException.class, () -> ClientCredentials.builder().authMethod(null));
    }

    @Test
    void authMethodWireNames() {
        assertEquals("client_secret_basic", ClientAuthMethod.CLIENT_SECRET_BASIC.wireName());
        assertEquals("client_secret_post", ClientAuthMethod.CLIENT_SECRET_POST.wireName());
    }
}
