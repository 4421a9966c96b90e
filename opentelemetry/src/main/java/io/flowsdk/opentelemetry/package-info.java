/**
 * OpenTelemetry tracing for the Flows Java SDK.
 *
 * <pre>{@code
 * FlowsClient client = FlowsClient.builder()
 *         .baseUrl("https://acme.example.com/api/v1")
 *         .clientCredentials(id, secret)
 *         .listener(FlowsTracing.create(openTelemetry))
 *         .build();
 * }</pre>
 *
 * <p>{@link io.flowsdk.opentelemetry.FlowsTracing} describes the spans, their attributes and the
 * propagated headers.
 */
@NullMarked
package io.flowsdk.opentelemetry;

import org.jspecify.annotations.NullMarked;
