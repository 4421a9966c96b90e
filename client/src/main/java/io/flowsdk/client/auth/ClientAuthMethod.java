package io.flowsdk.client.auth;

/**
 * How the client proves its identity to the token endpoint
 * (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>).
 * Both send {@code grant_type=client_credentials} (and {@code scope}) as a form body; they
 * differ in where the client id and secret go.
 */
public enum ClientAuthMethod {
    /**
     * {@code Authorization: Basic base64(urlencode(clientId) ":" urlencode(clientSecret))}; the
     * body carries neither. The default, and the method every server must support.
     */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** {@code client_id} and {@code client_secret} in the form body; no {@code Authorization} header. */
    CLIENT_SECRET_POST("client_secret_post");

    private final String wireName;

    ClientAuthMethod(String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the name of the method in OAuth 2.0 metadata, for example
     * {@code client_secret_basic}.
     *
     * @return the registered name (RFC 7591 {@code token_endpoint_auth_method})
     */
    public String wireName() {
        return wireName;
    }
}
