package io.flowsdk.testkit.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The fake Flows API as a plain function from {@link ApiRequest} to {@link ApiResponse}:
 * authentication, routing, and the behaviour of each endpoint over a {@link ResourceStore}.
 * WireMock only carries requests to it. Thread-safe. Not public API.
 */
public final class FakeFlowsApi {
    /** The page size used when a list request sends no {@code count}. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final List<AnswerListener> LISTENERS = ServiceLoader
            .load(AnswerListener.class, FakeFlowsApi.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .toList();

    private final ResourceStore store;
    private final FilterSupport filters;
    private final Supplier<String> token;
    private final TokenIssuer issuer;
    private volatile long maxPageSize;

    /**
     * Creates the fake.
     *
     * @param store the store it serves
     * @param filters compiles {@code filter} parameters
     * @param token the expected bearer token
     */
    public FakeFlowsApi(ResourceStore store, FilterSupport filters, Supplier<String> token) {
        this(store, filters, token, null);
    }

    /**
     * Creates the fake that also accepts the access tokens an issuer handed out.
     *
     * @param store the store it serves
     * @param filters compiles {@code filter} parameters
     * @param token the expected bearer token, always accepted
     * @param issuer the token endpoint whose valid tokens are accepted too, or null
     */
    public FakeFlowsApi(ResourceStore store, FilterSupport filters, Supplier<String> token, TokenIssuer issuer) {
        this.store = Objects.requireNonNull(store);
        this.filters = Objects.requireNonNull(filters);
        this.token = Objects.requireNonNull(token);
        this.issuer = issuer;
    }

    /**
     * Caps {@code count} on list requests, as real servers do.
     *
     * @param max the largest page the fake returns; 0 for no cap
     */
    public void maxPageSize(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxPageSize must be >= 0, got " + max);
        }
        this.maxPageSize = max;
    }

    /**
     * The current page size cap.
     *
     * @return the cap, 0 for none
     */
    public long maxPageSize() {
        return maxPageSize;
    }

    /**
     * Routes and handles a request.
     *
     * @param request the request
     * @return the response
     */
    public ApiResponse handle(ApiRequest request) {
        return handle(request, Route.of(request.method(), request.rawPath()));
    }

    /**
     * Handles an already routed request.
     *
     * @param request the request
     * @param route its route
     * @return the response
     */
    public ApiResponse handle(ApiRequest request, Route route) {
        ApiResponse response = answer(request, route);
        for (AnswerListener listener : LISTENERS) {
            listener.answered(request, route, response);
        }
        return response;
    }

    private ApiResponse answer(ApiRequest request, Route route) {
        ApiResponse refused = refusal(request);
        if (refused != null) {
            return refused;
        }
        if (route.endpoint() == null) {
            return ApiResponse.error(route.errorStatus(), route.errorMessage());
        }
        try {
            String reason = request.param("reason");
            String correlation = request.param("correlation");
            switch (route.endpoint()) {
                case LIST_TASKS:
                    return list(request, true);
                case LIST_FLOWS:
                    return list(request, false);
                case GET_TASK:
                    return ApiResponse.json(200, store.task(route.id())
                            .orElseThrow(() -> new ApiError(404, "task " + route.id() + " does not exist")));
                case GET_FLOW:
                    return ApiResponse.json(200, store.flow(route.id())
                            .orElseThrow(() -> new ApiError(404, "flow instance " + route.id() + " does not exist")));
                case CREATE_TASK: {
                    JsonObject body = objectBody(request, false);
                    return ApiResponse.json(200, store.createTask(body, reason, correlation));
                }
                case COMPLETE_TASK: {
                    JsonObject body = objectBody(request, true);
                    return ApiResponse.json(200, store.completeTask(route.id(), body.get("variables"), reason, correlation));
                }
                case CANCEL_TASK:
                    objectBody(request, true);
                    return ApiResponse.json(200, store.cancelTask(route.id(), reason, correlation));
                case CANCEL_FLOW: {
                    objectBody(request, true);
                    ResourceStore.FlowCancelResult r = store.cancelFlow(route.id(), reason, correlation);
                    JsonObject body = new JsonObject();
                    body.addProperty("flowId", route.id());
                    body.addProperty("flowStatus", Json.string(r.flow(), "status"));
                    body.add("canceledJobs", array(r.canceledJobs()));
                    body.add("notCanceledJobs", array(r.notCanceledJobs()));
                    body.add("taskIds", array(r.taskIds()));
                    return ApiResponse.json(r.status(), body);
                }
                default:
                    throw new IllegalStateException("unrouted endpoint " + route.endpoint());
            }
        } catch (ApiError e) {
            return e.toResponse();
        }
    }

    /** Null when the bearer token is accepted; otherwise the 401, with RFC 6750 invalid_token for an issued token gone bad. */
    private ApiResponse refusal(ApiRequest request) {
        ApiResponse unauthorized = ApiResponse.error(401, "missing or invalid bearer token")
                .withHeader("WWW-Authenticate", "Bearer");
        String header = request.header("Authorization");
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized;
        }
        String presented = header.substring(7).trim();
        if (presented.equals(token.get())) {
            return null;
        }
        switch (issuer == null ? TokenIssuer.Verdict.UNKNOWN : issuer.check(presented)) {
            case VALID:
                return null;
            case EXPIRED:
                return invalidToken("the access token expired");
            case REVOKED:
                return invalidToken("the access token was revoked");
            default:
                return unauthorized;
        }
    }

    private static ApiResponse invalidToken(String description) {
        return ApiResponse.error(401, description).withHeader("WWW-Authenticate",
                "Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
    }

    private ApiResponse list(ApiRequest request, boolean tasks) {
        Instant forTime = null;
        String forTimeParam = request.param("forTime");
        if (forTimeParam != null && !forTimeParam.isBlank()) {
            forTime = Json.parseTime(forTimeParam.trim())
                    .orElseThrow(() -> new ApiError(400, "invalid forTime '" + forTimeParam + "': not an RFC 3339 date-time"));
        }
        Paging paging = Paging.of(request.param("startIndex"), request.param("count"), DEFAULT_PAGE_SIZE, maxPageSize);
        List<JsonObject> all = tasks ? store.tasks(forTime) : store.flows(forTime);
        all = filter(all, request.param("filter"));
        Sorting.sort(all, request.param("sortBy"), request.param("sortOrder"));
        Projection projection = new Projection(request.multiParam("attributes"), request.multiParam("excludedAttributes"));
        List<JsonObject> page = paging.slice(all);
        JsonArray resources = new JsonArray();
        for (JsonObject o : page) {
            resources.add(projection.apply(o));
        }
        JsonObject body = new JsonObject();
        body.add("Resources", resources);
        body.addProperty("itemsPerPage", page.size());
        body.addProperty("startIndex", paging.startIndex());
        body.addProperty("totalResults", all.size());
        return ApiResponse.json(200, body);
    }

    private List<JsonObject> filter(List<JsonObject> all, String filter) {
        if (filter == null || filter.isBlank()) {
            return new ArrayList<>(all);
        }
        Predicate<JsonObject> predicate;
        try {
            predicate = filters.compile(filter);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalid filter: " + e.getMessage());
        }
        List<JsonObject> out = new ArrayList<>();
        try {
            for (JsonObject o : all) {
                if (predicate.test(o)) {
                    out.add(o);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalid filter: " + e.getMessage());
        }
        return out;
    }

    private static JsonObject objectBody(ApiRequest request, boolean emptyAllowed) {
        String text = request.body();
        if (text.isBlank()) {
            if (emptyAllowed) {
                return new JsonObject();
            }
            throw new ApiError(400, "a JSON object body is required");
        }
        JsonElement parsed = Json.tryParse(text).orElse(null);
        if (parsed == null || !parsed.isJsonObject()) {
            throw new ApiError(400, "the body must be a JSON object, got: " + abbreviate(text));
        }
        return parsed.getAsJsonObject();
    }

    private static String abbreviate(String text) {
        String t = text.strip();
        return t.length() <= 60 ? t : t.substring(0, 60) + "...";
    }

    private static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    @Override
    public String toString() {
        return "FakeFlowsApi[maxPageSize=" + maxPageSize + "]";
    }
}
