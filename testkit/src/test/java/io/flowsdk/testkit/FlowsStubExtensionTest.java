package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.model.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

class FlowsStubExtensionTest {

    /** Injection into every place JUnit resolves parameters, and reset between tests. */
    @ExtendWith(FlowsStubExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Fixture {
        static final List<FlowsStub> SEEN = new ArrayList<>();
        static FlowsStub fromBeforeAll;
        final FlowsStub fromConstructor;
        FlowsStub fromBeforeEach;

        Fixture(FlowsStub stub) {
            this.fromConstructor = stub;
        }

        @BeforeAll
        static void beforeAll(FlowsStub stub) {
            fromBeforeAll = stub;
        }

        @BeforeEach
        void beforeEach(FlowsStub stub, FlowsClient client) {
            fromBeforeEach = stub;
            assertSame(stub.client(), client);
            assertTrue(stub.tasks().isEmpty(), "reset before each test, before @BeforeEach methods");
            assertTrue(stub.requests().isEmpty());
        }

        @Test
        @Order(1)
        void first(FlowsStub stub, FlowsClient client) {
            SEEN.add(stub);
            assertSame(fromBeforeAll, stub);
            assertSame(fromConstructor, stub);
            assertSame(fromBeforeEach, stub);
            stub.addTask(new Task().id("t1"));
            stub.inject(Endpoint.GET_TASK, Fault.status(500)).always();
            stub.clock().set(java.time.Instant.EPOCH);
            stub.maxPageSize(1);
            client.flows().find("x");
        }

        @Test
        @Order(2)
        void second(FlowsStub stub, FlowsClient client) {
            SEEN.add(stub);
            assertTrue(stub.tasks().isEmpty());
            assertEquals(0, stub.requestCount(Endpoint.GET_TASK));
            assertFalse(stub.clock().isFrozen());
            stub.addTask(new Task().id("t1"));
            stub.addTask(new Task().id("t2"));
            assertEquals("t1", client.tasks().get("t1").getId(), "no fault left over");
            assertEquals(2, client.tasks().list().firstPage().items().size(), "no page cap left over");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        @Order(3)
        void parameterized(int n, FlowsStub stub) {
            SEEN.add(stub);
            assertTrue(stub.tasks().isEmpty());
        }

        @Nested
        class Inner {
            @Test
            void nestedClassesShareTheEnclosingClasssStub(FlowsStub stub) {
                SEEN.add(stub);
                assertSame(fromBeforeAll, stub);
                assertTrue(stub.tasks().isEmpty(), "still reset before each test");
            }
        }
    }

    /** PER_CLASS: the instance is created before beforeAll callbacks. */
    @ExtendWith(FlowsStubExtension.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassFixture {
        static FlowsStub seen;
        final FlowsStub stub;

        PerClassFixture(FlowsStub stub) {
            this.stub = stub;
        }

        @Test
        void works(FlowsStub stub) {
            assertSame(this.stub, stub);
            seen = stub;
        }
    }

    static TestExecutionSummary run(Class<?> fixture) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        if (!summary.getFailures().isEmpty()) {
            throw new AssertionError("fixture failed: " + summary.getFailures().get(0).getTestIdentifier().getDisplayName(),
                    summary.getFailures().get(0).getException());
        }
        return summary;
    }

    @Test
    void oneStubPerClassInjectedEverywhereResetBetweenTestsClosedAfterTheClass() {
        Fixture.SEEN.clear();
        TestExecutionSummary summary = run(Fixture.class);
        assertEquals(5, summary.getTestsSucceededCount());
        List<FlowsStub> seen = Fixture.SEEN;
        assertEquals(5, seen.size());
        for (int i = 1; i < 5; i++) {
            assertSame(seen.get(0), seen.get(i));
        }
        for (FlowsStub s : seen) {
            assertFalse(s.wireMock().isRunning(), "JUnit closed the stub after its class");
        }
    }

    @Test
    void perClassLifecycleWithConstructorInjection() {
        run(PerClassFixture.class);
        assertFalse(PerClassFixture.seen.wireMock().isRunning());
    }
}
