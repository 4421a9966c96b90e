package io.flowsdk.examples.approvals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A Spring Boot application whose only job is {@link ApprovalBot}: every minute it approves the
 * pending tasks of low priority. The {@code FlowsClient} it uses comes from
 * {@code flows-spring-boot-starter}, configured in {@code application.yaml}.
 */
@SpringBootApplication
@EnableConfigurationProperties(ApprovalProperties.class)
public class ApprovalsApplication {

    /**
     * Runs the application.
     *
     * @param args Spring Boot arguments, for example {@code --approvals.max-priority=2}
     */
    public static void main(String[] args) {
        SpringApplication.run(ApprovalsApplication.class, args);
    }

    /** The schedule; {@code approvals.schedule.enabled=false} turns it off (a test runs the bot itself). */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "approvals.schedule.enabled", matchIfMissing = true)
    static class Scheduling {
    }
}
