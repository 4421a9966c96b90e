package io.flowsdk.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.google.gson.JsonObject;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.internal.StubTime;
import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.testkit.internal.FakeFlowsApi;
import io.flowsdk.testkit.internal.SdkFilterSupport;
import io.flowsdk.testkit.internal.ResourceStore;
import io.flowsdk.testkit.internal.ApiRequest;
import io.flowsdk.testkit.internal.ApiResponse;
import io.flowsdk.testkit.internal.Route;
import io.flowsdk.testkit.internal.TokenIssuer;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stateful fake of the Flows API on a real HTTP server (WireMock, bound to 127.0.0.1 on a
 * random port), for testing code that uses the Flows Java SDK.
 *
 * <p>Behind the server is an in-memory, thread-safe store of tasks and flow instances: they can
 * be seeded, listed (SCIM paging, filtering with the SDK's own filter evaluator, sorting,
 * attribute projection, {@code forTime} history), created, completed and cancelled; a flow
 * cancel can be told to answer 207. Requests need {@code Authorization: Bearer }{@link #token()},
 * or an access token from the stub's OAuth 2.0 token endpoint (401 otherwise; see
 * {@link #clientWithCredentials()}). Faults can be injected per {@link Endpoint}, and every
 * request is recorded.
 *
 * <pre>{@code
 * try (FlowsStub stub = new FlowsStub()) {
 *   String id = stub.addTask(new Task().displayName("Approve access").assigneeId("u1")).getId();
 *   FlowsClient client = stub.client();
 *   client.tasks().complete(id, Map.of("approved", true));
 *   assertEquals("completed", stub.task(id).orElseThrow().getStatus());
 * }
 * }</pre>
 *
 * <p>With JUnit 5, {@link FlowsStubExtension} starts one per test class and resets it before
 * each test. All methods are thread-safe.
 */
public final class FlowsStub implements AutoCloseable {
    /** The bearer token the stub expects unless told otherwise. Not a JWT, not a secret. */
    public static final String DEFAULT_TOKEN = "testkit-token";
    /** The client id registered at the stub's token endpoint from the start (scopes {@code read}, {@code write}). */
    public static final String DEFAULT_CLIENT_ID = "testkit-client";
    /** The secret of {@link #DEFAULT_CLIENT_ID}. Not a secret. */
    public static final String DEFAULT_CLIENT_SECRET = "testkit-client-secret";

    private final String token;
    private final StubClock clock = new StubClock();
    private final WireMockServer server;
    private final String baseUrl;
    private final ResourceStore store;
    private final FakeFlowsApi api;
    private final long initialMaxPageSize;
    private final List<FaultPlan> faults = new ArrayList<>();
    private final List<RecordedRequest> journal = new ArrayList<>();
    private final List<FlowsClient> clients = new ArrayList<>();
    private FlowsClient defaultClient;
    private final TokenIssuer tokens = new TokenIssuer(clock);
    private FlowsClient credentialsClient;
    private volatile boolean closed;

    /** Starts a stub that expects {@link #DEFAULT_TOKEN}. */
    public FlowsStub() {
        this(builder());
    }

    /**
     * Starts a stub that expects the given bearer token.
     *
     * @param token the token clients must send
     */
    public FlowsStub(String token) {
        this(builder().token(token));
    }

    private FlowsStub(Builder b) {
        this.token = b.token;
        this.initialMaxPageSize = b.maxPageSize;
        String[] url = new String[1];
        this.store = new ResourceStore(clock, () -> url[0]);
        tokens.registerDefault(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, List.of("read", "write"));
        this.api = new FakeFlowsApi(store, new SdkFilterSupport(), () -> this.token, tokens);
        api.maxPageSize(b.maxPageSize);
        this.server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .notifier(new ConsoleNotifier(false))
                .extensions(new StubTransformer(this)));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(StubTransformer.NAME)));
        this.baseUrl = "http://127.0.0.1:" + server.port() + "/api/v1";
        url[0] = baseUrl;
    }


    /**
     * A builder for a stub with non-default settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a {@link FlowsStub}; {@link #build()} starts the server. */
    public static final class Builder {
        private String token = DEFAULT_TOKEN;
        private long maxPageSize;

        private Builder() {}

        /**
         * The bearer token clients must send.
         *
         * @param token the token, not blank
         * @return this builder
         */
        public Builder token(String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            this.token = token;
            return this;
        }

        /**
         * A server-side cap on the page size (list {@code count}), as real servers have.
         *
         * @param maxPageSize the largest page returned, or 0 for no cap (the default)
         * @return this builder
         */
        public Builder maxPageSize(long maxPageSize) {
            if (maxPageSize < 0) {
                throw new IllegalArgumentException("maxPageSize must be >= 0, got " + maxPageSize);
            }
            this.maxPageSize = maxPageSize;
            return this;
        }

        /**
         * Starts the stub.
         *
         * @return the running stub
         */
        public FlowsStub build() {
            return new FlowsStub(this);
        }
    }

    // ---------------------------------------------------------------- server

    /**
     * The API root to configure a client with.
     *
     * @return {@code http://127.0.0.1:PORT/api/v1}
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The port the server listens on (on 127.0.0.1).
     *
     * @return the port
     */
    public int port() {
        return server.port();
    }

    /**
     * The bearer token the stub expects.
     *
     * @return the token
     */
    public String token() {
        return token;
    }

    /**
     * The underlying WireMock server, for WireMock's own {@code verify} and request journal.
     * Do not register stubs of your own: one catch-all stub routes everything to the fake.
     *
     * @return the server
     */
    public WireMockServer wireMock() {
        return server;
    }

    /**
     * The clock that stamps changes and history. Set or advance it to test {@code forTime}.
     *
     * @return the clock
     */
    public StubClock clock() {
        return clock;
    }

    /**
     * Caps the page size (list {@code count}) from now on, as real servers do.
     *
     * @param max the largest page returned, or 0 for no cap
     * @return this stub
     */
    public FlowsStub maxPageSize(long max) {
        api.maxPageSize(max);
        return this;
    }

    /**
     * The retry policy of the clients the stub hands out: the SDK's default attempts and rules,
     * but no backoff sleep (a {@code Retry-After} sent by the server is still honoured).
     *
     * @return 3 attempts, zero backoff
     */
    public static RetryPolicy zeroSleepRetryPolicy() {
        return RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build();
    }

    /**
     * A client configured for this stub: {@link #baseUrl()}, {@link #token()}, a zero-sleep retry
     * policy ({@link #zeroSleepRetryPolicy()}), a 10 second timeout, and the stub's {@link #clock()}
     * as its clock (snapshots, waiters). While the stub's clock is frozen, the client's waits
     * (backoffs, {@code await} polls) move it forward instead of sleeping: a test of a five-minute
     * wait runs in milliseconds. The same client is returned
     * on every call; the stub closes it when it closes.
     *
     * @return the shared client
     */
    public synchronized FlowsClient client() {
        if (defaultClient == null) {
            defaultClient = client(b -> {});
        }
        return defaultClient;
    }

    /**
     * A new client configured like {@link #client()}, then customised, for example with
     * {@code b -> b.retryPolicy(RetryPolicy.none()).timeout(Duration.ofMillis(200))}. The stub
     * closes it when it closes. It authenticates with {@link #token()}; the customizer may set
     * another {@code bearerToken}, but another kind of authentication conflicts with it (use
     * {@link #clientWithCredentials(Consumer)}, or a builder of your own on {@link #baseUrl()}).
     *
     * @param customizer changes the builder before {@code build()}
     * @return a new client
     */
    public FlowsClient client(Consumer<FlowsClient.Builder> customizer) {
        Objects.requireNonNull(customizer, "customizer");
        return newClient(b -> b.bearerToken(token), customizer);
    }

    private FlowsClient newClient(Consumer<FlowsClient.Builder> auth, Consumer<FlowsClient.Builder> customizer) {
        FlowsClient.Builder b = FlowsClient.builder()
                .baseUrl(baseUrl)
                .retryPolicy(zeroSleepRetryPolicy())
                .timeout(Duration.ofSeconds(10))
                .clock(new StubTime(clock));
        auth.accept(b);
        customizer.accept(b);
        FlowsClient c = b.build();
        synchronized (clients) {
            clients.add(c);
        }
        return c;
    }

    // ---------------------------------------------------------------- OAuth 2.0 client credentials

    /**
     * The URL of the stub's OAuth 2.0 token endpoint: {@code POST /oauth2/token} at the stub's
     * origin, the default token URL of a client whose base URL is {@link #baseUrl()}.
     *
     * <p>It issues access tokens for the client credentials grant (RFC 6749 §4.4) to registered
     * clients ({@link #DEFAULT_CLIENT_ID} from the start, more with
     * {@link #registerClient(String, String, String...)}), which authenticate with
     * {@code client_secret_basic} or {@code client_secret_post}; a form-encoded body is required.
     * Tokens live {@link #tokenLifetime(Duration) one hour} on {@link #clock()}. The API accepts them
     * like {@link #token()}; an expired or {@linkplain #revokeTokens() revoked} one gets 401 with
     * {@code WWW-Authenticate: Bearer error="invalid_token"}. Errors are RFC 6749 §5.2 answers:
     * {@code invalid_client} (401: unknown client, wrong secret, no credentials),
     * {@code invalid_request} (400: no {@code grant_type}, a repeated parameter, two authentication
     * methods, not form-encoded), {@code unsupported_grant_type}, {@code invalid_scope}. Token
     * requests are recorded and counted under {@link Endpoint#TOKEN}, and faults can be injected
     * there.
     *
     * @return {@code http://127.0.0.1:PORT/oauth2/token}
     */
    public String tokenUrl() {
        return "http://127.0.0.1:" + server.port() + TokenIssuer.PATH;
    }

    /**
     * Registers a client at the token endpoint, or replaces the registration of that id. A
     * {@link #reset()} keeps only {@link #DEFAULT_CLIENT_ID}.
     *
     * @param clientId the client id
     * @param clientSecret its secret
     * @param scopes the scopes it may request; a token request without {@code scope} is granted all
     * @return this stub
     */
    public FlowsStub registerClient(String clientId, String clientSecret, String... scopes) {
        tokens.register(clientId, clientSecret, List.of(scopes));
        return this;
    }

    /**
     * Sets the lifetime ({@code expires_in}) of the access tokens issued from now on; one hour by
     * default and after {@link #reset()}. Tokens expire on {@link #clock()}.
     *
     * @param lifetime at least one second
     * @return this stub
     */
    public FlowsStub tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
        return this;
    }

    /**
     * Revokes every access token issued so far: the API answers each with 401 and
     * {@code WWW-Authenticate: Bearer error="invalid_token"}. Tokens issued afterwards are valid.
     * ({@link #reset()} neither revokes nor restores tokens: a client's token outlives a test.)
     *
     * @return this stub
     */
    public FlowsStub revokeTokens() {
        tokens.revokeAll();
        return this;
    }

    /**
     * A client that authenticates with OAuth 2.0 client credentials ({@link #DEFAULT_CLIENT_ID},
     * {@code client_secret_basic}) at {@link #tokenUrl()}; otherwise like {@link #client()}. The
     * same client is returned on every call; the stub closes it when it closes.
     *
     * @return the shared client
     */
    public synchronized FlowsClient clientWithCredentials() {
        if (credentialsClient == null) {
            credentialsClient = clientWithCredentials(b -> {});
        }
        return credentialsClient;
    }

    /**
     * A new client like {@link #clientWithCredentials()}, then customised, for example with
     * {@code b -> b.retryPolicy(RetryPolicy.none())}. The customizer must not set authentication
     * (that conflicts with the credentials already set): for other credentials use
     * {@link #clientWithCredentials(ClientCredentials, Consumer)}. The stub closes it when it closes.
     *
     * @param customizer changes the builder before {@code build()}
     * @return a new client
     */
    public FlowsClient clientWithCredentials(Consumer<FlowsClient.Builder> customizer) {
        return clientWithCredentials(ClientCredentials.builder().clientId(DEFAULT_CLIENT_ID)
                .clientSecret(DEFAULT_CLIENT_SECRET).build(), customizer);
    }

    /**
     * A new client that authenticates with the given credentials (register them first with
     * {@link #registerClient(String, String, String...)}; leave the token URL unset to use
     * {@link #tokenUrl()}), otherwise like {@link #client()}, then customised. The stub closes it
     * when it closes.
     *
     * @param credentials the client credentials
     * @param customizer changes the builder before {@code build()}; must not set authentication
     * @return a new client
     */
    public FlowsClient clientWithCredentials(ClientCredentials credentials, Consumer<FlowsClient.Builder> customizer) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(customizer, "customizer");
        return newClient(b -> b.credentials(credentials), customizer);
    }

    /** Routes a request to the token endpoint or to the fake API. */
    ApiResponse handle(ApiRequest request, Route route) {
        return route.endpoint() == Endpoint.TOKEN ? tokens.handle(request) : api.handle(request, route);
    }

    // ---------------------------------------------------------------- seeding

    /**
     * Adds a task as given (JSON as the API sends it). The stub fills what a server would when
     * missing: {@code id} (a UUID), {@code status} {@code pending}, {@code meta.created},
     * {@code meta.lastModified}, {@code meta.revision}, {@code meta.resourceType} and
     * {@code meta.location}. A task given as completed or canceled with an {@code ended} time
     * after its {@code meta.created} gets a history in which it was pending until it ended.
     *
     * @param task the task
     * @return the stored task (a copy)
     * @throws IllegalArgumentException when a task with that id exists
     */
    public JsonObject addTask(JsonObject task) {
        return store.addTask(Objects.requireNonNull(task, "task"));
    }

    /**
     * Adds a task given as the SDK model; see {@link #addTask(JsonObject)}.
     *
     * @param task the task
     * @return the stored task, with its id
     * @throws IllegalArgumentException when a task with that id exists
     */
    public Task addTask(Task task) {
        return Models.task(addTask(Models.json(Objects.requireNonNull(task, "task"))));
    }

    /**
     * Adds a flow instance as given (JSON as the API sends it). The stub fills {@code id} (a
     * UUID), {@code status} {@code running} and {@code startedAt} when missing. Its tasks are
     * the tasks whose {@code flow.flowInstanceKey} is its id. {@code StatusExplanations} items
     * must be objects, as the platform sends them, for example
     * {@code {"message": "Waiting for approval"}}.
     *
     * @param flow the flow instance
     * @return the stored flow instance (a copy)
     * @throws IllegalArgumentException when a flow instance with that id exists, or when a
     *     {@code StatusExplanations} item is not an object
     */
    public JsonObject addFlow(JsonObject flow) {
        return store.addFlow(Objects.requireNonNull(flow, "flow"));
    }

    /**
     * Adds a flow instance given as the SDK model; see {@link #addFlow(JsonObject)}.
     *
     * @param flow the flow instance
     * @return the stored flow instance, with its id
     * @throws IllegalArgumentException when a flow instance with that id exists, or when a
     *     {@code StatusExplanations} item is not an object (a map)
     */
    public FlowInstance addFlow(FlowInstance flow) {
        return Models.flow(addFlow(Models.json(Objects.requireNonNull(flow, "flow"))));
    }

    /**
     * Adds a batch of flow instances and tasks, such as {@link Seeds#realistic(int, int, long)}.
     *
     * @param data the batch
     * @return this stub
     */
    public FlowsStub seed(SeedData data) {
        data.flows().forEach(store::addFlow);
        data.tasks().forEach(store::addTask);
        return this;
    }

    /**
     * Registers a job of a flow instance that is not a task (for example a provisioning job).
     *
     * <p>The job model: the jobs of a flow instance are the ids of its open tasks (status
     * neither {@code completed} nor {@code canceled}), then the job ids registered here or with
     * {@link #failJobCancellation(String, String)}. A flow cancel cancels every job except those
     * told to fail; it answers {@code canceledJobs}, {@code notCanceledJobs} and, in
     * {@code taskIds}, the tasks it cancelled.
     *
     * @param flowId the flow instance id
     * @param jobId the job id
     * @return this stub
     */
    public FlowsStub addJob(String flowId, String jobId) {
        store.addJob(Objects.requireNonNull(flowId, "flowId"), Objects.requireNonNull(jobId, "jobId"));
        return this;
    }

    /**
     * Makes the cancellation of one job fail, so that cancelling the flow instance answers 207
     * with the job in {@code notCanceledJobs} (the flow itself is still cancelled). The job may be
     * a task of the flow (the task then stays open) or any other job id (registered as a job of
     * the flow, see {@link #addJob(String, String)}).
     *
     * @param flowId the flow instance id
     * @param jobId the job id
     * @return this stub
     */
    public FlowsStub failJobCancellation(String flowId, String jobId) {
        store.failJobCancellation(Objects.requireNonNull(flowId, "flowId"), Objects.requireNonNull(jobId, "jobId"));
        return this;
    }

    // ---------------------------------------------------------------- state, for assertions

    /**
     * Every task as stored now, in insertion order, as the SDK's model, read with the client's
     * own JSON codec (so exactly as a client would read it from an answer).
     *
     * @return new model objects, safe to modify
     * @throws IllegalStateException when a task seeded as JSON does not read as the model (see
     *     {@link #tasksJson()})
     */
    public List<Task> tasks() {
        return tasksJson().stream().map(Models::task).toList();
    }

    /**
     * Every task as stored now, in insertion order, as JSON (unknown fields and all).
     *
     * @return copies, safe to modify
     */
    public List<JsonObject> tasksJson() {
        return store.tasks(null);
    }

    /**
     * Every flow instance as stored now, in insertion order, as the SDK's model, read with the
     * client's own JSON codec.
     *
     * @return new model objects, safe to modify
     * @throws IllegalStateException when a flow instance seeded as JSON does not read as the
     *     model (see {@link #flowsJson()})
     */
    public List<FlowInstance> flows() {
        return flowsJson().stream().map(Models::flow).toList();
    }

    /**
     * Every flow instance as stored now, in insertion order, as JSON.
     *
     * @return copies, safe to modify
     */
    public List<JsonObject> flowsJson() {
        return store.flows(null);
    }

    /**
     * One task as stored now, as the SDK's model, read with the client's own JSON codec:
     * {@code stub.task(id).orElseThrow().getStatus()}.
     *
     * @param id the task id
     * @return a new model object, or empty
     * @throws IllegalStateException when the task, seeded as JSON, does not read as the model
     *     (see {@link #taskJson(String)})
     */
    public Optional<Task> task(String id) {
        return taskJson(id).map(Models::task);
    }

    /**
     * One task as stored now, as JSON: {@code stub.taskJson(id).orElseThrow().get("status")}.
     *
     * @param id the task id
     * @return a copy, or empty
     */
    public Optional<JsonObject> taskJson(String id) {
        return store.task(id);
    }

    /**
     * One flow instance as stored now, as the SDK's model, read with the client's own JSON codec.
     *
     * @param id the flow instance id
     * @return a new model object, or empty
     * @throws IllegalStateException when the flow instance, seeded as JSON, does not read as the
     *     model (see {@link #flowJson(String)})
     */
    public Optional<FlowInstance> flow(String id) {
        return flowJson(id).map(Models::flow);
    }

    /**
     * One flow instance as stored now, as JSON.
     *
     * @param id the flow instance id
     * @return a copy, or empty
     */
    public Optional<JsonObject> flowJson(String id) {
        return store.flow(id);
    }

    /**
     * The history of a task: every version with its time, change, {@code reason} and
     * {@code correlation}.
     *
     * @param id the task id
     * @return the versions, oldest first (empty when unknown)
     */
    public List<ResourceVersion> taskHistory(String id) {
        return store.taskHistory(id);
    }

    /**
     * The history of a flow instance.
     *
     * @param id the flow instance id
     * @return the versions, oldest first (empty when unknown)
     */
    public List<ResourceVersion> flowHistory(String id) {
        return store.flowHistory(id);
    }

    // ---------------------------------------------------------------- faults

    /**
     * Injects faults into the answers of an endpoint: by default into the next request only;
     * configure the returned plan for more ({@link FaultPlan#afterRequests(long)},
     * {@link FaultPlan#times(long)}, {@link FaultPlan#always()}). Several faults are combined as
     * {@link Fault} describes.
     *
     * @param endpoint the endpoint
     * @param faults one or more faults
     * @return the plan, to configure fluently
     */
    public FaultPlan inject(Endpoint endpoint, Fault... faults) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (faults.length == 0) {
            throw new IllegalArgumentException("inject needs at least one fault");
        }
        FaultPlan plan = new FaultPlan(endpoint, Arrays.asList(faults));
        synchronized (this.faults) {
            this.faults.add(plan);
        }
        return plan;
    }

    /** Removes every injected fault. */
    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** What the faults claimed for one request do. */
    record FaultEffect(long delayMillis, Fault terminal, boolean handleFirst) {}

    FaultEffect claimFault(Endpoint endpoint) {
        if (endpoint == null) {
            return null;
        }
        FaultPlan claimed = null;
        synchronized (faults) {
            for (FaultPlan p : faults) {
                if (p.endpoint() == endpoint && p.offer()) {
                    claimed = p;
                    break;
                }
            }
        }
        if (claimed == null) {
            return null;
        }
        long delay = 0;
        Fault terminal = null;
        for (Fault f : claimed.faults()) {
            if (f.kind == Fault.Kind.DELAY) {
                delay += f.delayMillis;
            } else {
                terminal = f;
            }
        }
        return new FaultEffect(delay, terminal, claimed.handlesFirst());
    }

    // ---------------------------------------------------------------- journal

    void record(RecordedRequest request) {
        synchronized (journal) {
            journal.add(request);
        }
    }

    FakeFlowsApi api() {
        return api;
    }

    /**
     * Every request received since the start or the last {@link #reset()}, in arrival order,
     * including refused and faulted ones.
     *
     * @return an immutable snapshot
     */
    public List<RecordedRequest> requests() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /**
     * The requests routed to one endpoint.
     *
     * @param endpoint the endpoint
     * @return an immutable snapshot, in arrival order
     */
    public List<RecordedRequest> requests(Endpoint endpoint) {
        synchronized (journal) {
            return journal.stream().filter(r -> r.endpoint() == endpoint).toList();
        }
    }

    /**
     * How many requests were routed to one endpoint (including refused and faulted ones).
     *
     * @param endpoint the endpoint
     * @return the count
     */
    public int requestCount(Endpoint endpoint) {
        return requests(endpoint).size();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Returns the stub to its initial state, keeping the server and its port: removes every
     * resource, job, job failure and fault, clears both request journals (ours and WireMock's),
     * restores the clock to system time, the page size cap to its initial value, and the token
     * endpoint to its default client and token lifetime. Clients handed out stay usable (access
     * tokens issued before stay valid until they expire, unless revoked).
     */
    public void reset() {
        store.clear();
        clearFaults();
        synchronized (journal) {
            journal.clear();
        }
        server.resetRequests();
        clock.useSystemTime();
        api.maxPageSize(initialMaxPageSize);
        tokens.reset();
    }

    /** Closes the clients the stub handed out and stops the server. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<FlowsClient> toClose;
        synchronized (clients) {
            toClose = List.copyOf(clients);
            clients.clear();
        }
        RuntimeException failure = null;
        for (FlowsClient c : toClose) {
            try {
                c.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        server.stop();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "FlowsStub[" + baseUrl + ", token=██]";
    }
}
