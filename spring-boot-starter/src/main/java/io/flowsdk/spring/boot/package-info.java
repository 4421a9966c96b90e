/**
 * Spring Boot auto-configuration for the Flows Java SDK: a {@link io.flowsdk.client.FlowsClient} bean
 * from the {@code flows.*} properties ({@link io.flowsdk.spring.boot.FlowsProperties}), customised by
 * {@link io.flowsdk.spring.boot.FlowsClientBuilderCustomizer} beans, with Micrometer metrics,
 * OpenTelemetry traces and a {@code flows} health indicator when the application has them.
 */
package io.flowsdk.spring.boot;
