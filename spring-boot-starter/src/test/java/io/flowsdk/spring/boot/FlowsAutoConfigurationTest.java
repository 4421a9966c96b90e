package io.flowsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.FlowsListener;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.event.TokenFetchReason;
import io.flowsdk.client.event.TokenFetched;
import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.Fault;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.FlowsStubExtension;
import io.flowsdk.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Every property reaches the client, and the client is there only when it should be. */
@ExtendWith(FlowsStubExtension.class)
class FlowsAutoConfigurationTest {
    private FlowsStub stub;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(FlowsStub stub) {
        this.stub = stub;
        this.runner = Contexts.runner().withPropertyValues("flows.base-url=" + stub.baseUrl());
    }

    private ApplicationContextRunner withToken() {
        return runner.withPropertyValues("flows.token=" + stub.token());
    }

    private RecordedRequest lastListRequest() {
        List<RecordedRequest> r = stub.requests(Endpoint.LIST_TASKS);
        return r.get(r.size() - 1);
    }

    @Test
    void noClientWithoutBaseUrl() {
        Contexts.runner().withPropertyValues("flows.token=t").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(FlowsClient.class)
                    .doesNotHaveBean(FlowsProperties.class);
        });
    }

    @Test
    void baseUrlAndTokenMakeAWorkingClient() {
        stub.addTask(new Task().displayName("one"));
        withToken().run(context -> {
            assertThat(context).hasSingleBean(FlowsClient.class).hasBean("flowsClient");
            FlowsClient client = context.getBean(FlowsClient.class);
            assertThat(client.baseUrl()).isEqualTo(stub.baseUrl());
            assertThat(client.tasks().list().count()).isEqualTo(1);
            assertThat(lastListRequest().header("Authorization")).isEqualTo("Bearer " + stub.token());
        });
    }

    @Test
    void loopbackBaseUrlNeedsNoAuthentication() {
        runner.run(context -> {
            FlowsClient client = context.getBean(FlowsClient.class);
            assertThatThrownBy(() -> client.tasks().list().count()).isInstanceOf(FlowsException.class);
            assertThat(lastListRequest().header("Authorization")).isNull();
        });
    }

    @Test
    void clientCredentialsFetchATokenAtTheStub() {
        runner.withPropertyValues("flows.client-id=" + FlowsStub.DEFAULT_CLIENT_ID,
                "flows.client-secret=" + FlowsStub.DEFAULT_CLIENT_SECRET, "flows.scopes=read,write").run(context -> {
            FlowsClient client = context.getBean(FlowsClient.class);
            assertThat(client.tasks().list().count()).isZero();
            RecordedRequest token = stub.requests(Endpoint.TOKEN).get(0);
            assertThat(token.header("Authorization")).startsWith("Basic ");
            assertThat(token.body()).contains("grant_type=client_credentials").contains("scope=read+write");
            assertThat(lastListRequest().header("Authorization")).startsWith("Bearer ").isNotEqualTo(
                    "Bearer " + stub.token());
        });
    }

    @Test
    void scopesMayBeSpaceSeparated() {
        runner.withPropertyValues("flows.client-id=" + FlowsStub.DEFAULT_CLIENT_ID,
                "flows.client-secret=" + FlowsStub.DEFAULT_CLIENT_SECRET, "flows.scopes=read write").run(context -> {
            context.getBean(FlowsClient.class).tasks().list().count();
            assertThat(stub.requests(Endpoint.TOKEN).get(0).body()).contains("scope=read+write");
        });
    }

    @Test
    void authMethodAndTokenUrl() {
        String tokenUrl = stub.tokenUrl() + "?tenant=acme";
        runner.withPropertyValues("flows.client-id=" + FlowsStub.DEFAULT_CLIENT_ID,
                "flows.client-secret=" + FlowsStub.DEFAULT_CLIENT_SECRET, "flows.auth-method=client-secret-post",
                "flows.token-url=" + tokenUrl).run(context -> {
            context.getBean(FlowsClient.class).tasks().list().count();
            RecordedRequest token = stub.requests(Endpoint.TOKEN).get(0);
            assertThat(token.queryParam("tenant")).isEqualTo("acme");
            assertThat(token.header("Authorization")).isNull();
            assertThat(token.body()).contains("client_id=" + FlowsStub.DEFAULT_CLIENT_ID).contains("client_secret=");
        });
    }

    @Test
    void tokenRefreshBeforeStartsTheRefreshThatEarly() {
        stub.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
        CountDownLatch refreshed = new CountDownLatch(1);
        FlowsListener listener = new FlowsListener() {
            @Override
            public void tokenFetched(TokenFetched event) {
                if (event.reason() == TokenFetchReason.REFRESH_AHEAD) {
                    refreshed.countDown();
                }
            }
        };
        // tokens live an hour; refreshed 20 minutes ahead, a token is due at minute 40, not (with
        // the default of 60 s) at minute 59
        runner.withPropertyValues("flows.client-id=" + FlowsStub.DEFAULT_CLIENT_ID,
                "flows.client-secret=" + FlowsStub.DEFAULT_CLIENT_SECRET, "flows.token-refresh-before=20m")
                .withBean("stubTime", FlowsClientBuilderCustomizer.class, () -> Contexts.stubTime(stub.clock()))
                .withBean("listener", FlowsClientBuilderCustomizer.class, () -> b -> b.listener(listener))
                .run(context -> {
                    FlowsClient client = context.getBean(FlowsClient.class);
                    client.tasks().list().count();
                    stub.clock().advance(Duration.ofMinutes(45));
                    client.tasks().list().count();
                    assertThat(refreshed.await(30, TimeUnit.SECONDS)).isTrue();
                    assertThat(stub.requestCount(Endpoint.TOKEN)).isEqualTo(2);
                });
    }

    @Test
    void timeoutsAndRetryPolicy() {
        withToken().withPropertyValues("flows.timeout=5s", "flows.retry.max-attempts=5",
                "flows.retry.initial-backoff=250ms", "flows.retry.max-backoff=4s", "flows.retry.max-retry-after=10s")
                .run(context -> assertThat(Contexts.settings(context.getBean(FlowsClient.class)))
                        .contains("timeout=PT5S")
                        .contains("RetryPolicy{maxAttempts=5, initialBackoff=PT0.25S, maxBackoff=PT4S, "
                                + "maxRetryAfter=PT10S}"));
    }

    @Test
    void unsetPropertiesKeepTheSdkDefaults() {
        withToken().run(context -> assertThat(Contexts.settings(context.getBean(FlowsClient.class)))
                .contains("timeout=PT30S")
                .contains("retryPolicy=" + io.flowsdk.client.RetryPolicy.defaults()));
    }

    @Test
    void maxAttemptsIsHowOftenAFailingCallIsSent() {
        stub.inject(Endpoint.LIST_TASKS, Fault.status(503)).always();
        withToken().withPropertyValues("flows.retry.max-attempts=4", "flows.retry.initial-backoff=0s",
                "flows.retry.max-backoff=0s").run(context -> {
            assertThatThrownBy(() -> context.getBean(FlowsClient.class).tasks().list().count())
                    .isInstanceOf(ServerException.class);
            assertThat(stub.requestCount(Endpoint.LIST_TASKS)).isEqualTo(4);
        });
    }

    @Test
    void totalTimeoutEndsTheRetriesOfOneCall() {
        stub.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
        stub.inject(Endpoint.LIST_TASKS, Fault.status(503)).always();
        // backoffs of 0.5 to 1 s (jitter) on the stub's frozen clock: 2.5 s allow three to six attempts, not ten
        withToken().withPropertyValues("flows.retry.max-attempts=10", "flows.retry.initial-backoff=1s",
                "flows.retry.max-backoff=1s", "flows.total-timeout=2500ms")
                .withBean("stubTime", FlowsClientBuilderCustomizer.class, () -> Contexts.stubTime(stub.clock()))
                .run(context -> {
                    assertThatThrownBy(() -> context.getBean(FlowsClient.class).tasks().list().count())
                            .isInstanceOf(FlowsException.class);
                    assertThat(stub.requestCount(Endpoint.LIST_TASKS)).isBetween(3, 6);
                });
    }

    @Test
    void userAgentIsAppended() {
        withToken().withPropertyValues("flows.user-agent=approvals/1.2").run(context -> {
            context.getBean(FlowsClient.class).tasks().list().count();
            assertThat(lastListRequest().header("User-Agent")).startsWith("flows-java/").endsWith(" approvals/1.2");
        });
    }

    @Test
    void maxResponseSizeCapsAnswers() {
        for (int i = 0; i < 20; i++) {
            stub.addTask(new Task().displayName("a task with a name long enough to fill a page " + i));
        }
        withToken().withPropertyValues("flows.max-response-size=1KB").run(context -> assertThatThrownBy(
                () -> context.getBean(FlowsClient.class).tasks().list().toList())
                .isInstanceOf(MalformedResponseException.class));
        withToken().run(context -> assertThat(context.getBean(FlowsClient.class).tasks().list().toList()).hasSize(20));
    }

    @Test
    void allowInsecureHttpAcceptsPlainHttpForOtherHosts() {
        Contexts.runner().withPropertyValues("flows.base-url=http://flows.example.test/api/v1", "flows.token=t",
                "flows.allow-insecure-http=true").run(context -> assertThat(context).hasNotFailed()
                .getBean(FlowsClient.class).extracting(FlowsClient::baseUrl)
                .isEqualTo("http://flows.example.test/api/v1"));
    }

    @Test
    void environmentVariablesOfFromEnvironmentBindToo() {
        Map<String, Object> env = Map.of("FLOWS_BASE_URL", stub.baseUrl(), "FLOWS_CLIENT_ID",
                FlowsStub.DEFAULT_CLIENT_ID, "FLOWS_CLIENT_SECRET", FlowsStub.DEFAULT_CLIENT_SECRET,
                "FLOWS_RETRY_MAXATTEMPTS", "2");
        Contexts.runner().withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
                .run(context -> {
                    FlowsClient client = context.getBean(FlowsClient.class);
                    assertThat(client.tasks().list().count()).isZero();
                    assertThat(stub.requestCount(Endpoint.TOKEN)).isEqualTo(1);
                    assertThat(client.toString()).contains("maxAttempts=2");
                });
    }

    @Test
    void blankPropertiesCountAsUnset() {
        runner.withPropertyValues("flows.token=" + stub.token(), "flows.client-id=", "flows.client-secret= ")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(FlowsClient.class).tasks().list().count();
                    assertThat(stub.requestCount(Endpoint.TOKEN)).isZero();
                });
    }

    @Test
    void backsOffForTheApplicationsOwnClient() {
        withToken().withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(FlowsClient.class).hasBean("myClient").doesNotHaveBean("flowsClient");
            assertThat(context.getBean(FlowsClient.class).userAgent()).endsWith("mine/1");
        });
    }

    @Test
    void customizersRunAfterThePropertiesInOrder() {
        withToken().withPropertyValues("flows.user-agent=from-properties/1").withUserConfiguration(Customizers.class)
                .run(context -> {
                    Customizers c = context.getBean(Customizers.class);
                    assertThat(c.seen).containsExactly("first", "second");
                    // the customizer's value replaced the property's: it ran after the properties
                    context.getBean(FlowsClient.class).tasks().list().count();
                    assertThat(lastListRequest().header("User-Agent")).endsWith(" second/2");
                });
    }

    @Test
    void aCustomizerMayProvideTheAuthentication() {
        runner.withBean(FlowsClientBuilderCustomizer.class, () -> b -> b.tokenProvider(stub::token)).run(context -> {
            context.getBean(FlowsClient.class).tasks().list().count();
            assertThat(lastListRequest().header("Authorization")).isEqualTo("Bearer " + stub.token());
        });
    }

    @Test
    void theClientIsClosedWithTheContext() {
        FlowsClient[] client = new FlowsClient[1];
        withToken().run(context -> client[0] = context.getBean(FlowsClient.class));
        assertThatThrownBy(() -> client[0].tasks().list().count()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void propertiesNeverShowTheSecrets() {
        runner.withPropertyValues("flows.client-id=id", "flows.client-secret=s3cr3t-value").run(context -> assertThat(
                context.getBean(FlowsProperties.class).toString()).doesNotContain("s3cr3t-value"));
        runner.withPropertyValues("flows.token=t0k3n-value").run(context -> assertThat(
                context.getBean(FlowsProperties.class).toString()).doesNotContain("t0k3n-value"));
    }

    @Test
    void aServerErrorIsNotRetriedByDefaultButA503Is() {
        // the defaults really are the SDK's: 3 attempts for a 503
        stub.inject(Endpoint.LIST_TASKS, Fault.status(503)).always();
        withToken().withPropertyValues("flows.retry.initial-backoff=0s", "flows.retry.max-backoff=0s").run(context -> {
            assertThatThrownBy(() -> context.getBean(FlowsClient.class).tasks().list().count())
                    .isInstanceOf(ServerException.class);
            assertThat(stub.requestCount(Endpoint.LIST_TASKS)).isEqualTo(3);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        FlowsClient myClient() {
            return FlowsClient.builder().baseUrl("https://flows.example.test/api/v1").bearerToken("t")
                    .userAgent("mine/1").build();
        }

        @Bean
        FlowsClientBuilderCustomizer failing() {
            return b -> {
                throw new AssertionError("customizers are for the auto-configured client only");
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        final List<String> seen = new ArrayList<>();

        @Bean
        @Order(2)
        FlowsClientBuilderCustomizer second() {
            return b -> {
                seen.add("second");
                b.userAgent("second/2");
            };
        }

        @Bean
        @Order(1)
        FlowsClientBuilderCustomizer first() {
            return b -> seen.add("first");
        }
    }
}
