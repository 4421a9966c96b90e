package io.flowsdk.spring.boot.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Finds {@link AutoConfigureFlowsStub} on a test class (or an enclosing one, or a meta-annotation). */
final class FlowsStubContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        AutoConfigureFlowsStub a = TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureFlowsStub.class);
        return a == null ? null : new FlowsStubContextCustomizer(a.clientCredentials());
    }
}
