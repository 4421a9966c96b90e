package io.flowsdk.spring.boot;

import io.flowsdk.client.FlowsClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a {@link FlowsClient} bean named {@code flowsClient} from the {@code flows.*}
 * properties ({@link FlowsProperties}) when {@code flows.base-url} is set, unless the application
 * defines a {@code FlowsClient} bean of its own. Every {@link FlowsClientBuilderCustomizer} bean is
 * applied to the builder, in order, after the properties. The client is closed with the
 * application context. Invalid properties fail startup with
 * {@link InvalidFlowsPropertiesException}, which lists every problem and its fix.
 */
@AutoConfiguration
@ConditionalOnClass(FlowsClient.class)
@ConditionalOnProperty(prefix = "flows", name = "base-url")
@EnableConfigurationProperties(FlowsProperties.class)
public class FlowsAutoConfiguration {

    /** Created by Spring from the auto-configuration imports. */
    public FlowsAutoConfiguration() {
    }

    /**
     * The client.
     *
     * @param properties  the {@code flows.*} properties
     * @param customizers the builder customizers, applied in order
     * @return the client, closed with the context
     * @throws InvalidFlowsPropertiesException when the properties (or the customizers) do not make a valid client
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public FlowsClient flowsClient(FlowsProperties properties, ObjectProvider<FlowsClientBuilderCustomizer> customizers) {
        FlowsClient.Builder builder = FlowsClientFactory.builder(properties, new HttpLog());
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return FlowsClientFactory.build(builder);
    }
}
