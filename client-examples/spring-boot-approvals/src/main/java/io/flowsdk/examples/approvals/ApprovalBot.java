package io.flowsdk.examples.approvals;

import io.flowsdk.client.Change;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Query;
import io.flowsdk.client.error.BadRequestException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Approves pending tasks whose {@code priority} variable is at most {@code approvals.max-priority},
 * at most {@code approvals.batch-size} per run.
 */
@Component
public class ApprovalBot {
    private static final Log log = LogFactory.getLog(ApprovalBot.class);

    private final FlowsClient client;
    private final ApprovalProperties properties;

    /**
     * Creates the bot.
     *
     * @param client     the auto-configured client
     * @param properties the bot's settings
     */
    public ApprovalBot(FlowsClient client, ApprovalProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** One scheduled run; a failure is logged and the next run tries again. */
    @Scheduled(fixedDelayString = "${approvals.interval:1m}", initialDelayString = "${approvals.initial-delay:10s}")
    public void scheduledRun() {
        try {
            Run run = approvePending();
            log.info("approved " + run.approved() + " task(s), skipped " + run.skipped());
        } catch (FlowsException e) {
            log.warn("approval run failed, retried at the next run: " + e.getMessage());
        }
    }

    /**
     * Approves what is pending and approvable now.
     *
     * <p>The bot completes tasks while it lists them, and completing a task takes it out of the
     * "pending" set being paged through: with plain offset paging, the next page would start
     * further down the shrunk set and skip tasks. {@code snapshot()} pins the whole listing to one
     * point in time ({@code forTime}), so every page is cut from the same set and nothing is
     * skipped or listed twice; {@code limit} bounds one run's work. A task approved meanwhile by
     * someone else is answered 400 (no longer pending) or 404 and skipped; tasks created after the
     * snapshot are for the next run, whose new snapshot no longer lists what this run approved.
     *
     * @return what the run did
     */
    public Run approvePending() {
        Query<Task> approvable = client.tasks().list()
                .filter(Filter.eq("status", "pending").and(Filter.le("variables.priority", properties.maxPriority())))
                .snapshot()
                .limit(properties.batchSize());
        int approved = 0;
        int skipped = 0;
        for (Task task : approvable) {
            try {
                client.tasks().complete(task.getId(), Map.of("approved", true),
                        Change.reason("auto-approved: priority at most " + properties.maxPriority()));
                approved++;
            } catch (BadRequestException | NotFoundException e) {
                skipped++;
            }
        }
        return new Run(approved, skipped);
    }

    /**
     * What one run did.
     *
     * @param approved tasks completed as approved
     * @param skipped  tasks no longer pending when the bot got to them
     */
    public record Run(int approved, int skipped) {
    }
}
