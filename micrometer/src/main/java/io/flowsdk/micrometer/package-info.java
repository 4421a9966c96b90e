/**
 * Micrometer metrics for the Flows Java SDK.
 *
 * <pre>{@code
 * FlowsClient client = FlowsClient.builder()
 *         .baseUrl("https://acme.example.com/api/v1")
 *         .clientCredentials(id, secret)
 *         .listener(FlowsMetrics.bind(meterRegistry))
 *         .build();
 * }</pre>
 *
 * <p>{@link io.flowsdk.micrometer.FlowsMetrics} lists the meters and their tags.
 */
@NullMarked
package io.flowsdk.micrometer;

import org.jspecify.annotations.NullMarked;
