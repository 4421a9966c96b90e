package io.flowsdk.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.internal.ApiCalls;
import io.flowsdk.client.internal.ClientContext;
import io.flowsdk.client.internal.CompleteBody;
import io.flowsdk.client.internal.Futures;
import io.flowsdk.client.internal.Ids;
import io.flowsdk.client.internal.ListEndpoint;
import io.flowsdk.client.internal.ListEnvelope;
import io.flowsdk.client.internal.http.Result;
import io.flowsdk.client.internal.Reconciliation;
import io.flowsdk.client.internal.Resource;
import io.flowsdk.client.internal.TaskChanges;
import io.flowsdk.client.internal.Waiter;
import io.flowsdk.client.internal.bulk.BulkOperation;
import io.flowsdk.client.internal.bulk.BulkRun;
import io.flowsdk.client.internal.bulk.BulkSource;
import io.flowsdk.client.model.Task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The task endpoints ({@code /flows/tasks}). Obtained from {@link FlowsClient#tasks()};
 * thread-safe.
 *
 * <pre>{@code
 * Task t = client.tasks().get("task-1");                       // GET /flows/tasks/task-1
 * for (Task p : client.tasks().list().filter(Filter.eq("status", "pending"))) { ... }
 * client.tasks().complete("task-1", Map.of("approved", true)); // POST /flows/tasks/task-1/.complete
 * }</pre>
 *
 * <p>Ids: {@code null} throws {@link NullPointerException}; a blank id, {@code .} or {@code ..}
 * throws {@link IllegalArgumentException} before anything is sent; any other id is sent as
 * exactly one percent-encoded path segment.
 *
 * <p><b>Lost answers are reconciled, not guessed.</b> When a {@code complete} or {@code cancel}
 * (blocking or asynchronous) was sent but its answer was lost (the connection reset after the
 * request was sent, a timeout, an answer cut off or unreadable), the request may or may not have
 * been applied. The SDK then reads the task once ({@code GET}, with the client's
 * retries) and returns it when its state shows the change: {@code completed} with every variable
 * sent holding the value sent, or {@code canceled}. Otherwise the original exception is thrown,
 * with a suppressed exception saying what the read found. The POST itself is never sent twice.
 * A task's state cannot tell who changed it: a task that another client completed with the same
 * variables counts as completed. Failures with an answer (a 4xx such as "already completed", a
 * 5xx) and a connection that failed before anything was sent are thrown as they are.
 */
public final class Tasks {
    private final Resource<Task> resource;
    private final Resource<Task> bulkResource;

    Tasks(ApiCalls calls) {
        this.resource = new Resource<>(calls, Task.class, "tasks", "task", id -> Ids.require(id, "taskId"),
                "flows", "tasks");
        this.bulkResource = resource.withCalls(calls.withRetryPolicy(RetryPolicy.none()));
    }

    /**
     * The list endpoint, made for each query: it holds no state, and a program that never lists
     * tasks never loads the paging classes (start-up time).
     */
    private ListEndpoint<Task, ?> listEndpoint() {
        return new ListEndpoint<>(resource.calls(), "tasks", "/flows/tasks", List.of("flows", "tasks"),
                ListEnvelope.ofTasks());
    }

    /**
     * Returns the task.
     *
     * @param taskId the task's id
     * @return the task
     * @throws io.flowsdk.client.error.NotFoundException if there is no such task
     */
    public Task get(String taskId) {
        return resource.get(taskId);
    }

    /**
     * Returns the task, or empty on 404.
     *
     * @param taskId the task's id
     * @return the task, or empty on 404
     */
    public Optional<Task> find(String taskId) {
        return resource.find(taskId);
    }

    /**
     * Returns a lazy query over all tasks ({@code GET /flows/tasks}).
     *
     * @return a lazy query over all tasks ({@code GET /flows/tasks}); nothing is sent until you
     *         iterate, count or ask for a page
     */
    public Query<Task> list() {
        return new Query<>(listEndpoint());
    }

    /**
     * Rebuilds a query of tasks from its descriptor ({@link Query#toDescriptor()}), made in this
     * process or another; it runs with this client.
     *
     * @param descriptor the descriptor, such as {@code flows-query/v1/tasks?filter=...&startIndex=2501&limit=2500}
     * @return the query; nothing is sent until you iterate, count or ask for a page
     * @throws IllegalArgumentException if the descriptor is malformed, of another version, or of flow
     *                                  instances
     */
    public Query<Task> list(String descriptor) {
        return Query.fromDescriptor(listEndpoint(), descriptor);
    }

    /**
     * Creates a task. Only the fields you set are sent.
     *
     * @param task the task to create, for example {@code new Task().displayName("Approve access").assigneeId("u1")}
     * @return the task as the server stored it (with its id and meta)
     */
    public Task create(Task task) {
        return create(task, Change.none());
    }

    /**
     * Returns the task as the server stored it.
     *
     * @param task   the task to create
     * @param change the reason and correlation to record
     * @return the task as the server stored it
     */
    public Task create(Task task, Change change) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(change, "change");
        return resource.create(task, change, Task.class).value();
    }

    /**
     * Completes a task with no variables: sends {@code {"variables": {}}}.
     *
     * @param taskId the task's id
     * @return the completed task
     */
    public Task complete(String taskId) {
        return complete(taskId, Map.of(), Change.none());
    }

    /**
     * Completes a task: sends {@code {"variables": {...}}}. The variables are converted to JSON
     * when this method is called, on the caller's thread, so later changes to the map do not
     * change what is sent, and a value JSON cannot hold fails here, before anything is sent.
     *
     * <table>
     * <caption>How Java values are written</caption>
     * <tr><th>Java</th><th>JSON</th></tr>
     * <tr><td>{@code null}, an empty {@code Optional}</td><td>{@code null} (kept: the variable is set to null)</td></tr>
     * <tr><td>{@code String}, {@code Character}, other {@code CharSequence}</td><td>string</td></tr>
     * <tr><td>{@code Boolean}</td><td>{@code true} or {@code false}</td></tr>
     * <tr><td>{@code Integer}, {@code Long}, {@code BigInteger}, {@code BigDecimal} and the other integral
     *     types</td><td>number, exact</td></tr>
     * <tr><td>{@code Double}, {@code Float}</td><td>number; NaN and infinities are refused</td></tr>
     * <tr><td>{@code Instant}, {@code java.util.Date}, {@code Calendar}</td><td>RFC 3339 string in UTC,
     *     {@code "2026-01-02T03:04:05.123Z"}, whatever the JVM's time zone</td></tr>
     * <tr><td>{@code OffsetDateTime}, {@code ZonedDateTime}</td><td>RFC 3339 string with the value's
     *     own offset, {@code "2026-01-02T03:04:05+01:00"} (a zone id is not sent)</td></tr>
     * <tr><td>{@code LocalDate}, {@code LocalDateTime}, {@code LocalTime}, {@code Duration},
     *     {@code Period}, ...</td><td>their ISO 8601 string: {@code "2026-01-02"},
     *     {@code "2026-01-02T03:04:00"}, {@code "09:30:00"}, {@code "PT1H30M"}, {@code "P1Y2M3D"}</td></tr>
     * <tr><td>{@code UUID}, {@code URI}, {@code URL}</td><td>string</td></tr>
     * <tr><td>an enum constant</td><td>its {@code name()}</td></tr>
     * <tr><td>{@code Optional}, {@code OptionalInt}, ...</td><td>the value it holds</td></tr>
     * <tr><td>{@code Map}</td><td>object; keys are strings, enums (by name) or numbers, written as
     *     strings</td></tr>
     * <tr><td>{@code List}, {@code Set}, any {@code Iterable}, arrays (primitive too)</td><td>array</td></tr>
     * <tr><td>a Gson {@code JsonElement}</td><td>as it is</td></tr>
     * <tr><td>a record</td><td>object of its components</td></tr>
     * <tr><td>any other object of your own</td><td>object of its fields, as Gson writes them (a null
     *     field is left out)</td></tr>
     * </table>
     *
     * <p>Refused with {@link IllegalArgumentException}, naming where the value is (such as
     * {@code variables.approval.self} or {@code variables.list[2]}): a value that contains itself,
     * NaN and infinities, a null key, a string with an unpaired surrogate, nesting deeper than 200
     * levels, and JDK types without a JSON form (a {@code Thread}, a {@code Stream}, ...).
     *
     * <p>Read back (in {@code Task.getVariables()}), JSON becomes: an object a {@code LinkedHashMap}
     * (in the order sent), an array an {@code ArrayList}, a whole number a {@code Long} (a
     * {@code BigInteger} beyond its range), any other number a {@code Double} (a {@code BigDecimal}
     * when a double would lose digits), then {@code String}, {@code Boolean} and {@code null}.
     * Date-times come back as the strings they were sent as.
     *
     * <p>If the answer is lost after the request was sent, the task is read back and returned
     * when it shows this completion (see "Lost answers are reconciled" on {@link Tasks}).
     *
     * @param taskId    the task's id
     * @param variables the variables to set, converted as above
     * @return the completed task
     * @throws IllegalArgumentException if a variable cannot be written as JSON, as above
     */
    public Task complete(String taskId, Map<String, ?> variables) {
        return complete(taskId, variables, Change.none());
    }

    /**
     * Returns the completed task. If the answer is lost after the request was sent, the task is
     * read back and returned when it shows this completion (see "Lost answers are reconciled" on
     * {@link Tasks}).
     *
     * @param taskId    the task's id
     * @param variables the variables to set
     * @param change    the reason and correlation to record
     * @return the completed task
     */
    public Task complete(String taskId, Map<String, ?> variables, Change change) {
        Objects.requireNonNull(variables, "variables");
        JsonObject body = CompleteBody.of(variables);
        try {
            return resource.act(taskId, ".complete", body, change, Task.class).value();
        } catch (FlowsException e) {
            return Reconciliation.confirm(e, "task " + taskId, () -> resource.get(taskId),
                    t -> TaskChanges.showsCompletion(t, body.get("variables")), TaskChanges::describe);
        }
    }

    /**
     * Cancels a task: sends {@code {}}.
     *
     * @param taskId the task's id
     * @return the cancelled task
     */
    public Task cancel(String taskId) {
        return cancel(taskId, Change.none());
    }

    /**
     * Returns the cancelled task. If the answer is lost after the request was sent, the task is
     * read back and returned when it shows the cancel (see "Lost answers are reconciled" on
     * {@link Tasks}).
     *
     * @param taskId the task's id
     * @param change the reason and correlation to record
     * @return the cancelled task
     */
    public Task cancel(String taskId, Change change) {
        try {
            return resource.act(taskId, ".cancel", Map.of(), change, Task.class).value();
        } catch (FlowsException e) {
            return Reconciliation.confirm(e, "task " + taskId, () -> resource.get(taskId),
                    TaskChanges::showsCancellation, TaskChanges::describe);
        }
    }

    // ---- asynchronous forms ----
    //
    // Each returns at once: the call runs on OkHttp's asynchronous calls through the same pipeline
    // (auth, retries, timeouts, typed errors, the reconciliation of lost answers), and the future
    // completes with what the blocking form returns, or fails with the exception it throws. Bad arguments (a null or blank id, a null
    // task, variables or change) and a closed client still throw at once, before anything is sent.
    // Cancelling a future cancels its HTTP call and any retry still to come.

    /**
     * Returns a future of the task.
     *
     * @param taskId the task's id
     * @return a future of the task; it fails with {@link io.flowsdk.client.error.NotFoundException} on 404
     */
    public CompletableFuture<Task> getAsync(String taskId) {
        return resource.getAsync(taskId);
    }

    /**
     * Returns a future of the task, or of empty on 404.
     *
     * @param taskId the task's id
     * @return a future of the task, or of empty on 404
     */
    public CompletableFuture<Optional<Task>> findAsync(String taskId) {
        return resource.findAsync(taskId);
    }

    /**
     * Returns a future of the task as the server stored it.
     *
     * @param task the task to create
     * @return a future of the task as the server stored it
     */
    public CompletableFuture<Task> createAsync(Task task) {
        return createAsync(task, Change.none());
    }

    /**
     * Returns a future of the task as the server stored it.
     *
     * @param task   the task to create
     * @param change the reason and correlation to record
     * @return a future of the task as the server stored it
     */
    public CompletableFuture<Task> createAsync(Task task, Change change) {
        Objects.requireNonNull(task, "task");
        return Futures.map(resource.createAsync(task, change, Task.class), Result::value);
    }

    /**
     * Returns a future of the completed task (sends {@code {"variables": {}}}).
     *
     * @param taskId the task's id
     * @return a future of the completed task (sends {@code {"variables": {}}})
     */
    public CompletableFuture<Task> completeAsync(String taskId) {
        return completeAsync(taskId, Map.of(), Change.none());
    }

    /**
     * Returns a future of the completed task.
     *
     * @param taskId    the task's id
     * @param variables the variables to set
     * @return a future of the completed task
     */
    public CompletableFuture<Task> completeAsync(String taskId, Map<String, ?> variables) {
        return completeAsync(taskId, variables, Change.none());
    }

    /**
     * Returns a future of the completed task. A lost answer is reconciled as by
     * {@link #complete(String, Map, Change)}: the task is read back without blocking, and the future
     * completes with it when it shows this completion.
     *
     * @param taskId    the task's id
     * @param variables the variables to set
     * @param change    the reason and correlation to record
     * @return a future of the completed task
     */
    public CompletableFuture<Task> completeAsync(String taskId, Map<String, ?> variables, Change change) {
        Objects.requireNonNull(variables, "variables");
        JsonObject body = CompleteBody.of(variables);
        return Reconciliation.confirmAsync(Futures.map(resource.actAsync(taskId, ".complete", body, change,
                Task.class), Result::value), "task " + taskId, () -> resource.getAsync(taskId),
                t -> TaskChanges.showsCompletion(t, body.get("variables")), TaskChanges::describe);
    }

    /**
     * Returns a future of the cancelled task (sends {@code {}}).
     *
     * @param taskId the task's id
     * @return a future of the cancelled task (sends {@code {}})
     */
    public CompletableFuture<Task> cancelAsync(String taskId) {
        return cancelAsync(taskId, Change.none());
    }

    /**
     * Returns a future of the cancelled task. A lost answer is reconciled as by
     * {@link #cancel(String, Change)}: the task is read back without blocking, and the future
     * completes with it when it shows the cancel.
     *
     * @param taskId the task's id
     * @param change the reason and correlation to record
     * @return a future of the cancelled task
     */
    public CompletableFuture<Task> cancelAsync(String taskId, Change change) {
        return Reconciliation.confirmAsync(Futures.map(resource.actAsync(taskId, ".cancel", Map.of(), change,
                Task.class), Result::value), "task " + taskId, () -> resource.getAsync(taskId),
                TaskChanges::showsCancellation, TaskChanges::describe);
    }

    // ---- bulk operations ----

    /**
     * Completes every task the query matches, with bounded concurrency and one rate limiter for the
     * whole run (see {@link Bulk} for the rules). The query is iterated by key
     * ({@link Query#keyset()}), so the completions cannot make it skip a task, unless it is pinned
     * to a time ({@link Query#snapshot()}, {@link Query#forTime}, a partition), which is iterated as
     * it is.
     *
     * <pre>{@code
     * BulkResult<Task> r = client.tasks().completeAll(
     *         client.tasks().list().filter(Filter.eq("status", "pending")),
     *         Map.of("approved", true), Change.reason("bulk approval"), Bulk.options().concurrency(8));
     * }</pre>
     *
     * @param tasks     the tasks to complete
     * @param variables the variables to set on each, converted once as by {@link #complete(String, Map)}
     * @param change    the reason and correlation to record on each
     * @param options   the concurrency and the progress callback
     * @return the outcome of every task reached: the completed tasks, the failures by id
     * @throws IllegalStateException    if the query cannot be iterated by key (it has a {@code sortBy},
     *                                  a {@code startIndex} or a {@code parallelism}) and is not pinned to a
     *                                  time; or the client is closed
     * @throws IllegalArgumentException if a variable cannot be written as JSON
     */
    public BulkResult<Task> completeAll(Query<Task> tasks, Map<String, ?> variables, Change change,
                                        BulkOptions options) {
        Objects.requireNonNull(tasks, "tasks");
        return runBulk(completion(variables, change), BulkSource.of(tasks.forBulk("completeAll").pages(),
                Task::getId), options);
    }

    /**
     * Completes the tasks with these ids, with bounded concurrency and one rate limiter for the
     * whole run (see {@link Bulk} for the rules). Each distinct id is completed once, in order.
     *
     * @param taskIds   the ids; all are checked before anything is sent
     * @param variables the variables to set on each, converted once as by {@link #complete(String, Map)}
     * @param change    the reason and correlation to record on each
     * @param options   the concurrency and the progress callback
     * @return the outcome of every task: the completed tasks, the failures by id
     * @throws NullPointerException     if an id is null
     * @throws IllegalArgumentException if an id is blank, {@code .} or {@code ..}, or a variable cannot
     *                                  be written as JSON
     */
    public BulkResult<Task> completeAll(Iterable<String> taskIds, Map<String, ?> variables, Change change,
                                        BulkOptions options) {
        BulkOperation<Task> op = completion(variables, change);
        return runBulk(op, BulkSource.of(taskIds, resource::checkId, "taskIds"), options);
    }

    /**
     * Cancels every task the query matches, with bounded concurrency and one rate limiter for the
     * whole run (see {@link Bulk} for the rules), iterating the query as
     * {@link #completeAll(Query, Map, Change, BulkOptions)} does.
     *
     * @param tasks   the tasks to cancel
     * @param change  the reason and correlation to record on each
     * @param options the concurrency and the progress callback
     * @return the outcome of every task reached: the cancelled tasks, the failures by id
     * @throws IllegalStateException if the query cannot be iterated by key and is not pinned to a time;
     *                               or the client is closed
     */
    public BulkResult<Task> cancelAll(Query<Task> tasks, Change change, BulkOptions options) {
        Objects.requireNonNull(tasks, "tasks");
        return runBulk(cancellation(change), BulkSource.of(tasks.forBulk("cancelAll").pages(), Task::getId),
                options);
    }

    /**
     * Cancels the tasks with these ids, with bounded concurrency and one rate limiter for the whole
     * run (see {@link Bulk} for the rules). Each distinct id is cancelled once, in order.
     *
     * @param taskIds the ids; all are checked before anything is sent
     * @param change  the reason and correlation to record on each
     * @param options the concurrency and the progress callback
     * @return the outcome of every task: the cancelled tasks, the failures by id
     */
    public BulkResult<Task> cancelAll(Iterable<String> taskIds, Change change, BulkOptions options) {
        BulkOperation<Task> op = cancellation(change);
        return runBulk(op, BulkSource.of(taskIds, resource::checkId, "taskIds"), options);
    }

    private BulkOperation<Task> completion(Map<String, ?> variables, Change change) {
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(change, "change");
        JsonObject body = CompleteBody.of(variables);
        JsonElement sent = body.get("variables");
        return BulkOperation.of("complete of task",
                id -> Futures.map(bulkResource.actAsync(id, ".complete", body, change, Task.class),
                        r -> BulkOperation.Outcome.of(r.value())),
                id -> Futures.map(bulkResource.getAsync(id), t -> new BulkOperation.Confirmation<>(
                        TaskChanges.showsCompletion(t, sent) ? t : null, TaskChanges.describe(t))));
    }

    private BulkOperation<Task> cancellation(Change change) {
        Objects.requireNonNull(change, "change");
        return BulkOperation.of("cancel of task",
                id -> Futures.map(bulkResource.actAsync(id, ".cancel", Map.of(), change, Task.class),
                        r -> BulkOperation.Outcome.of(r.value())),
                id -> Futures.map(bulkResource.getAsync(id), t -> new BulkOperation.Confirmation<>(
                        TaskChanges.showsCancellation(t) ? t : null, TaskChanges.describe(t))));
    }

    private BulkResult<Task> runBulk(BulkOperation<Task> op, BulkSource source, BulkOptions options) {
        Objects.requireNonNull(options, "options");
        ClientContext ctx = resource.calls().context();
        ctx.state().checkOpen();
        return new BulkRun<>(op, ctx.time(), ctx.retryPolicy(), ctx.random(), options.concurrency(),
                options.onProgress()).run(source);
    }

    // ---- waiting for a state ----

    /**
     * Polls the task until {@code condition} holds: first at once, then with backoff and jitter
     * from 1 s up to 30 s ({@code Retry-After} honoured).
     *
     * @param taskId    the task's id
     * @param condition the state to wait for, for example {@code t -> "completed".equals(t.getStatus())}
     * @param timeout   how long to wait
     * @return the first value that satisfied the condition
     * @throws io.flowsdk.client.error.WaitTimeoutException when the time runs out; {@code lastValue()} holds the last task seen
     */
    public Task await(String taskId, Predicate<? super Task> condition, Duration timeout) {
        return new Waiter<>(resource).await(taskId, condition, timeout);
    }

    /**
     * Like {@link #await} but returns at once; polls without holding a thread while it waits.
     * Cancelling the future stops the polling.
     *
     * @param taskId    the task's id
     * @param condition the state to wait for
     * @param timeout   how long to wait
     * @return a future of the first value that satisfied the condition; it fails with
     *         {@code WaitTimeoutException} when the time runs out
     */
    public CompletableFuture<Task> awaitAsync(String taskId, Predicate<? super Task> condition, Duration timeout) {
        return new Waiter<>(resource).awaitAsync(taskId, condition, timeout);
    }

    @Override
    public String toString() {
        return "Tasks{/flows/tasks}";
    }
}
