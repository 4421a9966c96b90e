/**
 * The Flows client: {@link io.flowsdk.client.FlowsClient} and its builder, the resources
 * ({@link io.flowsdk.client.Tasks}, {@link io.flowsdk.client.Flows}), lazy immutable
 * {@link io.flowsdk.client.Query queries} with their {@link io.flowsdk.client.Page pages}, and the
 * values calls take ({@link io.flowsdk.client.Change}, {@link io.flowsdk.client.RetryPolicy}).
 *
 * <p>Nullness: every package of the SDK is {@link org.jspecify.annotations.NullMarked}: a type
 * without {@link org.jspecify.annotations.Nullable} never accepts or returns {@code null}, and a
 * {@code null} passed where it is not allowed throws {@link java.lang.NullPointerException}
 * before any request is sent. Every failure of a call is an unchecked
 * {@link io.flowsdk.client.error.FlowsException}.
 */
@NullMarked
package io.flowsdk.client;

import org.jspecify.annotations.NullMarked;
