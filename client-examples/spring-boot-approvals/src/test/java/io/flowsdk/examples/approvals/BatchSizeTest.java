package io.flowsdk.examples.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowsdk.client.model.Task;
import io.flowsdk.spring.boot.test.AutoConfigureFlowsStub;
import io.flowsdk.testkit.FlowsStub;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** approvals.batch-size bounds one run; the next runs take the rest, without the schedule. */
@SpringBootTest(properties = {"approvals.schedule.enabled=false", "approvals.batch-size=2"})
@AutoConfigureFlowsStub
class BatchSizeTest {
    @Autowired
    FlowsStub stub;

    @Autowired
    ApprovalBot bot;

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

    @Test
    void eachRunApprovesAtMostABatch() {
        for (int i = 0; i < 5; i++) {
            stub.addTask(new Task().displayName("Task " + i).variables(Map.of("priority", 1)));
        }
        assertThat(run().approved()).isEqualTo(2);
        assertThat(run().approved()).isEqualTo(2);
        assertThat(run().approved()).isEqualTo(1);
        assertThat(stub.tasks()).allMatch(t -> t.getStatus().equals("completed"));
    }
}
