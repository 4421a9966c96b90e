package io.flowsdk.testkit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.flowsdk.testkit.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's OpenAPI document (openapi.yaml from flows-api-spec) as the platform publishes it, to
 * check the fake's answers: each answer's status must be declared for its operation and its body
 * must match the declared schema (OpenAPI 3.0 rules: no null without {@code nullable}, formats
 * such as {@code date-time} asserted).
 *
 * <p>Our spec is deliberately more lenient than the platform in one place: it accepts any
 * {@code StatusExplanations} item, while the platform's schema declares each item an object.
 * This copy is tightened to the platform's item type, so the fake must answer with objects.
 */
public final class PlatformSchema {
    private static final String DOCUMENT_URI = "https://schema.flows.test/openapi.json";
    private static final String ERROR_RESPONSE = "/components/schemas/ErrorResponse";
    private static final PlatformSchema SHARED = new PlatformSchema();

    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .locale(Locale.ROOT)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private PlatformSchema() {
        this.document = tightened(load());
        String text;
        try {
            text = json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b
                .metaSchema(OpenApi30.getInstance())
                .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, text))));
        compileAll();
    }

    /** @return the one instance, its schemas compiled (see {@link #compileAll()}) */
    public static PlatformSchema shared() {
        return SHARED;
    }

    /**
     * Compiles every response schema of the document at once. Compiling one lazily, on the
     * first answer that needs it, takes long enough to slow that answer down, and tests that
     * poll the stub against a deadline would then see fewer answers.
     */
    private void compileAll() {
        for (Endpoint endpoint : Endpoint.values()) {
            JsonNode responses = operation(endpoint).path("responses");
            responses.fieldNames().forEachRemaining(code -> {
                if (code.matches("[1-5][0-9][0-9]")) {
                    check(endpoint, Integer.parseInt(code), "application/json", "{}");
                }
            });
        }
        check(null, 404, "application/json", "{}");
    }

    private static JsonNode load() {
        try (InputStream in = PlatformSchema.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is not on the test class path (the flows-api-spec artifact)");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The platform declares each StatusExplanations item {"type": "object", "additionalProperties": {}}. */
    private JsonNode tightened(JsonNode spec) {
        JsonNode explanations = spec.at("/components/schemas/FlowInstance/properties/StatusExplanations");
        if (!explanations.isObject() || !"array".equals(explanations.path("type").asText())) {
            throw new IllegalStateException("openapi.yaml no longer declares FlowInstance.StatusExplanations as an array: "
                    + "PlatformSchema's tightening must follow the spec");
        }
        ObjectNode item = json.createObjectNode();
        item.put("type", "object");
        item.set("additionalProperties", json.createObjectNode());
        ((ObjectNode) explanations).set("items", item);
        return spec;
    }

    /**
     * Whether the document has an operation for the endpoint (a future endpoint of the fake that
     * the API document does not describe cannot be checked against it).
     *
     * @param endpoint the endpoint
     * @return true when the operation exists
     */
    public boolean describes(Endpoint endpoint) {
        return operation(endpoint).isObject();
    }

    /**
     * Checks one answer.
     *
     * @param endpoint the endpoint the request was routed to, or null when it matched none (then
     *     the answer must be a 4xx with the API's error body)
     * @param status the HTTP status
     * @param contentType the Content-Type header, or null
     * @param body the body
     * @return what is wrong, empty when the answer is valid
     */
    public List<String> check(Endpoint endpoint, int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        String schemaPointer;
        if (endpoint == null) {
            if (status < 400 || status > 499) {
                problems.add("a request that matches no operation must get a 4xx, got " + status);
            }
            schemaPointer = ERROR_RESPONSE;
        } else {
            schemaPointer = responseSchema(endpoint, status, problems);
        }
        if (schemaPointer == null) {
            return problems;
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            problems.add("Content-Type must be application/json, got " + contentType);
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (IOException e) {
            problems.add("the body is not JSON: " + e.getMessage());
            return problems;
        }
        if (parsed == null || parsed.isMissingNode()) {
            problems.add("the body is empty");
            return problems;
        }
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer,
                p -> factory.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p), config));
        for (ValidationMessage m : schema.validate(parsed)) {
            problems.add(m.getMessage());
        }
        return problems;
    }

    /** The JSON pointer of the schema declared for this status, or null (with a problem) when none is. */
    private String responseSchema(Endpoint endpoint, int status, List<String> problems) {
        JsonNode operation = operation(endpoint);
        if (!operation.isObject()) {
            problems.add("openapi.yaml has no operation " + endpoint);
            return null;
        }
        String operationPointer = "/paths/" + escape(endpoint.pathTemplate()) + "/" + endpoint.method().toLowerCase(Locale.ROOT);
        String code = String.valueOf(status);
        String responsePointer = operationPointer + "/responses/" + code;
        JsonNode response = document.at(responsePointer);
        if (response.isMissingNode()) {
            responsePointer = operationPointer + "/responses/default";
            response = document.at(responsePointer);
        }
        if (response.isMissingNode()) {
            problems.add("status " + status + " is not declared for " + operation.path("operationId").asText() + " " + endpoint);
            return null;
        }
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        if (!response.path("content").has("application/json")) {
            problems.add("openapi.yaml declares no JSON body for " + status + " of " + endpoint);
            return null;
        }
        return responsePointer + "/content/application~1json/schema";
    }

    private JsonNode operation(Endpoint endpoint) {
        return document.path("paths").path(endpoint.pathTemplate()).path(endpoint.method().toLowerCase(Locale.ROOT));
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }
}
