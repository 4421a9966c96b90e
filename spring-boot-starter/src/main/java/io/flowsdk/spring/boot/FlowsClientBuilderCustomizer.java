package io.flowsdk.spring.boot;

import io.flowsdk.client.FlowsClient;

/**
 * Customizes the builder of the auto-configured {@link FlowsClient} after the {@code flows.*}
 * properties are applied and before {@code build()}, like Spring Boot's
 * {@code RestClientCustomizer}. Every bean of this type is applied, in
 * {@link org.springframework.core.annotation.Order @Order} /
 * {@link org.springframework.core.Ordered} order.
 *
 * <pre>{@code
 * @Bean
 * FlowsClientBuilderCustomizer tokens(TokenService tokens) {
 *     return builder -> builder.tokenProvider(tokens::current);
 * }
 * }</pre>
 *
 * <p>A customizer may set anything the builder offers (a listener, a shared OkHttp client, a token
 * provider when no {@code flows.token} nor client credentials are set). Setting a second way to
 * authenticate besides the properties' one fails startup.
 */
@FunctionalInterface
public interface FlowsClientBuilderCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, with the {@code flows.*} properties already applied
     */
    void customize(FlowsClient.Builder builder);
}
