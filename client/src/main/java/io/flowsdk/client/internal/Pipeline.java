package io.flowsdk.client.internal;

import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.MalformedResponseException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.logging.HttpLoggingInterceptor;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
    private final Scheduler scheduler;

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
                    Sleeper sleeper, Clock clock, DoubleSupplier random, Executor asyncExecutor) {
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
        this.scheduler = new Scheduler(asyncExecutor);
    }

    /** Schedules the async retries (and awaitAsync's polls) of the client this pipeline belongs to. */
    public Scheduler scheduler() {
        return scheduler;
    }

    private volatile boolean closed;

    /** After this, every call fails with {@link IllegalStateException} before anything is sent. */
    public void close() {
        closed = true;
    }

    /** @throws IllegalStateException if the client is closed */
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this FlowsClient is closed");
        }
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
        final String token;

        SendState(HttpUrl origin, String token) {
            this.origin = origin;
            this.token = token;
        }
    }

    /** The token of the call whose interceptors the current thread is running, for {@link #redactingLogger}. */
    private static final ThreadLocal<String> CALL_TOKEN = new ThreadLocal<>();

    /**
     * A network interceptor that logs each request and response line and headers to {@code sink}
     * (OkHttp's {@link HttpLoggingInterceptor}, level HEADERS), with {@code Authorization} and
     * {@code Cookie} shown as {@code ██}, and the call's token masked wherever else it appears,
     * even when a server echoes it in a response header. Install it after {@link #sendTracker()}.
     */
    public static Interceptor loggingInterceptor(Consumer<String> sink) {
        HttpLoggingInterceptor logging = new HttpLoggingInterceptor(redactingLogger(sink)::accept);
        logging.redactHeader("Authorization");
        logging.redactHeader("Cookie");
        logging.setLevel(HttpLoggingInterceptor.Level.HEADERS);
        return chain -> {
            // OkHttp runs a call's interceptors on one thread: the caller's for execute(), a dispatcher
            // thread for enqueue(). Either way it is this one, for as long as the logging runs.
            SendState state = chain.request().tag(SendState.class);
            CALL_TOKEN.set(state == null ? null : state.token);
            try {
                return logging.intercept(chain);
            } finally {
                CALL_TOKEN.remove();
            }
        };
    }

    /**
     * Wraps an HTTP log sink so that the token of the call being logged never reaches it. The token
     * is known only while {@link #loggingInterceptor} runs; elsewhere lines pass unchanged.
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
     * Blocks the calling thread, which also runs the waits between attempts.
     *
     * @throws FlowsApiException           for a non-2xx answer (after retries)
     * @throws FlowsTransportException     for I/O failures, timeouts and interruption (after retries)
     * @throws MalformedResponseException  for a 2xx body that is not the promised JSON
     */
    public <T> Result<T> send(ApiRequest request, Type responseType, Cancellation cancellation) {
        Exchange<T> exchange = new Exchange<>(request, responseType);
        for (;;) {
            if (cancellation != null && cancellation.isCancelled()) {
                throw new FlowsTransportException(exchange.method, exchange.path, new InterruptedIOException("cancelled"));
            }
            Call call = exchange.newCall();
            if (cancellation != null) {
                cancellation.attach(call);
            }
            Step<T> step;
            try (Response response = call.execute()) {
                step = exchange.onResponse(response);
            } catch (IOException e) {
                boolean cancelled = (cancellation != null && cancellation.isCancelled())
                        || Thread.currentThread().isInterrupted();
                step = exchange.onFailure(e, call, cancelled);
            }
            if (step.failure != null) {
                throw step.failure;
            }
            if (step.result != null) {
                return step.result;
            }
            try {
                sleeper.sleep(step.pause);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new FlowsTransportException(exchange.method, exchange.path, ie);
            }
        }
    }

    /**
     * The non-blocking form of {@link #send(ApiRequest, Type, Cancellation)}: the same attempts,
     * retries, timeouts, error mapping and decoding, on OkHttp's asynchronous calls. No thread is
     * held while a request is in flight or while waiting to retry (the wait is scheduled).
     * Cancelling the returned future cancels the call in flight and any retry still to come.
     *
     * @throws IllegalStateException at once (not through the future) if the client is closed
     */
    public <T> CompletableFuture<Result<T>> sendAsync(ApiRequest request, Type responseType) {
        Exchange<T> exchange = new Exchange<>(request, responseType);
        AsyncExchange<T> async = new AsyncExchange<>(exchange);
        async.attempt();
        return async.future;
    }

    /** What to do after one attempt: return, throw, or wait and try again. */
    private record Step<T>(Result<T> result, RuntimeException failure, Duration pause) {
        static <T> Step<T> done(Result<T> result) {
            return new Step<>(result, null, null);
        }

        static <T> Step<T> fail(RuntimeException failure) {
            return new Step<>(null, failure, null);
        }

        static <T> Step<T> retryAfter(Duration wait) {
            return new Step<>(null, null, wait);
        }
    }

    /**
     * One logical call and its attempts: builds each attempt's HTTP request (with a fresh token)
     * and decides, from the answer or failure of an attempt, whether the call is over or is retried
     * and after how long. Shared by the blocking and the asynchronous paths, so both follow the same
     * rules.
     */
    private final class Exchange<T> {
        final ApiRequest request;
        final Type responseType;
        final HttpUrl url;
        final String method;
        final String path;
        final byte[] body;
        final long deadline;
        int attempt;
        String token;
        SendState sendState;

        Exchange(ApiRequest request, Type responseType) {
            checkOpen();
            this.request = request;
            this.responseType = responseType;
            this.url = urlOf(request);
            this.method = request.method();
            this.path = url.encodedPath();
            this.body = request.body() == null ? null : json.toJson(request.body()).getBytes(StandardCharsets.UTF_8);
            this.deadline = totalTimeout == null ? Long.MAX_VALUE : System.nanoTime() + totalTimeout.toNanos();
        }

        /** The next attempt's call, not yet started. The token provider is asked here, once per attempt. */
        Call newCall() {
            attempt++;
            token = tokenProvider == null ? null : Tokens.check(tokenProvider.get());
            sendState = new SendState(baseUrl, token);
            Call call = http.newCall(buildRequest(url, method, body, token, sendState));
            call.timeout().timeout(attemptTimeoutNanos(deadline), TimeUnit.NANOSECONDS);
            return call;
        }

        /** @throws IOException if reading the body fails; the caller passes it to {@link #onFailure} */
        Step<T> onResponse(Response response) throws IOException {
            int status = response.code();
            if (status >= 200 && status < 300) {
                return Step.done(new Result<>(status, decode(response, responseType, method, path, token)));
            }
            String errorText = Secrets.redact(readCapped(response.body()), token);
            Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
            FlowsApiException failure = Exceptions.forStatus(status, method, path, errorText, retryAfter, token);
            if (!isRetryableStatus(status, request) || attempt >= retryPolicy.maxAttempts()) {
                return Step.fail(failure);
            }
            if (retryAfter != null && retryAfter.compareTo(retryPolicy.maxRetryAfter()) > 0) {
                return Step.fail(failure); // the server asks for longer than we accept: fail fast, retryAfter() tells when
            }
            Duration wait = retryAfter != null ? retryAfter : retryPolicy.backoff(attempt, random.getAsDouble());
            if (System.nanoTime() + wait.toNanos() > deadline) {
                return Step.fail(failure);
            }
            return Step.retryAfter(wait);
        }

        /**
         * @param cancelled whether the caller cancelled (or interrupted) the call: never retried.
         *                  OkHttp cancels a call whose call timeout fired: that is a timeout, retried like
         *                  any I/O failure, not a cancellation by the caller.
         */
        Step<T> onFailure(IOException e, Call call, boolean cancelled) {
            cancelled = cancelled || (call.isCanceled() && !isTimeout(e));
            boolean sent = sendState.sent.get();
            if (cancelled || !(request.isIdempotent() || !sent) || attempt >= retryPolicy.maxAttempts()) {
                return Step.fail(transportFailure(method, path, e, token));
            }
            Duration wait = retryPolicy.backoff(attempt, random.getAsDouble());
            if (System.nanoTime() + wait.toNanos() > deadline) {
                return Step.fail(transportFailure(method, path, e, token));
            }
            return Step.retryAfter(wait);
        }
    }

    /** Drives an {@link Exchange} with {@code enqueue} and scheduled retries, completing a future. */
    private final class AsyncExchange<T> implements Callback {
        final Exchange<T> exchange;
        final CompletableFuture<Result<T>> future = new CompletableFuture<>();
        final AtomicReference<Call> current = new AtomicReference<>();

        AsyncExchange(Exchange<T> exchange) {
            this.exchange = exchange;
            future.whenComplete((r, t) -> {
                if (future.isCancelled()) {
                    Call c = current.get();
                    if (c != null) {
                        c.cancel();
                    }
                }
            });
        }

        void attempt() {
            if (future.isDone()) {
                return;
            }
            Call call;
            try {
                call = exchange.newCall();
            } catch (RuntimeException e) { // a failing token provider
                future.completeExceptionally(e);
                return;
            }
            current.set(call);
            if (future.isCancelled()) {
                call.cancel();
                return;
            }
            call.enqueue(this);
        }

        @Override
        public void onResponse(Call call, Response response) {
            Step<T> step;
            try (response) {
                step = exchange.onResponse(response);
            } catch (IOException e) {
                step = exchange.onFailure(e, call, future.isCancelled());
            } catch (RuntimeException e) {
                step = Step.fail(e);
            } catch (Error e) { // never leave the future pending, whatever happens on OkHttp's thread
                future.completeExceptionally(e);
                throw e;
            }
            proceed(step);
        }

        @Override
        public void onFailure(Call call, IOException e) {
            proceed(exchange.onFailure(e, call, future.isCancelled()));
        }

        private void proceed(Step<T> step) {
            if (step.failure != null) {
                future.completeExceptionally(step.failure);
            } else if (step.result != null) {
                future.complete(step.result);
            } else if (sleeper == Sleeper.REAL) {
                scheduler.schedule(step.pause, this::attempt, future);
            } else {
                // tests inject a Sleeper that records the wait instead of waiting: async retries honour it too
                scheduler.schedule(Duration.ZERO, () -> {
                    try {
                        sleeper.sleep(step.pause);
                        attempt();
                    } catch (InterruptedException ie) {
                        future.completeExceptionally(new FlowsTransportException(exchange.method, exchange.path, ie));
                    }
                }, future);
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
