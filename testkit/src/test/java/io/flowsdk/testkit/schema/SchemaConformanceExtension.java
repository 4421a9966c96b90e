package io.flowsdk.testkit.schema;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when the fake gave, during it, an answer that the platform's schema rejects, so
 * every test class of the testkit's suite doubles as a conformance test of the fake. Violations
 * seen outside a test (in {@code @BeforeAll}, or after a class's last test) fail the class. At
 * the end of the run it prints how many answers were checked.
 *
 * <p>Registered for the whole suite by JUnit's extension auto-detection
 * ({@code junit-platform.properties} and {@code META-INF/services} in the test resources).
 */
public final class SchemaConformanceExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    /** Engine runs under way: FlowsStubExtensionTest launches nested ones; only the outermost prints. */
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** Created by JUnit's auto-detection. */
    public SchemaConformanceExtension() {}

    @Override
    public void beforeAll(ExtensionContext context) {
        PlatformSchema.shared();
        context.getRoot().getStore(ExtensionContext.Namespace.create(SchemaConformanceExtension.class))
                .getOrComputeIfAbsent("summary", k -> new Summary(), Summary.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failOnNewViolations("during this test");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnNewViolations("outside the tests of " + context.getDisplayName());
    }

    private static void failOnNewViolations(String when) {
        List<String> fresh = AnswerLog.takeUnreported();
        if (!fresh.isEmpty()) {
            throw new AssertionError(fresh.size() + " answer(s) of the fake " + when
                    + " break the platform's schema (openapi.yaml, StatusExplanations items objects):\n  "
                    + String.join("\n  ", fresh));
        }
    }

    /** Prints the count when JUnit closes the root store, at the end of the outermost run. */
    @SuppressWarnings("deprecation") // CloseableResource: the JUnit the testkit builds with still closes it
    private static final class Summary implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private boolean closed;

        Summary() {
            RUNS.incrementAndGet();
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (RUNS.decrementAndGet() == 0) {
                System.out.println("[flows-testkit] " + AnswerLog.checkedCount() + " answers of the fake checked against"
                        + " openapi.yaml with the platform's item types: " + AnswerLog.violationCount() + " violations, "
                        + AnswerLog.notDescribedCount() + " answers of endpoints outside openapi.yaml not checked");
            }
        }
    }
}
