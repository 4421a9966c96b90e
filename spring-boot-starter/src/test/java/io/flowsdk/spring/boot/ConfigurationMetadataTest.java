package io.flowsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.auth.ClientCredentials;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * The configuration metadata IDEs read (generated from FlowsProperties and its Javadoc, plus
 * META-INF/additional-spring-configuration-metadata.json) lists every property with a
 * description, and the defaults it shows are the SDK's real ones.
 */
class ConfigurationMetadataTest {
    private static final Map<String, JsonObject> METADATA = new HashMap<>();

    @BeforeAll
    static void read() throws Exception {
        // this module's file, not the one of another jar on the class path
        String location = FlowsProperties.class.getProtectionDomain().getCodeSource().getLocation().toString();
        URL own = URI.create(location.endsWith(".jar") ? "jar:" + location + "!/META-INF/spring-configuration-metadata.json"
                : location + "META-INF/spring-configuration-metadata.json").toURL();
        try (InputStream in = own.openStream()) {
            assertThat(in).as("generated metadata").isNotNull();
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            for (JsonElement e : root.getAsJsonArray("properties")) {
                METADATA.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject());
            }
        }
    }

    @Test
    void everyBindablePropertyIsListedWithADescription() throws Exception {
        Set<String> bindable = new TreeSet<>();
        collect("flows", FlowsProperties.class, bindable);
        assertThat(bindable).contains("flows.base-url", "flows.token", "flows.client-id", "flows.client-secret",
                "flows.scopes", "flows.token-url", "flows.auth-method", "flows.timeout", "flows.total-timeout",
                "flows.retry.max-attempts", "flows.retry.initial-backoff", "flows.retry.max-backoff",
                "flows.user-agent", "flows.http-logging");
        Set<String> listed = new TreeSet<>(METADATA.keySet());
        listed.remove("management.health.flows.enabled");
        assertThat(listed).isEqualTo(bindable);
        for (String name : METADATA.keySet()) {
            JsonElement description = METADATA.get(name).get("description");
            assertThat(description).as(name).isNotNull();
            assertThat(description.getAsString()).as(name).hasSizeGreaterThan(20).endsWith(".");
        }
    }

    @Test
    void theHealthSwitchIsListed() {
        assertThat(METADATA.get("management.health.flows.enabled").get("defaultValue").getAsBoolean()).isTrue();
    }

    @Test
    void listedDefaultsAreTheSdksDefaults() {
        RetryPolicy retry = RetryPolicy.defaults();
        assertThat(METADATA.get("flows.retry.max-attempts").get("defaultValue").getAsInt()).isEqualTo(retry.maxAttempts());
        assertThat(duration("flows.retry.initial-backoff")).isEqualTo(retry.initialBackoff());
        assertThat(duration("flows.retry.max-backoff")).isEqualTo(retry.maxBackoff());
        assertThat(duration("flows.retry.max-retry-after")).isEqualTo(retry.maxRetryAfter());
        assertThat(duration("flows.token-refresh-before")).isEqualTo(ClientCredentials.DEFAULT_REFRESH_BEFORE);
        assertThat(DataSize.parse(METADATA.get("flows.max-response-size").get("defaultValue").getAsString()).toBytes())
                .isEqualTo(FlowsClient.DEFAULT_MAX_RESPONSE_BYTES);
        try (FlowsClient client = FlowsClient.builder().baseUrl("http://localhost/api").build()) {
            assertThat(client.toString()).contains("timeout=" + duration("flows.timeout") + ",");
        }
        assertThat(METADATA.get("flows.auth-method").get("defaultValue").getAsString())
                .isEqualTo(ClientCredentials.builder().clientId("i").clientSecret("s").build().authMethod().name()
                        .toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        assertThat(METADATA.get("flows.http-logging").get("defaultValue").getAsBoolean()).isFalse();
    }

    private static Duration duration(String name) {
        return DurationStyle.detectAndParse(METADATA.get(name).get("defaultValue").getAsString());
    }

    private static void collect(String prefix, Class<?> type, Set<String> names) throws Exception {
        for (PropertyDescriptor d : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
            String name = prefix + "." + d.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
            if (d.getWriteMethod() != null) {
                names.add(name);
            } else if (d.getReadMethod() != null && d.getPropertyType().getName().startsWith("io.flowsdk")) {
                collect(name, d.getPropertyType(), names);
            }
        }
    }
}
