package io.flowsdk.examples.approvals;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bot's settings, {@code approvals.*}.
 *
 * @param maxPriority the highest {@code priority} task variable approved automatically
 * @param batchSize   the most tasks approved in one run; the rest wait for the next run
 * @param interval    the pause between the end of one run and the start of the next
 */
@ConfigurationProperties("approvals")
public record ApprovalProperties(@DefaultValue("3") int maxPriority, @DefaultValue("200") int batchSize,
        @DefaultValue("1m") Duration interval) {
}
