package io.flowsdk.testkit.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.flowsdk.testkit.ResourceVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The in-memory, thread-safe store of tasks and flow instances, with a history of every
 * change. Resources are kept as the JSON the API would send (Gson {@link JsonObject}); every
 * read returns copies. Not public API.
 *
 * <p>The job model for flow cancellation: the jobs of a flow instance are the ids of its open
 * tasks (tasks whose {@code flow.flowInstanceKey} is the flow id and whose status is neither
 * {@code completed} nor {@code canceled}), followed by the job ids registered with
 * {@link #addJob(String, String)} or {@link #failJobCancellation(String, String)}. Cancelling the
 * flow cancels every job except those marked to fail; a task whose job fails stays open.
 */
public final class ResourceStore {
    /** Task statuses after which a task can no longer be completed or cancelled. */
    public static final Set<String> FINISHED_TASK = Set.of("completed", "canceled");
    /** Flow statuses after which a flow can no longer be cancelled. */
    public static final Set<String> FINISHED_FLOW = Set.of("completed", "canceled", "failed");

    private final Clock clock;
    private final Supplier<String> baseUrl;
    private final Map<String, Entry> tasks = new LinkedHashMap<>();
    private final Map<String, Entry> flows = new LinkedHashMap<>();
    private final Map<String, Set<String>> extraJobs = new LinkedHashMap<>();
    private final Map<String, Set<String>> failingJobs = new LinkedHashMap<>();

    /**
     * Creates an empty store.
     *
     * @param clock stamps changes
     * @param baseUrl the API base URL for {@code meta.location} (e.g. {@code http://127.0.0.1:1234/api/v1})
     */
    public ResourceStore(Clock clock, Supplier<String> baseUrl) {
        this.clock = Objects.requireNonNull(clock);
        this.baseUrl = Objects.requireNonNull(baseUrl);
    }

    private static final class Entry {
        final List<ResourceVersion> versions = new ArrayList<>();
        JsonObject current; // not shared with callers

        JsonObject at(Instant t) {
            JsonObject found = null;
            for (ResourceVersion v : versions) {
                if (!v.at().isAfter(t)) {
                    found = v.state();
                }
            }
            return found;
        }

        void record(Instant at, String change, String reason, String correlation) {
            versions.add(new ResourceVersion(at, change, current, reason, correlation));
        }
    }

    // ---------------------------------------------------------------- seeding

    /**
     * Adds a task as given (seeding). Fills what the server would: {@code id} (a UUID) when
     * missing, {@code status} {@code pending}, {@code meta.resourceType}, {@code meta.location},
     * {@code meta.created}/{@code meta.lastModified} (the clock) and {@code meta.revision}. A task
     * seeded as completed or canceled with an {@code ended} time after {@code meta.created} gets
     * two history entries (pending at {@code created}, its state at {@code ended}), so
     * {@code forTime} sees it open before it ended.
     *
     * @param task the task JSON
     * @return a copy of the stored task
     * @throws IllegalArgumentException when a task with that id exists
     */
    public synchronized JsonObject addTask(JsonObject task) {
        JsonObject t = task.deepCopy();
        String id = idOf(t);
        if (tasks.containsKey(id)) {
            throw new IllegalArgumentException("a task with id " + id + " already exists");
        }
        if (Json.string(t, "status") == null) {
            t.addProperty("status", "pending");
        }
        JsonObject meta = Json.meta(t);
        Instant now = clock.instant();
        Instant created = timeOr(meta, "created", now);
        meta.addProperty("created", Json.time(created));
        meta.addProperty("resourceType", "Task");
        meta.addProperty("location", taskLocation(id));
        Instant ended = Optional.ofNullable(Json.string(t, "ended")).flatMap(Json::parseTime).orElse(null);
        boolean twoStep = isFinishedTask(t) && ended != null && ended.isAfter(created);
        Entry e = new Entry();
        if (twoStep) {
            JsonObject open = t.deepCopy();
            open.addProperty("status", "pending");
            open.remove("ended");
            JsonObject openMeta = Json.meta(open);
            openMeta.addProperty("lastModified", Json.time(created));
            openMeta.addProperty("revision", 1);
            e.current = open;
            e.record(created, "created", null, null);
            if (!meta.has("lastModified")) {
                meta.addProperty("lastModified", Json.time(ended));
            }
            if (!meta.has("revision")) {
                meta.addProperty("revision", 2);
            }
            e.current = t;
            e.record(ended, Json.string(t, "status").toLowerCase(Locale.ROOT), null, null);
        } else {
            if (!meta.has("lastModified")) {
                meta.addProperty("lastModified", Json.time(created));
            }
            if (!meta.has("revision")) {
                meta.addProperty("revision", 1);
            }
            e.current = t;
            e.record(created, "seeded", null, null);
        }
        tasks.put(id, e);
        return t.deepCopy();
    }

    /**
     * Adds a flow instance as given (seeding). Fills {@code id} (a UUID) when missing,
     * {@code status} {@code running} and {@code startedAt} (the clock). A flow seeded as finished
     * with an {@code endedAt} after {@code startedAt} gets two history entries (running, then its
     * state).
     *
     * @param flow the flow instance JSON
     * @return a copy of the stored flow instance
     * @throws IllegalArgumentException when a flow instance with that id exists, or when
     *     {@code StatusExplanations} is not an array of objects (the platform's schema)
     */
    public synchronized JsonObject addFlow(JsonObject flow) {
        JsonObject f = flow.deepCopy();
        requireObjectExplanations(f);
        String id = idOf(f);
        if (flows.containsKey(id)) {
            throw new IllegalArgumentException("a flow instance with id " + id + " already exists");
        }
        if (Json.string(f, "status") == null) {
            f.addProperty("status", "running");
        }
        Instant started = Optional.ofNullable(Json.string(f, "startedAt")).flatMap(Json::parseTime).orElse(null);
        if (started == null) {
            started = clock.instant();
            f.addProperty("startedAt", Json.time(started));
        }
        Instant ended = Optional.ofNullable(Json.string(f, "endedAt")).flatMap(Json::parseTime).orElse(null);
        Entry e = new Entry();
        if (isFinishedFlow(f) && ended != null && ended.isAfter(started)) {
            JsonObject running = f.deepCopy();
            running.addProperty("status", "running");
            running.remove("endedAt");
            e.current = running;
            e.record(started, "created", null, null);
            e.current = f;
            e.record(ended, Json.string(f, "status").toLowerCase(Locale.ROOT), null, null);
        } else {
            e.current = f;
            e.record(started, "seeded", null, null);
        }
        flows.put(id, e);
        return f.deepCopy();
    }

    /**
     * Registers a job of a flow instance that is not a task (for example a provisioning job).
     *
     * @param flowId the flow instance id
     * @param jobId the job id
     */
    public synchronized void addJob(String flowId, String jobId) {
        extraJobs.computeIfAbsent(flowId, k -> new LinkedHashSet<>()).add(jobId);
    }

    /**
     * Makes cancelling a job fail, so that cancelling its flow answers 207 with the job in
     * {@code notCanceledJobs}. A job id that is neither a task of the flow nor registered is
     * registered as a job of the flow.
     *
     * @param flowId the flow instance id
     * @param jobId the job id (a task id, or any job id)
     */
    public synchronized void failJobCancellation(String flowId, String jobId) {
        failingJobs.computeIfAbsent(flowId, k -> new LinkedHashSet<>()).add(jobId);
        boolean isTask = tasks.containsKey(jobId) && flowId.equals(Json.string(tasks.get(jobId).current, "flow.flowInstanceKey"));
        if (!isTask) {
            addJob(flowId, jobId);
        }
    }

    // ---------------------------------------------------------------- API operations

    /**
     * Creates a task the way the API does: a new UUID id (any id sent is ignored), server-owned
     * {@code meta}, default status {@code pending}, revision 1.
     *
     * @param body the request body
     * @param reason the reason query parameter, or null
     * @param correlation the correlation query parameter, or null
     * @return the created task
     */
    public synchronized JsonObject createTask(JsonObject body, String reason, String correlation) {
        JsonObject t = body.deepCopy();
        String id = UUID.randomUUID().toString();
        t.addProperty("id", id);
        if (Json.string(t, "status") == null) {
            t.addProperty("status", "pending");
        }
        Instant now = clock.instant();
        JsonObject meta = new JsonObject();
        meta.addProperty("created", Json.time(now));
        meta.addProperty("lastModified", Json.time(now));
        meta.addProperty("location", taskLocation(id));
        meta.addProperty("resourceType", "Task");
        meta.addProperty("revision", 1);
        t.add("meta", meta);
        Entry e = new Entry();
        e.current = t;
        e.record(now, "created", reason, correlation);
        tasks.put(id, e);
        return t.deepCopy();
    }

    /**
     * Completes a task: status {@code completed}, {@code ended} now, variables merged in (a
     * non-object value replaces them), revision + 1.
     *
     * @param id the task id
     * @param variables the variables sent, or null
     * @param reason the reason, or null
     * @param correlation the correlation, or null
     * @return the task after the change
     * @throws ApiError 404 when missing, 400 when already completed or canceled
     */
    public synchronized JsonObject completeTask(String id, JsonElement variables, String reason, String correlation) {
        Entry e = openTask(id, "complete");
        if (variables != null && !variables.isJsonNull()) {
            JsonElement existing = e.current.get("variables");
            if (variables.isJsonObject() && existing != null && existing.isJsonObject()) {
                JsonObject merged = existing.getAsJsonObject().deepCopy();
                variables.getAsJsonObject().entrySet().forEach(v -> merged.add(v.getKey(), v.getValue().deepCopy()));
                e.current.add("variables", merged);
            } else {
                e.current.add("variables", variables.deepCopy());
            }
        }
        finishTask(e, "completed", reason, correlation);
        return e.current.deepCopy();
    }

    /**
     * Cancels a task: status {@code canceled}, {@code ended} now, revision + 1.
     *
     * @param id the task id
     * @param reason the reason, or null
     * @param correlation the correlation, or null
     * @return the task after the change
     * @throws ApiError 404 when missing, 400 when already completed or canceled
     */
    public synchronized JsonObject cancelTask(String id, String reason, String correlation) {
        Entry e = openTask(id, "cancel");
        finishTask(e, "canceled", reason, correlation);
        return e.current.deepCopy();
    }

    /**
     * The outcome of a flow cancel.
     *
     * @param flow the flow instance after the cancel
     * @param canceledJobs jobs cancelled
     * @param notCanceledJobs jobs that failed to cancel (non-empty means 207)
     * @param taskIds tasks cancelled with the flow
     */
    public record FlowCancelResult(JsonObject flow, List<String> canceledJobs, List<String> notCanceledJobs, List<String> taskIds) {
        /**
         * Copies the lists.
         *
         * @param flow see the record description
         * @param canceledJobs see the record description
         * @param notCanceledJobs see the record description
         * @param taskIds see the record description
         */
        public FlowCancelResult {
            canceledJobs = List.copyOf(canceledJobs);
            notCanceledJobs = List.copyOf(notCanceledJobs);
            taskIds = List.copyOf(taskIds);
        }

        /**
         * 200, or 207 when some job failed to cancel.
         *
         * @return the HTTP status the API answers with
         */
        public int status() {
            return notCanceledJobs.isEmpty() ? 200 : 207;
        }
    }

    /**
     * Cancels a flow instance and its jobs (see the class comment for the job model): status
     * {@code canceled}, {@code endedAt} now.
     *
     * @param id the flow instance id
     * @param reason the reason, or null
     * @param correlation the correlation, or null
     * @return the outcome (207 when some job failed to cancel)
     * @throws ApiError 404 when missing, 400 when already finished
     */
    public synchronized FlowCancelResult cancelFlow(String id, String reason, String correlation) {
        Entry flow = flows.get(id);
        if (flow == null) {
            throw new ApiError(404, "flow instance " + id + " does not exist");
        }
        if (isFinishedFlow(flow.current)) {
            throw new ApiError(400, "flow instance " + id + " is already " + Json.string(flow.current, "status"));
        }
        Set<String> failing = failingJobs.getOrDefault(id, Set.of());
        List<String> canceled = new ArrayList<>();
        List<String> notCanceled = new ArrayList<>();
        List<String> taskIds = new ArrayList<>();
        for (Map.Entry<String, Entry> t : tasks.entrySet()) {
            JsonObject task = t.getValue().current;
            if (!id.equals(Json.string(task, "flow.flowInstanceKey")) || isFinishedTask(task)) {
                continue;
            }
            if (failing.contains(t.getKey())) {
                notCanceled.add(t.getKey());
            } else {
                finishTask(t.getValue(), "canceled", reason, correlation);
                canceled.add(t.getKey());
                taskIds.add(t.getKey());
            }
        }
        for (String job : extraJobs.getOrDefault(id, Set.of())) {
            (failing.contains(job) ? notCanceled : canceled).add(job);
        }
        Instant now = clock.instant();
        flow.current.addProperty("status", "canceled");
        flow.current.addProperty("endedAt", Json.time(now));
        flow.record(now, "canceled", reason, correlation);
        return new FlowCancelResult(flow.current.deepCopy(), canceled, notCanceled, taskIds);
    }

    // ---------------------------------------------------------------- reads

    /**
     * One task.
     *
     * @param id the id
     * @return a copy, or empty
     */
    public synchronized Optional<JsonObject> task(String id) {
        Entry e = tasks.get(id);
        return e == null ? Optional.empty() : Optional.of(e.current.deepCopy());
    }

    /**
     * One flow instance.
     *
     * @param id the id
     * @return a copy, or empty
     */
    public synchronized Optional<JsonObject> flow(String id) {
        Entry e = flows.get(id);
        return e == null ? Optional.empty() : Optional.of(e.current.deepCopy());
    }

    /**
     * All tasks in insertion order, now or as of an instant.
     *
     * @param forTime null for the current state, else the state as of that instant (tasks that
     *     did not exist yet are left out)
     * @return copies
     */
    public synchronized List<JsonObject> tasks(Instant forTime) {
        return list(tasks, forTime);
    }

    /**
     * All flow instances in insertion order, now or as of an instant.
     *
     * @param forTime null for the current state, else the state as of that instant
     * @return copies
     */
    public synchronized List<JsonObject> flows(Instant forTime) {
        return list(flows, forTime);
    }

    /**
     * The history of a task.
     *
     * @param id the id
     * @return its versions, oldest first (empty when unknown)
     */
    public synchronized List<ResourceVersion> taskHistory(String id) {
        Entry e = tasks.get(id);
        return e == null ? List.of() : List.copyOf(e.versions);
    }

    /**
     * The history of a flow instance.
     *
     * @param id the id
     * @return its versions, oldest first (empty when unknown)
     */
    public synchronized List<ResourceVersion> flowHistory(String id) {
        Entry e = flows.get(id);
        return e == null ? List.of() : List.copyOf(e.versions);
    }

    /** Removes every resource, job and job failure. */
    public synchronized void clear() {
        tasks.clear();
        flows.clear();
        extraJobs.clear();
        failingJobs.clear();
    }

    // ---------------------------------------------------------------- helpers

    private static List<JsonObject> list(Map<String, Entry> map, Instant forTime) {
        List<JsonObject> out = new ArrayList<>(map.size());
        for (Entry e : map.values()) {
            JsonObject o = forTime == null ? e.current.deepCopy() : e.at(forTime);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    private Entry openTask(String id, String verb) {
        Entry e = tasks.get(id);
        if (e == null) {
            throw new ApiError(404, "task " + id + " does not exist");
        }
        if (isFinishedTask(e.current)) {
            throw new ApiError(400, "cannot " + verb + " task " + id + ": it is already " + Json.string(e.current, "status"));
        }
        return e;
    }

    private void finishTask(Entry e, String status, String reason, String correlation) {
        Instant now = clock.instant();
        e.current.addProperty("status", status);
        e.current.addProperty("ended", Json.time(now));
        JsonObject meta = Json.meta(e.current);
        meta.addProperty("lastModified", Json.time(now));
        JsonElement rev = meta.get("revision");
        long revision = rev != null && rev.isJsonPrimitive() && rev.getAsJsonPrimitive().isNumber() ? rev.getAsLong() : 1;
        meta.addProperty("revision", revision + 1);
        e.record(now, status, reason, correlation);
    }

    private static boolean isFinishedTask(JsonObject task) {
        String s = Json.string(task, "status");
        return s != null && FINISHED_TASK.contains(s.toLowerCase(Locale.ROOT));
    }

    private static boolean isFinishedFlow(JsonObject flow) {
        String s = Json.string(flow, "status");
        return s != null && FINISHED_FLOW.contains(s.toLowerCase(Locale.ROOT));
    }

    /**
     * The platform sends each status explanation as an object; a fake that answered with strings
     * would let a test pass against code that the real API breaks.
     */
    private static void requireObjectExplanations(JsonObject flow) {
        JsonElement explanations = flow.get("StatusExplanations");
        if (explanations == null || explanations.isJsonNull()) {
            return;
        }
        if (!explanations.isJsonArray()) {
            throw new IllegalArgumentException("StatusExplanations must be an array of objects, got " + explanations);
        }
        for (int i = 0; i < explanations.getAsJsonArray().size(); i++) {
            JsonElement item = explanations.getAsJsonArray().get(i);
            if (!item.isJsonObject()) {
                throw new IllegalArgumentException("StatusExplanations items must be JSON objects, as the platform sends"
                        + " them (for example {\"message\": \"Waiting for approval\"}); item " + i + " is " + item);
            }
        }
    }

    private static String idOf(JsonObject resource) {
        String id = Json.string(resource, "id");
        if (id == null || id.isEmpty()) {
            id = UUID.randomUUID().toString();
            resource.addProperty("id", id);
        }
        return id;
    }

    private static Instant timeOr(JsonObject object, String member, Instant fallback) {
        String s = Json.string(object, member);
        return s == null ? fallback : Json.parseTime(s).orElse(fallback);
    }

    private String taskLocation(String id) {
        return baseUrl.get() + "/flows/tasks/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
