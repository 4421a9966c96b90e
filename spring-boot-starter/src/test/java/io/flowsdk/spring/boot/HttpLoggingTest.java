package io.flowsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.FlowsStubExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** flows.http-logging: request and response lines at DEBUG on io.flowsdk.http, through the application's logging. */
@ExtendWith(FlowsStubExtension.class)
class HttpLoggingTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.flowsdk.http");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private ApplicationContextRunner runner;
    private FlowsStub stub;

    @BeforeEach
    void setUp(FlowsStub stub) {
        this.stub = stub;
        appender.start();
        logger.addAppender(appender);
        runner = Contexts.runner().withPropertyValues("flows.base-url=" + stub.baseUrl(), "flows.token=" + stub.token());
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    private List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void logsRequestsAtDebugWithTheTokenMasked() {
        logger.setLevel(Level.DEBUG);
        runner.withPropertyValues("flows.http-logging=true").run(context -> {
            context.getBean(FlowsClient.class).tasks().list().count();
            assertThat(appender.list).isNotEmpty().allMatch(e -> e.getLevel() == Level.DEBUG);
            assertThat(lines()).anyMatch(l -> l.startsWith("--> GET ") && l.contains("/flows/tasks"))
                    .anyMatch(l -> l.startsWith("<-- 200"))
                    .anyMatch(l -> l.startsWith("Authorization: "))
                    .noneMatch(l -> l.contains(stub.token()));
        });
    }

    @Test
    void nothingAboveDebug() {
        logger.setLevel(Level.INFO);
        runner.withPropertyValues("flows.http-logging=true").run(context -> {
            context.getBean(FlowsClient.class).tasks().list().count();
            assertThat(appender.list).isEmpty();
            // the level is read per line: turned on at run time, it logs from then on
            logger.setLevel(Level.DEBUG);
            context.getBean(FlowsClient.class).tasks().list().count();
            assertThat(lines()).anyMatch(l -> l.startsWith("--> GET "));
        });
    }

    @Test
    void offByDefault() {
        logger.setLevel(Level.DEBUG);
        runner.run(context -> {
            context.getBean(FlowsClient.class).tasks().list().count();
            assertThat(appender.list).isEmpty();
        });
    }
}
