package io.flowsdk.spring.boot.test;

import io.flowsdk.spring.boot.FlowsClientBuilderCustomizer;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.internal.StubTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts a stub for one application context, registers it as the bean {@code flowsStub}, points
 * the {@code flows.*} properties at it and puts the client on its clock. Part of the context cache
 * key, so it has value semantics.
 */
final class FlowsStubContextCustomizer implements ContextCustomizer {
    static final String STUB_BEAN = "flowsStub";
    static final String PROPERTY_SOURCE = "flowsStub";

    private final boolean clientCredentials;

    FlowsStubContextCustomizer(boolean clientCredentials) {
        this.clientCredentials = clientCredentials;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        FlowsStub stub = new FlowsStub();
        context.getBeanFactory().registerSingleton(STUB_BEAN, stub);
        context.addApplicationListener(new StubCloser(stub));
        // the testkit's own time source: the client's waits move the stub's frozen clock
        FlowsClientBuilderCustomizer stubTime = builder -> builder.clock(new StubTime(stub.clock()));
        context.getBeanFactory().registerSingleton("flowsStubTimeCustomizer", stubTime);

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("flows.base-url", stub.baseUrl());
        if (clientCredentials) {
            properties.put("flows.client-id", FlowsStub.DEFAULT_CLIENT_ID);
            properties.put("flows.client-secret", FlowsStub.DEFAULT_CLIENT_SECRET);
            properties.put("flows.token-url", stub.tokenUrl());
            properties.put("flows.token", "");
        } else {
            properties.put("flows.token", stub.token());
            properties.put("flows.client-id", "");
            properties.put("flows.client-secret", "");
            properties.put("flows.token-url", "");
        }
        // empty counts as unset: production scopes would be refused by the stub's default client
        properties.put("flows.scopes", "");
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE, properties);
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowsStubContextCustomizer other && other.clientCredentials == clientCredentials;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(clientCredentials) + FlowsStubContextCustomizer.class.hashCode();
    }

    /** Stops the stub when its context closes. */
    private static final class StubCloser implements ApplicationListener<ContextClosedEvent> {
        private final FlowsStub stub;

        StubCloser(FlowsStub stub) {
            this.stub = stub;
        }

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            stub.close();
        }
    }
}
