package io.flowsdk.client.internal.http;

import io.flowsdk.client.internal.ClientState;
import io.flowsdk.client.internal.DaemonThreads;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.logging.HttpLoggingInterceptor;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The OkHttp clients of one SDK client, derived from the caller's ({@code newBuilder()}, so the
 * connection pool and dispatcher are shared and the caller's client is not changed) or built.
 * Two variants over one pool: GETs follow redirects (OkHttp drops {@code Authorization} when the
 * host changes; so does {@link #gate}), every other method follows none, so that a POST is never
 * turned into a GET nor re-sent elsewhere: its redirect comes back as an answer and fails.
 * OkHttp's own silent retries are off: {@code RetryPolicy} is the only place that retries.
 *
 * <p>Each attempt's {@link SendState} reaches the network interceptors through a map keyed by the
 * attempt's {@link Call} ({@code chain.call()}), not as a request tag: OkHttp 5 keys tags by
 * {@code KClass}, and the first tag of a JVM loads about 57 classes of Kotlin reflection (about
 * 14 ms of cold start). An entry lives from {@link #newCall} to {@link #attemptEnded}.
 */
public final class HttpClients {
    private final OkHttpClient following;
    private final OkHttpClient notFollowing;
    private final boolean owned;
    private final Map<Call, SendState> sendStates;

    private HttpClients(OkHttpClient following, boolean owned, Map<Call, SendState> sendStates) {
        this.following = following;
        this.notFollowing = following.newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.owned = owned;
        this.sendStates = sendStates;
    }

    /**
     * @param shared         the caller's OkHttp client, or null to build one
     * @param attemptTimeout the longest one attempt may take (connect, read and write timeouts of a built client)
     * @param state          the SDK client's state: nothing leaves the machine once it is closed
     * @param httpLog        where to log request and response lines and headers, or null
     */
    public static HttpClients create(OkHttpClient shared, Duration attemptTimeout, ClientState state,
                                     Consumer<String> httpLog) {
        boolean owned = shared == null;
        OkHttpClient.Builder b = owned ? new OkHttpClient.Builder()
                .connectTimeout(min(Duration.ofSeconds(10), attemptTimeout))
                .readTimeout(attemptTimeout)
                .writeTimeout(attemptTimeout)
                .dispatcher(dispatcher())
                : shared.newBuilder();
        b.retryOnConnectionFailure(false);
        Map<Call, SendState> sendStates = new ConcurrentHashMap<>();
        b.addNetworkInterceptor(gate(state, sendStates));
        if (httpLog != null) {
            b.addNetworkInterceptor(logging(httpLog, sendStates));
        }
        return new HttpClients(b.build(), owned, sendStates);
    }

    /**
     * The dispatcher of a built client: daemon threads, so a forgotten {@code close()} never keeps
     * the JVM alive, and as many calls in flight per host as in all (OkHttp's default of 5 per host
     * would queue the sixth asynchronous call behind the others).
     */
    private static Dispatcher dispatcher() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), DaemonThreads.named("flows-http"));
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequestsPerHost(dispatcher.getMaxRequests());
        return dispatcher;
    }

    /**
     * The last step before a request goes out: refuses it once the client is closed, marks it as
     * sent (a connection exists and its headers are about to be written), and removes
     * {@code Authorization} from a request that is not for the origin its token belongs to.
     */
    private static Interceptor gate(ClientState state, Map<Call, SendState> sendStates) {
        return chain -> {
            Request request = chain.request();
            if (state.isClosed()) {
                throw new InterruptedIOException("the FlowsClient was closed");
            }
            SendState s = sendStates.get(chain.call());
            if (s != null) {
                s.sent = true;
                if (request.header("Authorization") != null && !sameOrigin(request.url(), s.origin)) {
                    request = request.newBuilder().removeHeader("Authorization").build();
                }
            }
            return chain.proceed(request);
        };
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }

    /**
     * Logs each request and response line and headers (OkHttp's logging interceptor, level
     * HEADERS), with {@code Authorization}, {@code Cookie} and {@code Set-Cookie} shown as
     * {@code ██} and the attempt's token and the call's other secrets masked wherever else they
     * appear (a server may echo them).
     * The logger is made per attempt, so it knows that attempt's token on whatever thread runs it.
     */
    private static Interceptor logging(Consumer<String> sink, Map<Call, SendState> sendStates) {
        return chain -> {
            SendState state = sendStates.get(chain.call());
            HttpLoggingInterceptor logging = new HttpLoggingInterceptor(
                    line -> sink.accept(state == null ? line : state.mask(line)));
            logging.redactHeader("Authorization");
            logging.redactHeader("Cookie");
            logging.redactHeader("Set-Cookie");
            logging.setLevel(HttpLoggingInterceptor.Level.HEADERS);
            return logging.intercept(chain);
        };
    }

    /**
     * The call of one attempt: GETs follow redirects, nothing else does. Its state reaches the
     * network interceptors until {@link #attemptEnded} is called for it.
     */
    Call newCall(Request request, SendState state) {
        Call call = ("GET".equals(request.method()) ? following : notFollowing).newCall(request);
        sendStates.put(call, state);
        return call;
    }

    /** The attempt's call has returned its answer or failed, or will never be started: forgets its state. */
    void attemptEnded(Call call) {
        sendStates.remove(call);
    }

    /** {@return attempts whose state is kept: between calls of a client, none (for leak tests)} */
    public int attemptsInFlight() {
        return sendStates.size();
    }

    /** Ends what this SDK client owns: its dispatcher's calls and threads, its idle connections. */
    public void close() {
        if (owned) {
            following.dispatcher().cancelAll();
            following.dispatcher().executorService().shutdown();
            following.connectionPool().evictAll();
        }
    }

    /** {@return connections in the pool (idle and in use), for leak tests} */
    public int connectionCount() {
        return following.connectionPool().connectionCount();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
