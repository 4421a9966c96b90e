package io.flowsdk.client;

import io.flowsdk.client.internal.ApiCalls;
import io.flowsdk.client.internal.ClientContext;
import io.flowsdk.client.internal.Futures;
import io.flowsdk.client.internal.Ids;
import io.flowsdk.client.internal.ListEndpoint;
import io.flowsdk.client.internal.ListEnvelope;
import io.flowsdk.client.internal.Observer;
import io.flowsdk.client.internal.Resource;
import io.flowsdk.client.internal.Waiter;
import io.flowsdk.client.internal.bulk.BulkOperation;
import io.flowsdk.client.internal.bulk.BulkRun;
import io.flowsdk.client.internal.bulk.BulkSource;
import io.flowsdk.client.internal.http.Result;
import io.flowsdk.client.model.FlowCancel;
import io.flowsdk.client.model.FlowInstance;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The flow-instance endpoints ({@code /flows/}). Obtained from {@link FlowsClient#flows()};
 * thread-safe.
 *
 * <pre>{@code
 * FlowInstance f = client.flows().get("flow-1");                 // GET /flows/flow-1
 * FlowCancellation c = client.flows().cancel("flow-1");          // POST /flows/flow-1/.cancel
 * if (c.isPartial()) { ... c.notCanceledJobs() ... }             // 207 Multi-Status
 * }</pre>
 *
 * <p>Flow-instance ids share the path space with the task collection ({@code /flows/tasks}), so
 * the id {@code tasks} is refused with {@link IllegalArgumentException}, like a blank id,
 * {@code .} and {@code ..}. Any other id is sent as exactly one percent-encoded path segment.
 */
public final class Flows {
    private final Resource<FlowInstance> resource;
    private final Resource<FlowInstance> bulkResource;
    private final Observer observer;

    Flows(ApiCalls calls) {
        this.resource = new Resource<>(calls, FlowInstance.class, "flows", "flow instance", Flows::checkId, "flows");
        this.bulkResource = resource.withCalls(calls.withRetryPolicy(RetryPolicy.none()));
        this.observer = calls.context().observer();
    }

    private static String checkId(String id) {
        Ids.require(id, "flowInstanceId");
        if (id.equals("tasks")) {
            throw new IllegalArgumentException("flowInstanceId must not be 'tasks': /flows/tasks is the task "
                    + "collection, not a flow instance");
        }
        return id;
    }

    /**
     * The list endpoint, made for each query: it holds no state, and a program that never lists
     * flow instances never loads the paging classes (start-up time).
     */
    private ListEndpoint<FlowInstance, ?> listEndpoint() {
        return new ListEndpoint<>(resource.calls(), "flows", "/flows/", List.of("flows", ""),
                ListEnvelope.ofFlowInstances());
    }

    /**
     * Returns the flow instance.
     *
     * @param flowInstanceId the flow instance's id
     * @return the flow instance
     * @throws io.flowsdk.client.error.NotFoundException if there is no such flow instance
     */
    public FlowInstance get(String flowInstanceId) {
        return resource.get(flowInstanceId);
    }

    /**
     * Returns the flow instance, or empty on 404.
     *
     * @param flowInstanceId the flow instance's id
     * @return the flow instance, or empty on 404
     */
    public Optional<FlowInstance> find(String flowInstanceId) {
        return resource.find(flowInstanceId);
    }

    /**
     * Returns a lazy query over all flow instances ({@code GET /flows/}, with its trailing slash).
     *
     * @return a lazy query over all flow instances ({@code GET /flows/}, with its trailing slash)
     */
    public Query<FlowInstance> list() {
        return new Query<>(listEndpoint());
    }

    /**
     * Rebuilds a query of flow instances from its descriptor ({@link Query#toDescriptor()}), made in
     * this process or another; it runs with this client.
     *
     * @param descriptor the descriptor, such as {@code flows-query/v1/flows?filter=...}
     * @return the query; nothing is sent until you iterate, count or ask for a page
     * @throws IllegalArgumentException if the descriptor is malformed, of another version, or of tasks
     */
    public Query<FlowInstance> list(String descriptor) {
        return Query.fromDescriptor(listEndpoint(), descriptor);
    }

    /**
     * Cancels a flow instance and its jobs: sends {@code {}}. 200 and 207 both return normally;
     * ask {@link FlowCancellation#isPartial()} or call {@link FlowCancellation#orThrow()}.
     *
     * @param flowInstanceId the flow instance's id
     * @return what was and was not cancelled
     */
    public FlowCancellation cancel(String flowInstanceId) {
        return cancel(flowInstanceId, Change.none());
    }

    /**
     * Returns what was and was not cancelled.
     *
     * @param flowInstanceId the flow instance's id
     * @param change         the reason and correlation to record
     * @return what was and was not cancelled
     */
    public FlowCancellation cancel(String flowInstanceId, Change change) {
        return toCancellation(resource.act(flowInstanceId, ".cancel", Map.of(), change, FlowCancel.class));
    }

    // ---- asynchronous forms (see Tasks: same pipeline, same results and exceptions, through a future) ----

    /**
     * Returns a future of the flow instance.
     *
     * @param flowInstanceId the flow instance's id
     * @return a future of the flow instance; it fails with {@link io.flowsdk.client.error.NotFoundException} on 404
     */
    public CompletableFuture<FlowInstance> getAsync(String flowInstanceId) {
        return resource.getAsync(flowInstanceId);
    }

    /**
     * Returns a future of the flow instance, or of empty on 404.
     *
     * @param flowInstanceId the flow instance's id
     * @return a future of the flow instance, or of empty on 404
     */
    public CompletableFuture<Optional<FlowInstance>> findAsync(String flowInstanceId) {
        return resource.findAsync(flowInstanceId);
    }

    /**
     * Returns a future of what was and was not cancelled.
     *
     * @param flowInstanceId the flow instance's id
     * @return a future of what was and was not cancelled; 200 and 207 both complete it normally
     */
    public CompletableFuture<FlowCancellation> cancelAsync(String flowInstanceId) {
        return cancelAsync(flowInstanceId, Change.none());
    }

    /**
     * Returns a future of what was and was not cancelled.
     *
     * @param flowInstanceId the flow instance's id
     * @param change         the reason and correlation to record
     * @return a future of what was and was not cancelled
     */
    public CompletableFuture<FlowCancellation> cancelAsync(String flowInstanceId, Change change) {
        return Futures.map(resource.actAsync(flowInstanceId, ".cancel", Map.of(), change, FlowCancel.class),
                this::toCancellation);
    }

    // ---- bulk operations ----

    /**
     * Cancels every flow instance the query matches, with bounded concurrency and one rate limiter
     * for the whole run (see {@link Bulk} for the rules). The query is iterated by key
     * ({@link Query#keyset()}) unless it is pinned to a time ({@link Query#snapshot()},
     * {@link Query#forTime}, a partition), which is iterated as it is.
     *
     * @param flows   the flow instances to cancel
     * @param change  the reason and correlation to record on each
     * @param options the concurrency and the progress callback
     * @return the outcome of every flow instance reached: cancels answered 200 in
     *         {@link BulkResult#succeeded()}, 207s in {@link BulkResult#partial()}, failures by id. A
     *         cancel whose answer was lost and that reading the flow confirmed is a success with
     *         status code 0 and empty job lists (they were in the lost answer)
     * @throws IllegalStateException if the query cannot be iterated by key and is not pinned to a time;
     *                               or the client is closed
     */
    public BulkResult<FlowCancellation> cancelAll(Query<FlowInstance> flows, Change change, BulkOptions options) {
        Objects.requireNonNull(flows, "flows");
        return runBulk(cancellation(change), BulkSource.of(flows.forBulk("cancelAll").pages(), FlowInstance::getId),
                options);
    }

    /**
     * Cancels the flow instances with these ids, with bounded concurrency and one rate limiter for
     * the whole run (see {@link Bulk} for the rules). Each distinct id is cancelled once, in order.
     *
     * @param flowInstanceIds the ids; all are checked before anything is sent (the id {@code tasks} is refused)
     * @param change          the reason and correlation to record on each
     * @param options         the concurrency and the progress callback
     * @return the outcome of every flow instance, as {@link #cancelAll(Query, Change, BulkOptions)} says
     */
    public BulkResult<FlowCancellation> cancelAll(Iterable<String> flowInstanceIds, Change change,
                                                  BulkOptions options) {
        BulkOperation<FlowCancellation> op = cancellation(change);
        return runBulk(op, BulkSource.of(flowInstanceIds, resource::checkId, "flowInstanceIds"), options);
    }

    private BulkOperation<FlowCancellation> cancellation(Change change) {
        Objects.requireNonNull(change, "change");
        return BulkOperation.of("cancel of flow instance",
                id -> Futures.map(bulkResource.actAsync(id, ".cancel", Map.of(), change, FlowCancel.class), r -> {
                    FlowCancellation c = toCancellation(r);
                    return c.isPartial() ? new BulkOperation.Outcome<>(null, c) : BulkOperation.Outcome.of(c);
                }),
                id -> Futures.map(bulkResource.getAsync(id), f -> new BulkOperation.Confirmation<>(
                        isCanceled(f) ? new FlowCancellation(0, id, f.getStatus(), null, null, null) : null,
                        "status " + f.getStatus())));
    }

    private static boolean isCanceled(FlowInstance f) {
        return f.getStatus() != null && f.getStatus().toLowerCase(Locale.ROOT).equals("canceled");
    }

    private BulkResult<FlowCancellation> runBulk(BulkOperation<FlowCancellation> op, BulkSource source,
                                                 BulkOptions options) {
        Objects.requireNonNull(options, "options");
        ClientContext ctx = resource.calls().context();
        ctx.state().checkOpen();
        return new BulkRun<>(op, ctx.time(), ctx.retryPolicy(), ctx.random(), options.concurrency(),
                options.onProgress()).run(source);
    }

    private FlowCancellation toCancellation(Result<FlowCancel> r) {
        FlowCancel body = r.value();
        FlowCancellation c = new FlowCancellation(r.statusCode(), body.getFlowId(), body.getFlowStatus(),
                body.getCanceledJobs(), body.getNotCanceledJobs(), body.getTaskIds());
        if (c.isPartial()) {
            observer.partialResult(r.callId(), "flows.cancel", c.statusCode(), c.canceledJobs().size(),
                    c.notCanceledJobs().size());
        }
        return c;
    }

    /**
     * Polls the flow instance until {@code condition} holds (backoff with jitter from 1 s up to 30 s).
     *
     * @param flowInstanceId the flow instance's id
     * @param condition      the state to wait for, for example {@code f -> f.getEndedAt() != null}
     * @param timeout        how long to wait
     * @return the first value that satisfied the condition
     * @throws io.flowsdk.client.error.WaitTimeoutException when the time runs out; {@code lastValue()} holds the last value seen
     */
    public FlowInstance await(String flowInstanceId, Predicate<? super FlowInstance> condition, Duration timeout) {
        return new Waiter<>(resource).await(flowInstanceId, condition, timeout);
    }

    /**
     * Like {@link #await} but returns at once; polls without holding a thread while it waits.
     * Cancelling the future stops the polling.
     *
     * @param flowInstanceId the flow instance's id
     * @param condition      the state to wait for
     * @param timeout        how long to wait
     * @return a future of the first value that satisfied the condition; it fails with
     *         {@code WaitTimeoutException} when the time runs out
     */
    public CompletableFuture<FlowInstance> awaitAsync(String flowInstanceId, Predicate<? super FlowInstance> condition,
                                                      Duration timeout) {
        return new Waiter<>(resource).awaitAsync(flowInstanceId, condition, timeout);
    }

    @Override
    public String toString() {
        return "Flows{/flows/}";
    }
}
