package io.flowsdk.client;

import io.flowsdk.client.auth.ClientAuthMethod;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.internal.auth.ClientCredentialsAuthenticator;
import io.flowsdk.client.internal.auth.StaticTokenAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** FlowsClient.fromEnvironment on given maps: every valid and invalid combination, the real environment untouched. */
class FromEnvironmentTest {
    static final String BASE = "https://acme.example.com/api/v1";
    static final String TOKEN = "env-TOKEN-31337";
    static final String SECRET = "env-SECRET-4242";

    private final Map<String, String> env = new HashMap<>();
    private final Properties props = new Properties();

    private FlowsClient build() {
        return FlowsClient.fromEnvironment(env, props);
    }

    private IllegalStateException problems() {
        IllegalStateException e = assertThrows(IllegalStateException.class, this::build);
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getMessage().contains("Settings are read from Java system properties (flows.baseUrl"),
                "the message says where settings are looked for, in order: " + e.getMessage());
        return e;
    }

    private static int problemCount(IllegalStateException e) {
        return (int) e.getMessage().lines().filter(l -> l.startsWith("  - ")).count();
    }

    private static ClientCredentials credentialsOf(FlowsClient c) {
        return assertInstanceOf(ClientCredentialsAuthenticator.class, c.authenticator()).endpoint().credentials();
    }

    // ------------------------------------------------------------------ valid

    @Test
    void baseUrlAndToken() {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_TOKEN", TOKEN);
        try (FlowsClient c = build()) {
            assertEquals(BASE, c.baseUrl());
            assertEquals(TOKEN, assertInstanceOf(StaticTokenAuthenticator.class, c.authenticator()).token());
            assertFalse(c.toString().contains(TOKEN));
        }
    }

    @Test
    void baseUrlAndClientCredentials() {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_CLIENT_ID", "client-id");
        env.put("FLOWS_CLIENT_SECRET", SECRET);
        try (FlowsClient c = build()) {
            ClientCredentials cc = credentialsOf(c);
            assertEquals("client-id", cc.clientId());
            assertEquals(SECRET, cc.clientSecret());
            assertEquals(List.of(), cc.scopes());
            assertEquals(ClientAuthMethod.CLIENT_SECRET_BASIC, cc.authMethod());
            assertEquals("https://acme.example.com/oauth2/token",
                    ((ClientCredentialsAuthenticator) c.authenticator()).endpoint().url().toString());
            assertFalse(c.toString().contains(SECRET), c.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"read write", "read,write", " read , write ", "read\twrite\n", "read,,write", "read write read"})
    void scopesAreSpaceOrCommaSeparated(String scopes) {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_CLIENT_ID", "client-id");
        env.put("FLOWS_CLIENT_SECRET", SECRET);
        env.put("FLOWS_SCOPES", scopes);
        try (FlowsClient c = build()) {
            assertEquals(List.of("read", "write"), credentialsOf(c).scopes());
        }
    }

    @Test
    void tokenUrl() {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_CLIENT_ID", "client-id");
        env.put("FLOWS_CLIENT_SECRET", SECRET);
        env.put("FLOWS_TOKEN_URL", "https://login.acme.example.com/oauth2/token");
        try (FlowsClient c = build()) {
            assertEquals("https://login.acme.example.com/oauth2/token",
                    ((ClientCredentialsAuthenticator) c.authenticator()).endpoint().url().toString());
        }
    }

    @ParameterizedTest
    @CsvSource({"30,PT30S", "2.5,PT2.5S", "PT1M,PT1M", "pt10s,PT10S", "0.001,PT0.001S", "' 45 ',PT45S"})
    void timeoutInSecondsOrIso8601(String value, String expected) {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_TOKEN", TOKEN);
        env.put("FLOWS_TIMEOUT", value);
        try (FlowsClient c = build()) {
            assertTrue(c.toString().contains("timeout=" + expected), c.toString());
        }
    }

    @Test
    void everySystemPropertyOverridesItsVariable() {
        env.put("FLOWS_BASE_URL", "https://env.example.com/api/v1");
        env.put("FLOWS_CLIENT_ID", "env-id");
        env.put("FLOWS_CLIENT_SECRET", "env-secret");
        env.put("FLOWS_SCOPES", "env");
        env.put("FLOWS_TOKEN_URL", "https://env.example.com/token");
        env.put("FLOWS_TIMEOUT", "5");
        props.setProperty("flows.baseUrl", BASE);
        props.setProperty("flows.clientId", "prop-id");
        props.setProperty("flows.clientSecret", SECRET);
        props.setProperty("flows.scopes", "prop");
        props.setProperty("flows.tokenUrl", "https://prop.example.com/token");
        props.setProperty("flows.timeout", "7");
        try (FlowsClient c = build()) {
            ClientCredentials cc = credentialsOf(c);
            assertEquals(BASE, c.baseUrl());
            assertEquals("prop-id", cc.clientId());
            assertEquals(SECRET, cc.clientSecret());
            assertEquals(List.of("prop"), cc.scopes());
            assertEquals("https://prop.example.com/token", cc.tokenUrl());
            assertTrue(c.toString().contains("timeout=PT7S"), c.toString());
        }
    }

    @Test
    void aPropertyAloneIsEnough() {
        props.setProperty("flows.baseUrl", BASE);
        props.setProperty("flows.token", TOKEN);
        try (FlowsClient c = build()) {
            assertInstanceOf(StaticTokenAuthenticator.class, c.authenticator());
        }
    }

    @Test
    void anEmptyPropertyHidesItsVariable() {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_TOKEN", TOKEN);
        env.put("FLOWS_CLIENT_ID", "client-id");
        env.put("FLOWS_CLIENT_SECRET", SECRET);
        props.setProperty("flows.token", "");
        try (FlowsClient c = build()) {
            assertEquals("client-id", credentialsOf(c).clientId());
        }
    }

    @Test
    void emptyVariablesCountAsUnsetAndWhitespaceIsIgnored() {
        env.put("FLOWS_BASE_URL", "  " + BASE + "\n");
        env.put("FLOWS_TOKEN", TOKEN + "\n");
        env.put("FLOWS_CLIENT_ID", "");
        env.put("FLOWS_CLIENT_SECRET", "   ");
        env.put("FLOWS_SCOPES", "");
        env.put("FLOWS_TIMEOUT", " ");
        try (FlowsClient c = build()) {
            assertEquals(BASE, c.baseUrl());
            assertEquals(TOKEN, c.authenticator().token());
        }
    }

    @Test
    void theBuilderFormLeavesTheRestToCustomise() {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_CLIENT_ID", "client-id");
        env.put("FLOWS_CLIENT_SECRET", SECRET);
        try (FlowsClient c = FlowsClient.builder().userAgent("app/1").fromEnvironment(env, props)
                .retryPolicy(RetryPolicy.none()).build()) {
            assertTrue(c.userAgent().endsWith(" app/1"));
            assertTrue(c.toString().contains("maxAttempts=1"), c.toString());
            assertEquals("client-id", credentialsOf(c).clientId());
        }
    }

    @Test
    void theBuilderFormCountsAsSettingTheAuthentication() {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_TOKEN", TOKEN);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FlowsClient.builder()
                .fromEnvironment(env, props).tokenProvider(() -> "other").build());
        assertTrue(e.getMessage().contains("bearerToken (from fromEnvironment(): environment variable FLOWS_TOKEN)")
                && e.getMessage().contains("tokenProvider"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void theHttpsRuleOfTheBuilderApplies() {
        env.put("FLOWS_BASE_URL", "http://acme.example.com/api/v1");
        env.put("FLOWS_TOKEN", TOKEN);
        assertTrue(assertThrows(IllegalArgumentException.class, this::build).getMessage().contains("allowInsecureHttp"));
        FlowsClient.builder().fromEnvironment(env, props).allowInsecureHttp().build().close();
    }

    @Test
    void theRealEnvironmentIsReadByTheNoArgumentForms() {
        assumeTrue(System.getenv("FLOWS_BASE_URL") == null && System.getProperty("flows.baseUrl") == null);
        IllegalStateException e = assertThrows(IllegalStateException.class, FlowsClient::fromEnvironment);
        assertTrue(e.getMessage().contains("FLOWS_BASE_URL (or flows.baseUrl) is not set"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> FlowsClient.builder().fromEnvironment());
    }

    // ------------------------------------------------------------------ invalid

    @Test
    void nothingSetListsBothProblems() {
        IllegalStateException e = problems();
        assertEquals(2, problemCount(e), e.getMessage());
        assertTrue(e.getMessage().contains("FLOWS_BASE_URL (or flows.baseUrl) is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("no credentials: set FLOWS_TOKEN (or flows.token), or FLOWS_CLIENT_ID "
                + "(or flows.clientId) and FLOWS_CLIENT_SECRET (or flows.clientSecret)"), e.getMessage());
    }

    @Test
    void baseUrlIsRequired() {
        env.put("FLOWS_TOKEN", TOKEN);
        IllegalStateException e = problems();
        assertEquals(1, problemCount(e), e.getMessage());
    }

    @Test
    void credentialsAreRequired() {
        env.put("FLOWS_BASE_URL", BASE);
        assertEquals(1, problemCount(problems()));
    }

    @ParameterizedTest
    @CsvSource({"FLOWS_CLIENT_ID,client-id", "FLOWS_CLIENT_SECRET," + SECRET})
    void aTokenAndClientCredentialsContradictEachOther(String name, String value) {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_TOKEN", TOKEN);
        env.put(name, value);
        IllegalStateException e = problems();
        assertTrue(e.getMessage().contains("both a bearer token (environment variable FLOWS_TOKEN) and client "
                + "credentials (environment variable " + name + ")"), e.getMessage());
    }

    @Test
    void aTokenFromAPropertyAndCredentialsFromTheEnvironmentContradictToo() {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_CLIENT_ID", "client-id");
        env.put("FLOWS_CLIENT_SECRET", SECRET);
        props.setProperty("flows.token", TOKEN);
        assertTrue(problems().getMessage().contains("system property flows.token"));
    }

    @Test
    void anIdNeedsASecretAndASecretNeedsAnId() {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_CLIENT_ID", "client-id");
        assertTrue(problems().getMessage().contains("environment variable FLOWS_CLIENT_ID is set but "
                + "FLOWS_CLIENT_SECRET (or flows.clientSecret) is not"));
        env.remove("FLOWS_CLIENT_ID");
        props.setProperty("flows.clientSecret", SECRET);
        assertTrue(problems().getMessage().contains("system property flows.clientSecret is set but FLOWS_CLIENT_ID "
                + "(or flows.clientId) is not"));
    }

    @ParameterizedTest
    @CsvSource({"FLOWS_SCOPES,read", "FLOWS_TOKEN_URL,https://login.acme.example.com/oauth2/token"})
    void scopesAndTokenUrlNeedClientCredentials(String name, String value) {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_TOKEN", TOKEN);
        env.put(name, value);
        IllegalStateException e = problems();
        assertTrue(e.getMessage().contains("environment variable " + name + " applies to client credentials only"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.example.com/api/v1", "ftp://acme.example.com/api", "not a url"})
    void aMalformedBaseUrl(String value) {
        env.put("FLOWS_BASE_URL", value);
        env.put("FLOWS_TOKEN", TOKEN);
        assertTrue(problems().getMessage().contains("environment variable FLOWS_BASE_URL is not an absolute http or "
                + "https URL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-5", "PT0S", "PT-1S", "30s", "P", "1e999999999", "1e99999999", "9223372037"})
    void aMalformedOrNonPositiveTimeout(String value) {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_TOKEN", TOKEN);
        env.put("FLOWS_TIMEOUT", value);
        IllegalStateException e = problems();
        assertEquals(1, problemCount(e), e.getMessage());
        assertTrue(e.getMessage().contains("environment variable FLOWS_TIMEOUT is '" + value + "'"), e.getMessage());
    }

    @Test
    void unusableCredentialValuesAreReportedWithoutQuotingSecrets() {
        env.put("FLOWS_BASE_URL", BASE);
        props.setProperty("flows.clientId", "client\u0001id");
        props.setProperty("flows.clientSecret", SECRET + "\u0000");
        env.put("FLOWS_SCOPES", "read \"admin\"");
        env.put("FLOWS_TOKEN_URL", "not a url");
        IllegalStateException e = problems();
        assertEquals(4, problemCount(e), e.getMessage());
        assertTrue(e.getMessage().contains("system property flows.clientId: clientId must not contain control"));
        assertTrue(e.getMessage().contains("system property flows.clientSecret: clientSecret must not contain control"));
        assertTrue(e.getMessage().contains("environment variable FLOWS_SCOPES: scope '\"admin\"'"), e.getMessage());
        assertTrue(e.getMessage().contains("environment variable FLOWS_TOKEN_URL: tokenUrl must be"), e.getMessage());
    }

    @Test
    void anUnsendableTokenIsReportedWithoutQuotingIt() {
        env.put("FLOWS_BASE_URL", BASE);
        env.put("FLOWS_TOKEN", TOKEN + "\r\nX-Evil: 1");
        assertTrue(problems().getMessage().contains("environment variable FLOWS_TOKEN contains a character not "
                + "allowed in an HTTP header"));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        env.put("FLOWS_BASE_URL", "nope");
        env.put("FLOWS_TOKEN", TOKEN);
        env.put("FLOWS_SCOPES", "read");
        env.put("FLOWS_TOKEN_URL", "https://login.acme.example.com/oauth2/token");
        env.put("FLOWS_TIMEOUT", "soon");
        IllegalStateException e = problems();
        assertEquals(4, problemCount(e), e.getMessage());
    }
}
