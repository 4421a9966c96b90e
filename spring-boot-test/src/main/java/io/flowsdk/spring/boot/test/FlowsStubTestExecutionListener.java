package io.flowsdk.spring.boot.test;

import io.flowsdk.testkit.FlowsStub;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the stub of an {@link AutoConfigureFlowsStub} test before each test method, before the
 * test's own {@code @BeforeEach} methods, which may seed it.
 */
final class FlowsStubTestExecutionListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return 1950;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(), AutoConfigureFlowsStub.class)) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        if (context.containsBean(FlowsStubContextCustomizer.STUB_BEAN)) {
            context.getBean(FlowsStubContextCustomizer.STUB_BEAN, FlowsStub.class).reset();
        }
    }
}
