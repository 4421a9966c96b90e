/**
 * SCIM filters (<a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2">RFC 7644
 * §3.4.2.2</a>): one immutable model, {@link io.flowsdk.client.filter.Filter}, built with static
 * factories, rendered canonically by {@code toString()}, read by
 * {@link io.flowsdk.client.filter.Filter#parse(String)} and evaluated against JSON by
 * {@link io.flowsdk.client.filter.FilterEvaluator}.
 *
 * <pre>{@code
 * Filter.eq("status", "pending").and(Filter.pr("assigneeId")).toString();
 * // status eq "pending" and assigneeId pr
 * }</pre>
 *
 * <p>Everything in this package is immutable and thread-safe.
 */
@NullMarked
package io.flowsdk.client.filter;

import org.jspecify.annotations.NullMarked;
