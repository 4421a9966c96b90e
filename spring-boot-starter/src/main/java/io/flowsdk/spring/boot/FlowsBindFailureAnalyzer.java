package io.flowsdk.spring.boot;

import io.flowsdk.client.auth.ClientAuthMethod;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;

/**
 * Explains a {@code flows.*} value that cannot be converted (a duration written {@code 5 minutes},
 * an unknown {@code flows.auth-method}) with the forms it accepts; other properties are left to
 * Spring Boot's own analysis. Ordered first so that it is asked before Spring Boot's. The value is
 * shown, except for a property that may hold a secret.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class FlowsBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        String name = cause.getName().toString();
        if (!name.startsWith("flows.")) {
            return null;
        }
        Class<?> type = cause.getTarget().getType().resolve(Object.class);
        ConfigurationProperty property = cause.getProperty();
        String value = property == null ? null : String.valueOf(property.getValue());
        boolean secret = name.contains("token") && !name.endsWith("url") || name.contains("secret");
        StringBuilder description = new StringBuilder("The Flows client could not be configured: ").append(name);
        if (value != null) {
            description.append(" = ").append(secret ? "██" : "\"" + value + "\"");
        }
        if (property != null && property.getOrigin() != null) {
            description.append(" (").append(property.getOrigin()).append(')');
        }
        description.append(" is not ").append(expected(type)).append('.');
        return new FailureAnalysis(description.toString(),
                "Update the application's configuration: set " + name + " to " + expected(type) + ".", cause);
    }

    private static String expected(Class<?> type) {
        if (type == Duration.class) {
            return "a duration such as 500ms, 30s, 2m or PT30S (a number alone is milliseconds)";
        }
        if (type == DataSize.class) {
            return "a size such as 512KB or 32MB (a number alone is bytes)";
        }
        if (type == ClientAuthMethod.class) {
            return "one of " + String.join(", ", java.util.Arrays.stream(ClientAuthMethod.values())
                    .map(m -> m.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a valid " + type.getSimpleName();
    }
}
