package io.flowsdk.client;

import io.flowsdk.client.internal.ApiCalls;
import io.flowsdk.client.internal.ClientContext;
import io.flowsdk.client.internal.ClientState;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.internal.DaemonThreads;
import io.flowsdk.client.internal.JsonCodec;
import io.flowsdk.client.internal.ListenerObserver;
import io.flowsdk.client.internal.Observer;
import io.flowsdk.client.internal.Secrets;
import io.flowsdk.client.internal.Tokens;
import io.flowsdk.client.internal.Version;
import io.flowsdk.client.internal.auth.Authenticator;
import io.flowsdk.client.internal.auth.ClientCredentialsAuthenticator;
import io.flowsdk.client.internal.auth.EnvironmentSettings;
import io.flowsdk.client.internal.auth.NoAuthenticator;
import io.flowsdk.client.internal.auth.StaticTokenAuthenticator;
import io.flowsdk.client.internal.auth.TokenCache;
import io.flowsdk.client.internal.auth.TokenEndpoint;
import io.flowsdk.client.internal.auth.TokenFetch;
import io.flowsdk.client.internal.auth.TokenProviderAuthenticator;
import io.flowsdk.client.internal.http.HttpClients;
import io.flowsdk.client.internal.http.Transport;
import io.flowsdk.client.internal.time.SystemRandom;
import io.flowsdk.client.internal.time.SystemTime;
import io.flowsdk.client.internal.time.TimeSource;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The entry point of the Flows SDK: a thread-safe client for the Flows and Tasks endpoints.
 * Build one per API and share it; close it when done.
 *
 * <pre>{@code
 * try (FlowsClient client = FlowsClient.builder()
 *         .baseUrl("https://acme.example.com/api/v1")
 *         .bearerToken(System.getenv("FLOWS_TOKEN"))
 *         .build()) {
 *     for (Task t : client.tasks().list().filter(Filter.eq("status", "pending"))) {
 *         System.out.println(t.getId() + " " + t.getDisplayName());
 *     }
 *     FlowCancellation c = client.flows().cancel("flow-1");
 *     if (c.isPartial()) {
 *         System.out.println("not cancelled: " + c.notCanceledJobs());
 *     }
 * }
 * }</pre>
 *
 * <p>Authentication is one of: a fixed {@link Builder#bearerToken(String) bearer token}, a
 * {@link Builder#tokenProvider(Supplier) token provider} (asked per request, so rotated tokens are
 * picked up), OAuth 2.0 {@link Builder#clientCredentials(String, String, String...) client
 * credentials} (the client fetches, caches and refreshes the token itself; see
 * {@link ClientCredentials}), or, explicitly, {@link Builder#noAuthentication() none}.
 * {@link #fromEnvironment()} reads the base URL and credentials from system properties and
 * environment variables.
 *
 * <p>Every call goes through one pipeline: bearer token,
 * {@code User-Agent: flows-java/<version> [your suffix]}, JSON, timeouts, retries per
 * {@link RetryPolicy}, and typed exceptions from {@code io.flowsdk.client.error}. No access token
 * or client secret ever appears in a message, {@code toString()} or log line.
 */
public final class FlowsClient implements AutoCloseable {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /**
     * The most bytes a successful answer may hold unless {@link Builder#maxResponseBytes(long)}
     * says otherwise: 8 MiB, several thousand tasks, while the largest answer of that size and the
     * objects it decodes to fit in a 128 MiB heap together with the client.
     */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

    private final HttpUrl baseUrl;
    private final HttpClients http;
    private final ThreadPoolExecutor executor;
    private final ClientState state = new ClientState();
    private final Authenticator authenticator;
    private final Observer observer;
    private final RetryPolicy retryPolicy;
    private final Duration timeout;
    private final String userAgent;
    private final ApiCalls calls;
    // Made on first use: a program that only reads tasks never loads the flow-instance classes
    // (start-up time). Two threads racing may each make one; they are stateless and interchangeable.
    private volatile Tasks tasks;
    private volatile Flows flows;

    private FlowsClient(Builder b, HttpUrl baseUrl) {
        this.baseUrl = baseUrl;
        this.retryPolicy = b.retryPolicy;
        this.timeout = b.timeout;
        this.userAgent = "flows-java/" + Version.get() + (b.userAgentSuffix == null ? "" : " " + b.userAgentSuffix);
        this.http = HttpClients.create(b.httpClient, b.timeout, state, b.httpLog);
        this.executor = executor();
        TimeSource time = b.clock instanceof TimeSource ts ? ts : new SystemTime(b.clock);
        DoubleSupplier random = b.random != null ? b.random : SystemRandom.INSTANCE;
        // no listener, no events: Observer.NONE builds nothing
        this.observer = b.listeners.isEmpty() ? Observer.NONE
                : new ListenerObserver(List.copyOf(b.listeners), time, state::isClosed);
        ClientContext unauthenticated = new ClientContext(baseUrl, http, JsonCodec.shared(), time, random, executor,
                b.retryPolicy, b.timeout, b.totalTimeout, userAgent, NoAuthenticator.INSTANCE, observer,
                b.maxResponseBytes, state);
        this.authenticator = authenticator(b, new Transport(unauthenticated), userAgent, executor, time, observer);
        this.calls = new ApiCalls(unauthenticated.withAuth(authenticator));
    }

    /**
     * The authentication the builder chose; build() has checked that at most one was configured.
     * The token request of client credentials goes through {@code transport}, the same retrying
     * transport as every call (without the client's token, never following a redirect).
     */
    private static Authenticator authenticator(Builder b, Transport transport, String userAgent, Executor executor,
                                               TimeSource time, Observer observer) {
        if (b.bearerToken != null) {
            return new StaticTokenAuthenticator(b.bearerToken);
        }
        if (b.tokenProvider != null) {
            return new TokenProviderAuthenticator(b.tokenProvider, executor);
        }
        if (b.credentials != null) {
            TokenEndpoint endpoint = new TokenEndpoint(b.credentials, b.resolvedTokenUrl, userAgent);
            return new ClientCredentialsAuthenticator(endpoint,
                    new TokenCache(time.clock(), new TokenFetch(transport, endpoint), b.credentials.refreshBefore(),
                            observer));
        }
        return NoAuthenticator.INSTANCE;
    }

    /**
     * Runs the short tasks of asynchronous calls off the caller's thread: a retry that is due, a
     * token provider's call. The queue has no bound, so work is refused only once the client is
     * closed: no call ever fails because the SDK ran out of threads.
     */
    private static ThreadPoolExecutor executor() {
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor e = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("flows-async"));
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    /**
     * Returns a new builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a client from system properties and environment variables; the same as
     * {@code FlowsClient.builder().fromEnvironment().build()}. See {@link Builder#fromEnvironment()}.
     *
     * @return the client
     * @throws IllegalStateException listing every setting that is missing, malformed or contradictory
     */
    public static FlowsClient fromEnvironment() {
        return builder().fromEnvironment().build();
    }

    /** {@link #fromEnvironment()} on a given environment and properties, for tests. */
    static FlowsClient fromEnvironment(Map<String, String> env, Properties props) {
        return builder().fromEnvironment(env, props).build();
    }

    /**
     * Returns the task endpoints.
     *
     * @return the task endpoints
     */
    public Tasks tasks() {
        Tasks t = tasks;
        if (t == null) {
            tasks = t = new Tasks(calls);
        }
        return t;
    }

    /**
     * Returns the flow-instance endpoints.
     *
     * @return the flow-instance endpoints
     */
    public Flows flows() {
        Flows f = flows;
        if (f == null) {
            flows = f = new Flows(calls);
        }
        return f;
    }

    /**
     * Returns the base URL every path is resolved against, for example {@code https://acme.example.com/api/v1}.
     *
     * @return the base URL every path is resolved against, for example {@code https://acme.example.com/api/v1}
     */
    public String baseUrl() {
        return baseUrl.toString();
    }

    /**
     * Returns the User-Agent sent with every request.
     *
     * @return the User-Agent sent with every request
     */
    public String userAgent() {
        return userAgent;
    }

    /**
     * Releases what this client owns: its threads and, when it built its own OkHttp client, the
     * connection pool and dispatcher. A caller-supplied {@code OkHttpClient} is left running.
     * Every call in progress ends at once with a {@code FlowsTransportException} saying the client
     * was closed (a request in flight is cancelled, a retry or a poll still to come is called off),
     * and once {@code close()} returns no request of this client leaves the machine. Calls made
     * after {@code close()} fail with {@link IllegalStateException}. Idempotent.
     */
    @Override
    public void close() {
        try {
            state.close();
        } finally {
            executor.shutdownNow();
            http.close();
        }
    }

    /**
     * Returns connections in this client's OkHttp pool (idle and in use).
     *
     * @return connections in this client's OkHttp pool (idle and in use); for leak tests
     */
    int connectionCount() {
        return http.connectionCount();
    }

    /** For leak tests: attempts whose per-attempt state the network interceptors can still reach. */
    int attemptsInFlight() {
        return http.attemptsInFlight();
    }

    /**
     * Returns where this client's events go.
     *
     * @return {@code Observer.NONE} without listeners; for tests
     */
    Observer observer() {
        return observer;
    }

    /**
     * Returns how this client authenticates its calls.
     *
     * @return the authenticator; for tests
     */
    Authenticator authenticator() {
        return authenticator;
    }

    @Override
    public String toString() {
        return "FlowsClient{baseUrl=" + baseUrl + ", auth=" + authenticator + ", retryPolicy=" + retryPolicy
                + ", timeout=" + timeout + ", userAgent=" + userAgent + "}";
    }

    /**
     * Builds a {@link FlowsClient}. Every setter checks its argument at once; rules that involve
     * several settings are checked by {@link #build()}. Not thread-safe; the client it builds is.
     */
    public static final class Builder {
        private String baseUrl;
        // authentication: at most one of these four (or noAuthentication); build() refuses two
        private String bearerToken;
        private Supplier<String> tokenProvider;
        private ClientCredentials credentials;
        /** The authentication settings made, by method name, with how they were made; in order. */
        private final Map<String, String> authChoices = new LinkedHashMap<>();
        private HttpUrl resolvedTokenUrl;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration timeout = Duration.ofSeconds(30);
        private Duration totalTimeout;
        private OkHttpClient httpClient;
        private String userAgentSuffix;
        private boolean allowInsecureHttp;
        private Consumer<String> httpLog;
        private Clock clock = Clock.systemUTC();
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private DoubleSupplier random;
        private final List<FlowsListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets {@code baseUrl}.
         *
         * @param baseUrl the API root, for example {@code https://acme.example.com/api/v1}; required.
         *                {@code http://} is accepted only for loopback hosts unless {@link #allowInsecureHttp()}.
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * Sets {@code token}.
         *
         * @param token a fixed bearer token (JWT), sent as {@code Authorization: Bearer <token>}
         * @return this builder
         */
        public Builder bearerToken(String token) {
            Objects.requireNonNull(token, "bearerToken");
            String problem = Tokens.problem(token);
            if (problem != null) {
                throw new IllegalArgumentException("bearerToken " + problem);
            }
            return bearerToken(token, "bearerToken");
        }

        private Builder bearerToken(String token, String how) {
            this.bearerToken = token;
            authChoices.put("bearerToken", how);
            return this;
        }

        /**
         * Sets {@code tokenProvider}. Anything it throws, and a token it returns that cannot be sent
         * (null, blank, control characters), fails the call with
         * {@link io.flowsdk.client.error.AuthenticationException}. Asynchronous calls run it on the
         * client's own threads.
         *
         * @param tokenProvider called for every request (every retry too), so rotated tokens are picked up
         * @return this builder
         */
        public Builder tokenProvider(Supplier<String> tokenProvider) {
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
            authChoices.put("tokenProvider", "tokenProvider");
            return this;
        }

        /**
         * Authenticates with OAuth 2.0 client credentials: the client fetches an access token at the
         * origin of the base URL plus {@code /oauth2/token} with {@code client_secret_basic}, caches it
         * and refreshes it ahead of its expiry. For other settings use
         * {@link #credentials(ClientCredentials)}.
         *
         * @param clientId     the client id of the machine-to-machine integration
         * @param clientSecret its client secret; never shown in messages, logs or {@code toString()}
         * @param scopes       the scopes to request, if any
         * @return this builder
         * @throws IllegalArgumentException if the id or secret is blank, or a scope is not a scope token
         */
        public Builder clientCredentials(String clientId, String clientSecret, String... scopes) {
            ClientCredentials c = ClientCredentials.builder().clientId(clientId).clientSecret(clientSecret)
                    .scopes(scopes).build();
            this.credentials = c;
            authChoices.put("clientCredentials", "clientCredentials");
            return this;
        }

        /**
         * Authenticates with OAuth 2.0 client credentials, with every setting of
         * {@link ClientCredentials} (token URL, authentication method, refresh margin).
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(ClientCredentials credentials) {
            return credentials(credentials, "credentials");
        }

        private Builder credentials(ClientCredentials credentials, String how) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            authChoices.put("credentials", how);
            return this;
        }

        /**
         * Sends requests without an {@code Authorization} header. Required for a client without
         * authentication, unless the base URL's host is loopback (stubs and tests).
         *
         * @return this builder
         */
        public Builder noAuthentication() {
            authChoices.put("noAuthentication", "noAuthentication");
            return this;
        }

        /**
         * Sets the base URL, the credentials and the timeout from Java system properties and
         * environment variables; everything else stays as it is and can still be set.
         *
         * <table>
         *   <caption>Settings, in the order they are read: a system property wins over its environment variable</caption>
         *   <tr><th>system property</th><th>environment variable</th><th>meaning</th></tr>
         *   <tr><td>{@code flows.baseUrl}</td><td>{@code FLOWS_BASE_URL}</td><td>the API root; required</td></tr>
         *   <tr><td>{@code flows.token}</td><td>{@code FLOWS_TOKEN}</td><td>a bearer token; or:</td></tr>
         *   <tr><td>{@code flows.clientId}</td><td>{@code FLOWS_CLIENT_ID}</td><td>client credentials: id</td></tr>
         *   <tr><td>{@code flows.clientSecret}</td><td>{@code FLOWS_CLIENT_SECRET}</td><td>client credentials: secret</td></tr>
         *   <tr><td>{@code flows.scopes}</td><td>{@code FLOWS_SCOPES}</td><td>optional; space or comma separated</td></tr>
         *   <tr><td>{@code flows.tokenUrl}</td><td>{@code FLOWS_TOKEN_URL}</td><td>optional token URL</td></tr>
         *   <tr><td>{@code flows.timeout}</td><td>{@code FLOWS_TIMEOUT}</td><td>optional; seconds ({@code 30}) or ISO-8601 ({@code PT30S})</td></tr>
         * </table>
         *
         * <p>Exactly one of a token and client credentials (id and secret) must be set. A system
         * property that is present wins even when empty ({@code -Dflows.token=} hides
         * {@code FLOWS_TOKEN}); empty values count as not set; surrounding whitespace is ignored.
         * Authentication set here counts as set by {@link #bearerToken(String)} or
         * {@link #credentials(ClientCredentials)}: setting another kind as well fails in {@link #build()}.
         *
         * @return this builder
         * @throws IllegalStateException listing every setting that is missing, malformed or
         *                               contradictory, and the order in which the sources are read
         */
        public Builder fromEnvironment() {
            return fromEnvironment(System.getenv(), System.getProperties());
        }

        /** {@link #fromEnvironment()} on a given environment and properties, for tests. */
        Builder fromEnvironment(Map<String, String> env, Properties props) {
            EnvironmentSettings.Settings s = EnvironmentSettings.read(env, props);
            baseUrl(s.baseUrl());
            if (s.token() != null) {
                bearerToken(s.token(), "bearerToken (from fromEnvironment(): " + s.tokenSource() + ")");
            } else {
                credentials(s.credentials(), "credentials (from fromEnvironment(): " + s.idSource() + ")");
            }
            if (s.timeout() != null) {
                timeout(s.timeout());
            }
            return this;
        }

        /**
         * Sets {@code retryPolicy}.
         *
         * @param retryPolicy when to retry; {@link RetryPolicy#defaults()} unless set, {@link RetryPolicy#none()} disables
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sets {@code timeout}.
         *
         * @param timeout the whole-call timeout of one attempt (connect, send, wait, read); default 30 s
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets {@code totalTimeout}.
         *
         * @param totalTimeout a deadline for one call including all its retries and waits; none by default
         * @return this builder
         */
        public Builder totalTimeout(Duration totalTimeout) {
            this.totalTimeout = positive(totalTimeout, "totalTimeout");
            return this;
        }

        /**
         * Sets {@code httpClient}.
         *
         * @param httpClient an OkHttp client to share (its connection pool and dispatcher); the SDK derives
         *                   its own with {@code newBuilder()} and never changes or closes yours
         * @return this builder
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Sets {@code userAgent}.
         *
         * @param userAgent appended to the SDK's own {@code flows-java/<version>}, for example {@code my-app/1.2}
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            Objects.requireNonNull(userAgent, "userAgent");
            for (int i = 0; i < userAgent.length(); i++) {
                char c = userAgent.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException("userAgent must be printable ASCII; bad character at index " + i);
                }
            }
            this.userAgentSuffix = userAgent.isBlank() ? null : userAgent.strip();
            return this;
        }

        /**
         * Allows a plain {@code http://} base URL for a host that is not loopback. Tokens then travel
         * unencrypted: use only on trusted networks.
         *
         * @return this builder
         */
        public Builder allowInsecureHttp() {
            this.allowInsecureHttp = true;
            return this;
        }

        /**
         * Logs each request and response line and headers (OkHttp's logging interceptor, level
         * HEADERS) to {@code sink}; {@code Authorization} is shown as {@code ██}. Off by default.
         *
         * @param sink where log lines go, for example {@code System.err::println} or a logger
         * @return this builder
         */
        public Builder httpLogger(Consumer<String> sink) {
            this.httpLog = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Sets the clock of snapshots ({@link Query#snapshot()}), of waiters ({@code await}) and of
         * {@code Retry-After} dates. Default: the system clock, UTC.
         *
         * @param clock the client's wall clock; the testkit passes its stub's clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the most bytes one successful answer may hold, which also bounds the memory its
         * decoded value may take: about 5 times as much, estimated as it is read (JSON such as
         * {@code [{},{},...]} takes far more memory than bytes). A larger answer (a page of huge
         * items, a hostile server, a compressed body that inflates beyond it) fails with
         * {@code MalformedResponseException} instead of exhausting memory; nothing is ever held
         * whole in memory, answers are decoded as they stream in. A single string in an answer
         * may take up to 6 times its length in memory while it is read: count on about 6 times
         * this limit of free heap.
         *
         * @param maxResponseBytes at least 1 KiB; default {@value #DEFAULT_MAX_RESPONSE_BYTES} (8 MiB)
         * @return this builder
         */
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes < 1024) {
                throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + maxResponseBytes);
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /**
         * Adds a listener of calls, attempts, retries, token requests, pages and iterations: for
         * metrics ({@code flows-micrometer}), traces ({@code flows-opentelemetry}) or logs of your
         * own. May be called several times; listeners receive each event in the order they were
         * added. See {@link FlowsListener} for the events, their order and threads. Without
         * listeners the client builds no events at all.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(FlowsListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalArgumentException if {@code baseUrl} is missing or not an http(s) URL, or it or
         *                                  the token URL is plain {@code http} for a non-loopback host
         *                                  without {@link #allowInsecureHttp()}
         * @throws IllegalStateException    if two ways to authenticate were set ({@code bearerToken},
         *                                  {@code tokenProvider}, {@code clientCredentials},
         *                                  {@code credentials}, {@code noAuthentication}), or none for a
         *                                  host that is not loopback
         */
        public FlowsClient build() {
            if (baseUrl == null) {
                throw new IllegalArgumentException("baseUrl is required, for example https://acme.example.com/api/v1");
            }
            HttpUrl url = HttpUrl.parse(baseUrl.strip());
            if (url == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, was: " + baseUrl);
            }
            if (url.query() != null || url.fragment() != null || url.username().length() > 0
                    || url.password().length() > 0) {
                throw new IllegalArgumentException("baseUrl must not carry a query, fragment or user info: "
                        + url.newBuilder().query(null).fragment(null).username("").password("").build());
            }
            if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
                throw new IllegalArgumentException("baseUrl uses plain http for the non-loopback host " + url.host()
                        + ": the bearer token would travel unencrypted. Use https, or call allowInsecureHttp() "
                        + "to opt in to http");
            }
            // drop a trailing slash so that path segments append cleanly
            HttpUrl.Builder ub = url.newBuilder();
            while (url.pathSegments().size() > 0 && url.pathSegments().get(url.pathSegments().size() - 1).isEmpty()
                    && url.pathSegments().size() > 1) {
                ub.removePathSegment(url.pathSegments().size() - 1);
                url = ub.build();
                ub = url.newBuilder();
            }
            if (url.pathSegments().size() == 1 && url.pathSegments().get(0).isEmpty()) {
                url = url.newBuilder().encodedPath("/").build();
            }
            checkAuthentication(url);
            return new FlowsClient(this, url);
        }

        private void checkAuthentication(HttpUrl url) {
            if (authChoices.size() > 1) {
                throw new IllegalStateException(String.join(" and ", authChoices.values())
                        + " are mutually exclusive: configure one way to authenticate");
            }
            if (authChoices.isEmpty() && !isLoopback(url.host())) {
                throw new IllegalStateException("no authentication configured for " + url.host() + ": call "
                        + "bearerToken(...), tokenProvider(...), clientCredentials(...) or credentials(...), or "
                        + "noAuthentication() to send requests without an Authorization header (only loopback "
                        + "hosts may go without)");
            }
            resolvedTokenUrl = null;
            if (credentials != null) {
                HttpUrl tokenUrl = credentials.tokenUrl() == null ? TokenEndpoint.defaultUrl(url)
                        : HttpUrl.get(credentials.tokenUrl());
                if (!tokenUrl.isHttps() && !allowInsecureHttp && !isLoopback(tokenUrl.host())) {
                    throw new IllegalArgumentException("tokenUrl uses plain http for the non-loopback host "
                            + tokenUrl.host() + ": the client secret would travel unencrypted. Use https, or call "
                            + "allowInsecureHttp() to opt in to http");
                }
                resolvedTokenUrl = tokenUrl;
            }
        }

        private static boolean isLoopback(String host) {
            String h = host.toLowerCase(java.util.Locale.ROOT);
            return h.equals("localhost") || h.endsWith(".localhost") || IPV4_LOOPBACK.matcher(h).matches()
                    || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }

        @Override
        public String toString() {
            return "FlowsClient.Builder{baseUrl=" + baseUrl + ", auth=" + describeAuth() + ", retryPolicy="
                    + retryPolicy + ", timeout=" + timeout + "}";
        }

        private String describeAuth() {
            if (authChoices.isEmpty()) {
                return "none";
            }
            StringBuilder sb = new StringBuilder();
            for (String name : authChoices.keySet()) {
                sb.append(sb.length() == 0 ? "" : " + ");
                switch (name) {
                    case "bearerToken":
                        sb.append("bearer token ").append(Secrets.MASK);
                        break;
                    case "clientCredentials":
                    case "credentials":
                        sb.append(credentials);
                        break;
                    default:
                        sb.append(name);
                }
            }
            return sb.toString();
        }
    }
}
