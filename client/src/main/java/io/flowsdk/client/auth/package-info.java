/**
 * Production authentication: OAuth 2.0 client credentials
 * (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 §4.4</a>).
 *
 * <pre>{@code
 * FlowsClient client = FlowsClient.builder()
 *         .baseUrl("https://acme.example.com/api/v1")
 *         .clientCredentials("client-id", "client-secret", "read", "write")
 *         .build();
 * }</pre>
 *
 * <p>{@link io.flowsdk.client.auth.ClientCredentials} holds the settings (immutable, thread-safe);
 * {@link io.flowsdk.client.auth.ClientAuthMethod} chooses how the client id and secret travel to
 * the token endpoint. The client fetches, caches and refreshes the access token itself.
 */
@NullMarked
package io.flowsdk.client.auth;

import org.jspecify.annotations.NullMarked;
