package io.flowsdk.client.internal.auth;

import io.flowsdk.client.error.AuthenticationException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * TEMPORARY ADAPTER, to be replaced by the pipeline's retrying transport: sends the token
 * request with the client's OkHttp client directly, one attempt, no {@code RetryPolicy}.
 * Asynchronous ({@code enqueue}), so no caller's thread is held by the request itself.
 *
 * <p>What the replacement must keep: redirects not followed; the body read (capped) and handed
 * to {@link TokenEndpoint#parse}; I/O failures through {@link TokenEndpoint#transportFailure};
 * response headers that echo the secret masked ({@link TokenEndpoint#redact}) before the HTTP
 * logger sees them.
 */
public final class DirectTokenFetch implements Supplier<CompletableFuture<AccessToken>> {
    private static final long MAX_BODY_BYTES = 64 * 1024;

    private final OkHttpClient http;
    private final TokenEndpoint endpoint;
    private final Duration timeout;

    /**
     * @param http     the client's OkHttp client (its pool, dispatcher and interceptors are shared)
     * @param endpoint the token request and the reading of its answer
     * @param timeout  the whole-call timeout of the request
     */
    public DirectTokenFetch(OkHttpClient http, TokenEndpoint endpoint, Duration timeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        // Appended after the client's own network interceptors, so it sits nearest the server: a response
        // header that echoes the secret is masked before the HTTP logger (further out) prints it.
        this.http = http.newBuilder().followRedirects(false).followSslRedirects(false)
                .addNetworkInterceptor(chain -> redactHeaders(chain.proceed(chain.request())))
                .build();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public CompletableFuture<AccessToken> get() {
        CompletableFuture<AccessToken> result = new CompletableFuture<>();
        Call call = http.newCall(endpoint.request());
        call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(endpoint.transportFailure(e));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    String body = read(response.body());
                    result.complete(endpoint.parse(response.code(), response.header("Location"), body));
                } catch (AuthenticationException e) {
                    result.completeExceptionally(e);
                } catch (IOException e) {
                    result.completeExceptionally(endpoint.transportFailure(e));
                } catch (Throwable t) { // never leave the fetch pending: every caller waiting for a token would hang
                    result.completeExceptionally(new AuthenticationException("reading the token endpoint's answer failed ("
                            + t.getClass().getSimpleName() + ")", null, null, response.code(), null));
                    if (t instanceof Error) {
                        throw (Error) t;
                    }
                }
            }
        });
        return result;
    }

    private Response redactHeaders(Response response) {
        Headers headers = response.headers();
        Headers.Builder clean = null;
        for (int i = 0; i < headers.size(); i++) {
            String value = headers.value(i);
            String redacted = endpoint.redact(value);
            if (clean == null && !redacted.equals(value)) {
                clean = new Headers.Builder();
                for (int j = 0; j < i; j++) {
                    clean.addUnsafeNonAscii(headers.name(j), headers.value(j));
                }
            }
            if (clean != null) {
                clean.addUnsafeNonAscii(headers.name(i), redacted);
            }
        }
        return clean == null ? response : response.newBuilder().headers(clean.build()).build();
    }

    private static String read(ResponseBody body) throws IOException {
        if (body == null) {
            return null;
        }
        BufferedSource source = body.source();
        source.request(MAX_BODY_BYTES);
        long n = Math.min(source.getBuffer().size(), MAX_BODY_BYTES);
        return source.getBuffer().readString(n, StandardCharsets.UTF_8);
    }
}
