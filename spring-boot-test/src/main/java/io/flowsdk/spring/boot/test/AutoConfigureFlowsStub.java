package io.flowsdk.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test's application against a {@link io.flowsdk.testkit.FlowsStub}: the stub starts
 * with the test's application context (and stops with it), the auto-configured
 * {@link io.flowsdk.client.FlowsClient} of {@code flows-spring-boot-starter} points at it, the stub
 * is a bean to inject, and it is {@linkplain io.flowsdk.testkit.FlowsStub#reset() reset} before
 * every test method.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureFlowsStub
 * class ApprovalBotTest {
 *     @Autowired FlowsStub stub;
 *     @Autowired ApprovalBot bot;
 *
 *     @Test
 *     void approvesLowPriorityTasks() {
 *         String id = stub.addTask(new Task().displayName("Approve").variables(Map.of("priority", 1))).getId();
 *         bot.approvePending();
 *         assertThat(stub.task(id).orElseThrow().getStatus()).isEqualTo("completed");
 *     }
 * }
 * }</pre>
 *
 * <p>These properties are set, above the application's own configuration (so a production
 * {@code application.yaml} never reaches a real server from a test) but below the test's own
 * ({@code @SpringBootTest(properties = ...)}, {@code @TestPropertySource}), which may change them:
 * <ul>
 *   <li>{@code flows.base-url}: the stub's {@link io.flowsdk.testkit.FlowsStub#baseUrl()};</li>
 *   <li>with {@link #clientCredentials()} (the default): {@code flows.client-id} and
 *       {@code flows.client-secret} of the stub's default client
 *       ({@link io.flowsdk.testkit.FlowsStub#DEFAULT_CLIENT_ID}), {@code flows.token-url} the stub's
 *       token endpoint, no {@code flows.scopes} and no {@code flows.token}: the client fetches its
 *       access token from the stub, as in production;</li>
 *   <li>otherwise {@code flows.token}: the stub's fixed {@link io.flowsdk.testkit.FlowsStub#token()},
 *       and no client credentials.</li>
 * </ul>
 *
 * <p>The client also runs on the stub's {@linkplain io.flowsdk.testkit.FlowsStub#clock() clock}:
 * while a test has frozen it ({@code stub.clock().set(...)}), the client's waits (retry backoffs,
 * {@code Retry-After}, {@code await} polls) move it forward instead of sleeping.
 *
 * <p>Test classes with the same setting share one application context, and so one stub, as Spring
 * caches contexts; the reset before each test keeps them apart.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFlowsStub {

    /**
     * Whether the client authenticates with OAuth 2.0 client credentials at the stub's token
     * endpoint (the default) or with the stub's fixed bearer token.
     *
     * @return true for client credentials
     */
    boolean clientCredentials() default true;
}
