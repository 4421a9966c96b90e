package io.flowsdk.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.flowsdk.testkit.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * Generators of realistic seed data for a {@link FlowsStub}.
 *
 * <pre>{@code
 * stub.seed(Seeds.realistic(20, 5, 42));   // 20 flow instances with 5 tasks each, always the same
 * }</pre>
 */
public final class Seeds {
    /** The default anchor of generated timestamps: {@code 2026-01-01T00:00:00Z}. */
    public static final Instant DEFAULT_ANCHOR = Instant.parse("2026-01-01T00:00:00Z");

    private static final String[] PEOPLE = {
        "Alice Smith", "Bob Jones", "Carol White", "Dan Brown", "Erin Green", "Frank Black",
        "Grace Hall", "Heidi Young", "Ivan King", "Judy Wright"
    };
    private static final String[] APPS = {"Payroll", "CRM", "Wiki", "VPN", "Billing", "HR Portal"};
    private static final String[] ROLES = {"viewer", "editor", "admin", "approver"};
    private static final String[] GROUPS = {"payroll-approvers", "it-admins", "managers", "security", "finance"};
    private static final String[][] FLOW_DEFS = {
        {"access-request", "accessRequestApproval", "Access request approval"},
        {"joiner", "joinerOnboarding", "Joiner onboarding"},
        {"leaver", "leaverOffboarding", "Leaver offboarding"},
        {"recertification", "quarterlyRecertification", "Quarterly recertification"}
    };

    private Seeds() {}

    /**
     * Generates flow instances and their tasks, timestamps anchored at {@link #DEFAULT_ANCHOR}.
     *
     * @param flows how many flow instances
     * @param tasksPerFlow how many tasks each flow instance has
     * @param randomSeed the seed: the same arguments always give the same data
     * @return the data
     * @see #realistic(int, int, long, Instant)
     */
    public static SeedData realistic(int flows, int tasksPerFlow, long randomSeed) {
        return realistic(flows, tasksPerFlow, randomSeed, DEFAULT_ANCHOR);
    }

    /**
     * Generates flow instances and their tasks. The data varies the way real data does:
     *
     * <ul>
     *   <li>flow instances {@code running}, {@code completed}, {@code canceled} or {@code failed},
     *       started up to 30 days before {@code anchor}, finished ones with {@code endedAt}, each
     *       with one {@code StatusExplanations} item, an object such as
     *       {@code {"message": "Waiting for approval"}};</li>
     *   <li>tasks {@code pending}, {@code completed} or {@code canceled} consistent with their flow,
     *       with assignees from a pool of ten users, one or two groups, {@code meta} with created
     *       and last-modified times, and {@code variables};</li>
     *   <li>about one task in six has no {@code due} date and one in eight no assignee (to
     *       exercise "missing values sort last" and {@code pr} filters).</li>
     * </ul>
     * Ids are deterministic UUIDs; tasks point to their flow with {@code flow.flowInstanceKey}.
     *
     * @param flows how many flow instances, 0 or more
     * @param tasksPerFlow how many tasks each flow instance has, 0 or more
     * @param randomSeed the seed: the same arguments always give the same data
     * @param anchor the "now" the data is generated around
     * @return the data
     */
    public static SeedData realistic(int flows, int tasksPerFlow, long randomSeed, Instant anchor) {
        if (flows < 0 || tasksPerFlow < 0) {
            throw new IllegalArgumentException("flows and tasksPerFlow must be >= 0, got " + flows + ", " + tasksPerFlow);
        }
        Objects.requireNonNull(anchor, "anchor");
        Random rnd = new Random(randomSeed);
        List<JsonObject> flowList = new ArrayList<>();
        List<JsonObject> taskList = new ArrayList<>();
        String[] users = new String[PEOPLE.length];
        for (int i = 0; i < users.length; i++) {
            users[i] = uuid(randomSeed, "user", i);
        }
        for (int f = 0; f < flows; f++) {
            String[] def = FLOW_DEFS[rnd.nextInt(FLOW_DEFS.length)];
            int requesterIndex = rnd.nextInt(PEOPLE.length);
            String requester = PEOPLE[requesterIndex];
            String app = APPS[rnd.nextInt(APPS.length)];
            String role = ROLES[rnd.nextInt(ROLES.length)];
            String flowId = uuid(randomSeed, "flow", f);
            Instant started = anchor.minus(Duration.ofMinutes(60L + rnd.nextInt(30 * 24 * 60)));
            int roll = rnd.nextInt(10);
            String flowStatus = roll < 5 ? "running" : roll < 8 ? "completed" : roll < 9 ? "canceled" : "failed";
            Instant flowEnded = flowStatus.equals("running") ? null
                    : min(anchor, started.plus(Duration.ofMinutes(30 + rnd.nextInt(5 * 24 * 60))));

            JsonObject flow = new JsonObject();
            flow.addProperty("id", flowId);
            flow.addProperty("displayName", def[2] + " - " + requester);
            flow.addProperty("description", def[2] + " for " + requester + " (" + app + ")");
            flow.addProperty("status", flowStatus);
            flow.addProperty("startedAt", Json.time(started));
            if (flowEnded != null) {
                flow.addProperty("endedAt", Json.time(flowEnded));
            }
            JsonObject ref = new JsonObject();
            ref.addProperty("id", uuid(randomSeed, "flowdef", def[0].hashCode()));
            ref.addProperty("externalId", def[0]);
            ref.addProperty("displayName", def[2]);
            ref.addProperty("version", 1 + rnd.nextInt(3));
            flow.add("flow", ref);
            JsonObject vars = new JsonObject();
            vars.addProperty("requester", users[requesterIndex]);
            vars.addProperty("application", app);
            vars.addProperty("role", role);
            flow.add("variables", vars);
            JsonArray explanations = new JsonArray();
            explanations.add(explanation(flowStatus));
            flow.add("StatusExplanations", explanations);
            flowList.add(flow);

            for (int t = 0; t < tasksPerFlow; t++) {
                JsonObject task = new JsonObject();
                String taskId = uuid(randomSeed, "task-" + f, t);
                Instant created = started.plus(Duration.ofMinutes(1 + rnd.nextInt(120)));
                String status = taskStatus(flowStatus, rnd);
                task.addProperty("id", taskId);
                task.addProperty("displayName", (t == 0 ? "Approve access to " : "Review ") + app);
                task.addProperty("description", requester + " requests the " + role + " role in " + app + ".");
                task.addProperty("externalId", "ticket-" + (1000 + f * Math.max(1, tasksPerFlow) + t));
                task.addProperty("formId", t == 0 ? "approval-form" : "review-form");
                task.addProperty("status", status);
                if (rnd.nextInt(8) != 0) {
                    task.addProperty("assigneeId", users[rnd.nextInt(users.length)]);
                }
                task.addProperty("ownerId", users[requesterIndex]);
                if (rnd.nextInt(6) != 0) {
                    task.addProperty("due", Json.time(created.plus(Duration.ofHours(24L * (1 + rnd.nextInt(14))))));
                }
                JsonArray groups = new JsonArray();
                groups.add(GROUPS[rnd.nextInt(GROUPS.length)]);
                if (rnd.nextBoolean()) {
                    String second = GROUPS[rnd.nextInt(GROUPS.length)];
                    if (!groups.contains(new com.google.gson.JsonPrimitive(second))) {
                        groups.add(second);
                    }
                }
                task.add("groupsIds", groups);
                JsonArray usersIds = new JsonArray();
                usersIds.add(users[rnd.nextInt(users.length)]);
                task.add("usersIds", usersIds);
                JsonObject fref = new JsonObject();
                fref.addProperty("flowInstanceKey", flowId);
                fref.addProperty("flowKey", def[1]);
                fref.addProperty("flowExternalId", def[0]);
                task.add("flow", fref);
                JsonObject tvars = new JsonObject();
                tvars.addProperty("requestedRole", app.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-" + role);
                tvars.addProperty("priority", 1 + rnd.nextInt(5));
                Instant lastModified = created;
                if (!status.equals("pending")) {
                    Instant ended = flowEnded != null ? flowEnded
                            : min(anchor, created.plus(Duration.ofMinutes(5 + rnd.nextInt(3 * 24 * 60))));
                    if (!ended.isAfter(created)) {
                        ended = created.plusSeconds(1);
                    }
                    task.addProperty("ended", Json.time(ended));
                    lastModified = ended;
                    if (status.equals("completed")) {
                        tvars.addProperty("approved", rnd.nextInt(4) != 0);
                    }
                }
                task.add("variables", tvars);
                JsonObject meta = new JsonObject();
                meta.addProperty("created", Json.time(created));
                meta.addProperty("lastModified", Json.time(lastModified));
                meta.addProperty("revision", status.equals("pending") ? 1 : 2);
                meta.addProperty("resourceType", "Task");
                meta.addProperty("tenantId", "acme");
                task.add("meta", meta);
                taskList.add(task);
            }
        }
        return new SeedData(flowList, taskList);
    }

    private static String taskStatus(String flowStatus, Random rnd) {
        switch (flowStatus) {
            case "running":
                return rnd.nextInt(3) == 0 ? "completed" : "pending";
            case "completed":
                return "completed";
            default:
                return rnd.nextInt(3) == 0 ? "completed" : "canceled";
        }
    }

    /** A status explanation as the platform sends it: an object, here with a {@code message}. */
    private static JsonObject explanation(String status) {
        JsonObject explanation = new JsonObject();
        switch (status) {
            case "running":
                explanation.addProperty("message", "Waiting for approval");
                break;
            case "completed":
                explanation.addProperty("message", "All approvals granted");
                break;
            case "canceled":
                explanation.addProperty("message", "Canceled by the requester");
                break;
            default:
                explanation.addProperty("message", "Provisioning failed: target system unavailable");
                break;
        }
        return explanation;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String uuid(long seed, String kind, int index) {
        return UUID.nameUUIDFromBytes((seed + ":" + kind + ":" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
