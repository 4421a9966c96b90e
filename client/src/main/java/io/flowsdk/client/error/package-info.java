/**
 * The exceptions of the Flows SDK: one unchecked root, {@link io.flowsdk.client.error.FlowsException}
 * (with {@link io.flowsdk.client.error.FlowsException#isRetryable()}), HTTP answers as
 * {@link io.flowsdk.client.error.FlowsApiException} and its subclasses by status, failures without
 * a usable answer as {@link io.flowsdk.client.error.FlowsTransportException} or
 * {@link io.flowsdk.client.error.MalformedResponseException}.
 */
@NullMarked
package io.flowsdk.client.error;

import org.jspecify.annotations.NullMarked;
