package io.flowsdk.client.internal;

import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.MalformedResponseException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The one request pipeline every call goes through: URL encoding, auth header, User-Agent,
 * JSON content type, per-attempt and total timeouts, the retry loop, mapping of non-2xx answers
 * to the exception tree, and decoding of bodies. No endpoint has its own copy of any of this.
 *
 * <p>This is the only retry layer: the OkHttp client it is given must have
 * {@code retryOnConnectionFailure(false)} and the network interceptor from
 * {@link #sendTracker()}, which records whether a request reached the wire so that a POST is
 * retried only when it provably was not sent.
 */
public final class Pipeline {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final Supplier<String> tokenProvider;
    private final String userAgent;
    private final RetryPolicy retryPolicy;
    private final Duration attemptTimeout;
    private final Duration totalTimeout;
    private final JsonCodec json;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;

    /** Waits between attempts; injectable so tests never really sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> {
            if (!d.isZero() && !d.isNegative()) {
                TimeUnit.NANOSECONDS.sleep(d.toNanos());
            }
        };
    }

    /** The status and decoded body of a 2xx answer. */
    public record Result<T>(int statusCode, T value) {
    }

    public Pipeline(OkHttpClient http, HttpUrl baseUrl, Supplier<String> tokenProvider, String userAgent,
                    RetryPolicy retryPolicy, Duration attemptTimeout, Duration totalTimeout, JsonCodec json,
                    Sleeper sleeper, Clock clock, DoubleSupplier random) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.tokenProvider = tokenProvider;
        this.userAgent = userAgent;
        this.retryPolicy = retryPolicy;
        this.attemptTimeout = attemptTimeout;
        this.totalTimeout = totalTimeout;
        this.json = json;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random != null ? random : () -> ThreadLocalRandom.current().nextDouble();
    }

    private volatile boolean closed;

    /** After this, every call fails with {@link IllegalStateException} before anything is sent. */
    public void close() {
        closed = true;
    }

    public JsonCodec json() {
        return json;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The network interceptor every client of the pipeline must install (before any logging
     * interceptor). It marks requests that reached the network layer (a connection exists, headers
     * about to go out), so that a POST is retried only when it provably was not sent; and it removes
     * {@code Authorization} from any request that is not for the base URL's origin (scheme, host
     * and port), so the token never follows a redirect to another host, whatever the HTTP client
     * does on its own.
     */
    public static Interceptor sendTracker() {
        return chain -> {
            Request request = chain.request();
            SendState state = request.tag(SendState.class);
            if (state != null) {
                state.sent.set(true);
                if (request.header("Authorization") != null && !sameOrigin(request.url(), state.origin)) {
                    request = request.newBuilder().removeHeader("Authorization").build();
                }
            }
            return chain.proceed(request);
        };
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }

    static final class SendState {
        final AtomicBoolean sent = new AtomicBoolean();
        final HttpUrl origin;

        SendState(HttpUrl origin) {
            this.origin = origin;
        }
    }

    /** The token of the call the current thread is executing, for {@link #redactingLogger}. */
    private static final ThreadLocal<String> CALL_TOKEN = new ThreadLocal<>();

    /**
     * Wraps an HTTP log sink so that the token of the call being logged never reaches it, not even
     * when a server echoes it in a response header. OkHttp runs the interceptors of a synchronous
     * call on the calling thread, which is where the pipeline records the token.
     */
    public static Consumer<String> redactingLogger(Consumer<String> sink) {
        Objects.requireNonNull(sink, "sink");
        return line -> sink.accept(Secrets.redact(line, CALL_TOKEN.get()));
    }

    public <T> Result<T> send(ApiRequest request, Type responseType) {
        return send(request, responseType, null);
    }

    /**
     * Sends the request, retrying per the policy, and decodes a 2xx body into {@code responseType}.
     *
     * @throws FlowsApiException           for a non-2xx answer (after retries)
     * @throws FlowsTransportException     for I/O failures, timeouts and interruption (after retries)
     * @throws MalformedResponseException  for a 2xx body that is not the promised JSON
     */
    public <T> Result<T> send(ApiRequest request, Type responseType, Cancellation cancellation) {
        if (closed) {
            throw new IllegalStateException("this FlowsClient is closed");
        }
        HttpUrl url = urlOf(request);
        String method = request.method();
        String path = url.encodedPath();
        byte[] body = request.body() == null ? null : json.toJson(request.body()).getBytes(StandardCharsets.UTF_8);
        long deadline = totalTimeout == null ? Long.MAX_VALUE : System.nanoTime() + totalTimeout.toNanos();

        for (int attempt = 1; ; attempt++) {
            if (cancellation != null && cancellation.isCancelled()) {
                throw new FlowsTransportException(method, path, new InterruptedIOException("cancelled"));
            }
            String token = tokenProvider == null ? null : Tokens.check(tokenProvider.get());
            SendState sendState = new SendState(baseUrl);
            Request httpRequest = buildRequest(url, method, body, token, sendState);
            Call call = http.newCall(httpRequest);
            call.timeout().timeout(attemptTimeoutNanos(deadline), TimeUnit.NANOSECONDS);
            if (cancellation != null) {
                cancellation.attach(call);
            }
            Duration wait;
            CALL_TOKEN.set(token);
            try (Response response = call.execute()) {
                int status = response.code();
                if (status >= 200 && status < 300) {
                    return new Result<>(status, decode(response, responseType, method, path, token));
                }
                String errorText = Secrets.redact(readCapped(response.body()), token);
                Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
                FlowsApiException failure = Exceptions.forStatus(status, method, path, errorText, retryAfter, token);
                if (!isRetryableStatus(status, request) || attempt >= retryPolicy.maxAttempts()) {
                    throw failure;
                }
                wait = retryAfter != null ? retryAfter : retryPolicy.backoff(attempt, random.getAsDouble());
                if (retryAfter != null && retryAfter.compareTo(retryPolicy.maxRetryAfter()) > 0) {
                    throw failure; // the server asks for longer than we accept: fail fast, retryAfter() tells when
                }
                if (System.nanoTime() + wait.toNanos() > deadline) {
                    throw failure;
                }
            } catch (IOException e) {
                // OkHttp cancels a call whose call timeout fired: that is a timeout, retried like any
                // I/O failure, not a cancellation by the caller
                boolean cancelled = (cancellation != null && cancellation.isCancelled())
                        || (call.isCanceled() && !isTimeout(e)) || Thread.currentThread().isInterrupted();
                boolean sent = sendState.sent.get();
                if (cancelled || !(request.isIdempotent() || !sent) || attempt >= retryPolicy.maxAttempts()) {
                    throw transportFailure(method, path, e, token);
                }
                wait = retryPolicy.backoff(attempt, random.getAsDouble());
                if (System.nanoTime() + wait.toNanos() > deadline) {
                    throw transportFailure(method, path, e, token);
                }
            } finally {
                CALL_TOKEN.remove();
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new FlowsTransportException(method, path, ie);
            }
        }
    }

    private long attemptTimeoutNanos(long deadline) {
        long perAttempt = attemptTimeout == null || attemptTimeout.isZero() ? Long.MAX_VALUE : attemptTimeout.toNanos();
        if (deadline == Long.MAX_VALUE) {
            return perAttempt == Long.MAX_VALUE ? 0 : perAttempt;
        }
        long left = Math.max(1, deadline - System.nanoTime());
        return Math.min(perAttempt, left);
    }

    /** A read/connect timeout, or OkHttp's call timeout ({@code InterruptedIOException("timeout")}). */
    private static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    }

    private static boolean isRetryableStatus(int status, ApiRequest request) {
        if (status == 429) {
            return true;
        }
        return request.isIdempotent() && (status == 502 || status == 503 || status == 504);
    }

    private static FlowsTransportException transportFailure(String method, String path, IOException e, String token) {
        if (token != null && e.getMessage() != null && e.getMessage().contains(token)) {
            return new FlowsTransportException(method, path, new IOException(Secrets.redact(e.getMessage(), token)));
        }
        return new FlowsTransportException(method, path, e);
    }

    HttpUrl urlOf(ApiRequest request) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String segment : request.pathSegments()) {
            b.addPathSegment(segment);
        }
        for (Map.Entry<String, String> q : request.query()) {
            b.addEncodedQueryParameter(QueryEncoding.encode(q.getKey()), QueryEncoding.encode(q.getValue()));
        }
        return b.build();
    }

    private Request buildRequest(HttpUrl url, String method, byte[] body, String token, SendState sendState) {
        Request.Builder b = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .tag(SendState.class, sendState);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.method(method, RequestBody.create(body, JSON));
        } else {
            b.method(method, null);
        }
        return b.build();
    }

    private <T> T decode(Response response, Type type, String method, String path, String token) throws IOException {
        int status = response.code();
        ResponseBody responseBody = response.body();
        // A server that echoes the caller's token into a 2xx body must not carry it into exception messages
        // (the generated validation quotes offending JSON in its IllegalArgumentException, kept as the cause)
        // nor into messages built from the decoded values (PartialFailureException quotes flowId and jobs).
        String text = Secrets.redact(responseBody.string(), token);
        MediaType contentType = responseBody.contentType();
        if (contentType != null && !contentType.subtype().toLowerCase(java.util.Locale.ROOT).contains("json")) {
            throw new MalformedResponseException(status, method, path,
                    "expected a JSON body but got " + contentType.type() + "/" + contentType.subtype(),
                    Secrets.redact(text, token), null);
        }
        if (text.isBlank()) {
            throw new MalformedResponseException(status, method, path, "expected a JSON body but got an empty one",
                    null, null);
        }
        String trimmed = text.stripLeading();
        if (!trimmed.startsWith("{")) {
            throw new MalformedResponseException(status, method, path, "expected a JSON object",
                    Secrets.redact(text, token), null);
        }
        try {
            T value = json.fromJson(text, type);
            if (value == null) {
                throw new MalformedResponseException(status, method, path, "expected a JSON object",
                        Secrets.redact(text, token), null);
            }
            return value;
        } catch (FlowsException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonParseException (malformed or truncated) or IllegalArgumentException/IllegalStateException
            // (valid JSON of the wrong shape, from the generated validation)
            throw new MalformedResponseException(status, method, path, "the body is not the promised JSON ("
                    + Secrets.redact(String.valueOf(e.getMessage()), token) + ")", Secrets.redact(text, token),
                    Secrets.scrub(e, token));
        }
    }

    /** Reads at most 64 KiB of an error body: enough to parse it, never a memory risk. */
    private static String readCapped(ResponseBody body) {
        if (body == null) {
            return null;
        }
        try {
            BufferedSource source = body.source();
            source.request(MAX_ERROR_BODY_BYTES);
            long n = Math.min(source.getBuffer().size(), MAX_ERROR_BODY_BYTES);
            String text = source.getBuffer().readString(n, StandardCharsets.UTF_8);
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "Pipeline{baseUrl=" + baseUrl + ", retryPolicy=" + retryPolicy + ", timeout=" + attemptTimeout + "}";
    }
}
