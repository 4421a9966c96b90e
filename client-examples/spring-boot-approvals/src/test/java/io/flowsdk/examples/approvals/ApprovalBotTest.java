package io.flowsdk.examples.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowsdk.client.model.Task;
import io.flowsdk.micrometer.FlowsMetrics;
import io.flowsdk.spring.boot.test.AutoConfigureFlowsStub;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.FlowsStub;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The whole application against the testkit's stub: the bot, the auto-configured client (client
 * credentials at the stub's token endpoint), its metrics and its health indicator. The schedule
 * is registered but does not fire during the test (its first run is an hour away).
 */
@SpringBootTest(properties = {"approvals.initial-delay=1h", "approvals.batch-size=1000"})
@AutoConfigureFlowsStub
class ApprovalBotTest {
    @Autowired
    FlowsStub stub;

    @Autowired
    ApprovalBot bot;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HealthIndicator flowsHealthIndicator;

    @Autowired
    ScheduledTaskHolder scheduled;

    /**
     * Seeds at a fixed time on the stub's clock, which is the client's clock too: a snapshot reads
     * the state of the last completed second, so each run starts {@code approvals.interval} later
     * (two seconds here) and sees everything seeded or done before it.
     */
    @BeforeEach
    void freezeTheClock() {
        stub.clock().set(Instant.parse("2030-01-01T09:00:00Z"));
    }

    private ApprovalBot.Run run() {
        stub.clock().advance(Duration.ofSeconds(2));
        return bot.approvePending();
    }

    private String task(String name, Integer priority) {
        Task t = new Task().displayName(name);
        if (priority != null) {
            t.variables(Map.of("priority", priority));
        }
        return stub.addTask(t).getId();
    }

    private String status(String id) {
        return stub.task(id).orElseThrow().getStatus();
    }

    @Test
    void approvesPendingTasksOfLowPriorityOnly() {
        String low = task("Grant read access", 1);
        String edge = task("Grant write access", 3);
        String high = task("Grant admin access", 9);
        String none = task("No priority", null);

        ApprovalBot.Run run = run();

        assertThat(run.approved()).isEqualTo(2);
        assertThat(status(low)).isEqualTo("completed");
        assertThat(status(edge)).isEqualTo("completed");
        assertThat(status(high)).isEqualTo("pending");
        assertThat(status(none)).isEqualTo("pending");
        assertThat(((Map<?, ?>) stub.task(low).orElseThrow().getVariables()).get("approved")).isEqualTo(true);
        assertThat(stub.requestCount(Endpoint.TOKEN)).isLessThanOrEqualTo(1);
    }

    @Test
    void approvesEveryTaskOnceWhileItCompletesWhatItPages() {
        // 250 approvable tasks over three pages of 100: completing them shrinks the pending set as
        // the bot pages through it; the snapshot keeps every page cut from the same set
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(task("Task " + i, i % 4));
        }
        ApprovalBot.Run run = run();
        assertThat(run).isEqualTo(new ApprovalBot.Run(250, 0));
        assertThat(ids).allMatch(id -> status(id).equals("completed"));
        assertThat(stub.requestCount(Endpoint.COMPLETE_TASK)).isEqualTo(250);
        assertThat(stub.requests(Endpoint.LIST_TASKS)).allMatch(r -> r.queryParam("forTime") != null);
    }

    @Test
    void aSecondRunFindsNothingLeft() {
        task("Grant read access", 1);
        assertThat(run().approved()).isEqualTo(1);
        assertThat(run().approved()).isZero();
    }

    @Test
    void theClientsCallsAreMeasuredInBootsRegistry() {
        task("Grant read access", 1);
        run();
        assertThat(meters.find(FlowsMetrics.REQUESTS).tag("operation", "tasks.complete").timer()).isNotNull();
    }

    @Test
    void theHealthIndicatorSeesTheStub() {
        assertThat(flowsHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(flowsHealthIndicator.health().getDetails()).containsEntry("status", 200);
    }

    @Test
    void theBotIsScheduled() {
        assertThat(scheduled.getScheduledTasks()).anyMatch(t -> t.toString().contains("ApprovalBot.scheduledRun"));
    }
}
