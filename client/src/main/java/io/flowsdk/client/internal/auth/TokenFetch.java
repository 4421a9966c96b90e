package io.flowsdk.client.internal.auth;

import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.internal.Futures;
import io.flowsdk.client.internal.http.Bodies;
import io.flowsdk.client.internal.http.CallSpec;
import io.flowsdk.client.internal.http.ResponseHandler;
import io.flowsdk.client.internal.http.Result;
import io.flowsdk.client.internal.http.Transport;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sends the token request through the client's {@link Transport}, like every call of the API:
 * retried per the client's {@code RetryPolicy} (it may be sent twice, so as an idempotent request:
 * I/O failures, 429, 502, 503 and 504 are retried), bounded by its timeouts, ended by
 * {@code close()}, never following a redirect, the client secret masked in logged lines. What
 * the endpoint answers is read by {@link TokenEndpoint#parse}.
 */
public final class TokenFetch implements Supplier<CompletableFuture<AccessToken>> {
    private final Transport transport;
    private final TokenEndpoint endpoint;
    private final CallSpec<AccessToken> spec;

    public TokenFetch(Transport transport, TokenEndpoint endpoint) {
        this.transport = transport;
        this.endpoint = endpoint;
        Request request = endpoint.request();
        Headers extra = request.headers().newBuilder().removeAll("Accept").removeAll("User-Agent").build();
        byte[] body = TokenEndpoint.formBody(endpoint.credentials()).getBytes(StandardCharsets.UTF_8);
        this.spec = new CallSpec<>("oauth2.token", "/oauth2/token", "POST", endpoint.url(), body, TokenEndpoint.FORM,
                extra, true, false, new Handler(endpoint), endpoint::redact);
    }

    @Override
    public CompletableFuture<AccessToken> get() {
        return Futures.handle(transport.sendAsync(spec), (Result<AccessToken> result, Throwable failure) -> {
            if (failure == null) {
                return result.value();
            }
            if (failure instanceof FlowsTransportException t && t.getCause() instanceof IOException io
                    && t.isRetryable()) {
                throw endpoint.transportFailure(io); // the token endpoint could not be reached
            }
            throw failure instanceof RuntimeException r ? r : new FlowsException("token request failed", failure);
        });
    }

    /** Every answer goes to {@link TokenEndpoint#parse}: a token, or the {@link AuthenticationException} it stands for. */
    private static final class Handler implements ResponseHandler<AccessToken> {
        private static final int MAX_BODY_BYTES = 64 * 1024;
        private final TokenEndpoint endpoint;

        Handler(TokenEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public AccessToken success(Response response, Attempt attempt) {
            return endpoint.parse(response.code(), response.header("Location"),
                    Bodies.readCapped(response.body(), MAX_BODY_BYTES));
        }

        @Override
        public FlowsException failure(Response response, String errorText, Duration retryAfter, Attempt attempt) {
            try {
                endpoint.parse(response.code(), response.header("Location"), errorText);
                return new AuthenticationException("the token endpoint answered " + response.code(), null, null,
                        response.code(), null);
            } catch (AuthenticationException e) {
                return e;
            }
        }
    }

    @Override
    public String toString() {
        return "TokenFetch{" + endpoint.url() + "}";
    }
}
