package io.flowsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowsdk.client.FlowsClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every invalid combination fails startup with an analysis that names the property and the fix,
 * and never shows a token or a secret.
 */
class FlowsFailureAnalysisTest {
    private static final String SECRET = "s3cr3t-Value";
    private static final String TOKEN = "t0k3n-Value";
    private static final String HTTPS = "flows.base-url=https://flows.example.test/api/v1";

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.client-id=app",
                        "flows.client-secret=" + SECRET}, "flows.token is set together with client credentials",
                        "remove flows.token to use client credentials"),
                Arguments.of(new String[] {HTTPS, "flows.client-id=app"},
                        "flows.client-secret is missing while flows.client-id is set", "set flows.client-secret too"),
                Arguments.of(new String[] {HTTPS, "flows.client-secret=" + SECRET},
                        "flows.client-id is missing while flows.client-secret is set", "set flows.client-id too"),
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.scopes=read"},
                        "flows.scopes is set, but it is used only with client credentials",
                        "or remove flows.scopes"),
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.token-url=https://idp.test/token"},
                        "flows.token-url is set, but it is used only with client credentials",
                        "or remove flows.token-url"),
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.auth-method=client-secret-post"},
                        "flows.auth-method is set, but it is used only with client credentials",
                        "or remove flows.auth-method"),
                Arguments.of(new String[] {"flows.base-url=http://flows.example.test/api/v1", "flows.token=" + TOKEN},
                        "flows.base-url uses plain http for the non-loopback host flows.example.test",
                        "use https, or set flows.allow-insecure-http=true"),
                Arguments.of(new String[] {HTTPS, "flows.client-id=app", "flows.client-secret=" + SECRET,
                        "flows.token-url=http://idp.example.test/token"},
                        "flows.token-url uses plain http for the non-loopback host idp.example.test: the client "
                                + "secret would travel unencrypted", "use https"),
                Arguments.of(new String[] {"flows.base-url=flows.example.test/api", "flows.token=" + TOKEN},
                        "flows.base-url is not an absolute http or https URL", "set an absolute https URL"),
                Arguments.of(new String[] {"flows.base-url=https://app:" + SECRET + "@flows.example.test/api",
                        "flows.token=" + TOKEN}, "flows.base-url carries user info", "remove it from the URL"),
                Arguments.of(new String[] {"flows.base-url=https://flows.example.test/api?x=1", "flows.token=" + TOKEN},
                        "flows.base-url carries a query", "remove the part after ? or #"),
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.timeout=0s"},
                        "flows.timeout must be positive, was 0s", "set a duration above zero"),
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.total-timeout=-5s"},
                        "flows.total-timeout must be positive, was -5s", "set a duration above zero"),
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.retry.max-attempts=0"},
                        "flows.retry.max-attempts must be at least 1, was 0", "set 1 for no retries"),
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.retry.initial-backoff=5s"},
                        "flows.retry.initial-backoff (5s) exceeds flows.retry.max-backoff (2s, the default)",
                        "make flows.retry.initial-backoff at most flows.retry.max-backoff"),
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.retry.max-backoff=-1s"},
                        "flows.retry.max-backoff must not be negative, was -1s", "set zero or more"),
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.retry.max-retry-after=-1s"},
                        "flows.retry.max-retry-after must not be negative", "set zero or more"),
                Arguments.of(new String[] {HTTPS, "flows.client-id=app", "flows.client-secret=" + SECRET,
                        "flows.token-refresh-before=-1m"}, "flows.token-refresh-before must not be negative",
                        "set zero or more"),
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.max-response-size=10B"},
                        "flows.max-response-size must be at least 1KB, was 10B", "set a size of 1KB or more"),
                Arguments.of(new String[] {HTTPS, "flows.token=" + TOKEN, "flows.user-agent=app/1 \u00e9t\u00e9"},
                        "flows.user-agent must be printable ASCII", "use printable ASCII only"),
                Arguments.of(new String[] {HTTPS, "flows.token=Bearer " + TOKEN + "\u0001"}, "flows.token ",
                        "set the token alone"),
                Arguments.of(new String[] {HTTPS, "flows.client-id=app", "flows.client-secret=" + SECRET,
                        "flows.scopes=read,\"write\""}, "flows.scopes '\"write\"' has a character not allowed",
                        "list scope tokens such as read,write"),
                Arguments.of(new String[] {HTTPS},
                        "flows.token is not set, nor flows.client-id and flows.client-secret",
                        "set flows.token, or flows.client-id and flows.client-secret, or define a "
                                + "FlowsClientBuilderCustomizer bean"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void failsStartupWithAnAnalysisThatSaysWhatToFix(String[] properties, String problem, String fix) {
        Contexts.runner().withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new FlowsPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
            assertThat(analysis.getDescription()).contains(problem);
            assertThat(analysis.getAction()).contains(fix);
            assertNoSecret(analysis);
        });
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Contexts.runner().withPropertyValues(HTTPS, "flows.client-id=app", "flows.timeout=0s",
                "flows.retry.max-attempts=0", "flows.user-agent=\u00e9").run(context -> {
            FailureAnalysis analysis = new FlowsPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("flows.client-secret is missing")
                    .contains("flows.timeout must be positive").contains("flows.retry.max-attempts must be at least 1")
                    .contains("flows.user-agent must be printable ASCII");
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidFlowsPropertiesException.class);
            assertThat(((InvalidFlowsPropertiesException) rootCause(context.getStartupFailure())).problems())
                    .hasSize(4);
        });
    }

    @Test
    void aCustomizerThatAuthenticatesBesideTheProperties() {
        Contexts.runner().withPropertyValues(HTTPS, "flows.token=" + TOKEN)
                .withBean(FlowsClientBuilderCustomizer.class, () -> b -> b.tokenProvider(() -> TOKEN)).run(context -> {
                    FailureAnalysis analysis = new FlowsPropertiesFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("authentication is set twice");
                    assertThat(analysis.getAction()).contains("either the flows.* properties or a "
                            + "FlowsClientBuilderCustomizer, not both");
                    assertNoSecret(analysis);
                });
    }

    @Test
    void bindFailuresOfFlowsPropertiesSayWhatFormsAreAccepted() {
        ApplicationContextRunner runner = Contexts.runner().withPropertyValues(HTTPS, "flows.token=" + TOKEN);
        runner.withPropertyValues("flows.timeout=5 minutes").run(context -> {
            FailureAnalysis analysis = new FlowsBindFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("flows.timeout = \"5 minutes\"")
                    .contains("is not a duration such as 500ms, 30s, 2m or PT30S");
            assertThat(analysis.getAction()).contains("set flows.timeout to a duration");
        });
        runner.withPropertyValues("flows.auth-method=basic").run(context -> assertThat(
                new FlowsBindFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                .contains("flows.auth-method = \"basic\"").contains("client-secret-basic, client-secret-post"));
        runner.withPropertyValues("flows.retry.max-attempts=three").run(context -> assertThat(
                new FlowsBindFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                .contains("flows.retry.max-attempts = \"three\"").contains("a whole number"));
        runner.withPropertyValues("flows.max-response-size=lots").run(context -> assertThat(
                new FlowsBindFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                .contains("a size such as 512KB or 32MB"));
        runner.withPropertyValues("flows.http-logging=sometimes").run(context -> assertThat(
                new FlowsBindFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                .contains("true or false"));
    }

    @Test
    void otherBindFailuresAreLeftToSpringBoot() {
        Contexts.runner().withPropertyValues(HTTPS, "flows.token=" + TOKEN)
                .withUserConfiguration(OtherProperties.Config.class).withPropertyValues("other.timeout=soon")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(new FlowsBindFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
                });
    }

    @Test
    void aValidConfigurationHasNothingToAnalyze() {
        Contexts.runner().withPropertyValues(HTTPS, "flows.token=" + TOKEN)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(FlowsClient.class));
    }

    private static void assertNoSecret(FailureAnalysis analysis) {
        String all = analysis.getDescription() + analysis.getAction() + analysis.getCause();
        assertThat(all).doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
