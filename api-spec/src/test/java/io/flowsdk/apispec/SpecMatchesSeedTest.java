package io.flowsdk.apispec;

import static io.flowsdk.apispec.SpecChecker.list;
import static io.flowsdk.apispec.SpecChecker.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.flowsdk.apispec.SeedReference.Operation;

/**
 * The hand-written openapi.yaml against the REST reference it was written from (the seed). The
 * expectations are read from the seed's markdown, not written here: a new row, status or example
 * field in the seed makes this test fail until the spec has it.
 */
class SpecMatchesSeedTest {

    @Test
    void seedIsParsedCompletely() {
        String text = SpecDocuments.text(SpecDocuments.SEED);
        List<Operation> seed = SpecDocuments.seed();

        // cross-check the parser against raw counts of the markdown, so a format change the
        // parser does not understand cannot shrink the expectations to nothing
        assertEquals(count(text, "<Endpoint "), seed.size(), "one operation per <Endpoint/>");
        assertEquals(count(text, "(?m)^## "), seed.size(), "one operation per ## section");
        assertEquals(count(text, "(?m)^\\|?[ \\t]*\\w+[ \\t]*\\|.*\\|[ \\t]*(query|path|body)[ \\t]*\\|"),
                seed.stream().mapToInt(op -> op.params().size()).sum(), "every parameter row");
        assertEquals(count(text, "(?m)^\\[\\d{3} "),
                seed.stream().mapToInt(op -> op.responses().size()).sum(), "every response row");
        assertEquals(count(text, "```json"),
                seed.stream().mapToInt(op -> op.requestExamples().size() + op.responseExamples().size()).sum(),
                "every JSON example");
        for (Operation op : seed) {
            assertFalse(op.responses().isEmpty(), op.title() + " has responses");
            assertEquals(1, op.responseExamples().size(), op.title() + " has a response example");
            assertTrue(op.responseExamples().get(0) instanceof Map, op.title() + " example is an object");
        }
    }

    @Test
    void specCoversEverythingInTheSeed() {
        List<String> problems = SpecChecker.check(SpecDocuments.spec(), SpecDocuments.seed());
        assertEquals(List.of(), problems, () -> "spec differs from the seed:\n  " + String.join("\n  ", problems));
    }

    // ---- the checker catches what it should: each mutation of the spec must be reported ----

    @Test
    void catchesMissingNestedField() {
        assertCaught(spec -> map(schema(spec, "Meta").get("properties")).remove("revision"),
                "meta.revision: field missing from schema Meta");
    }

    @Test
    void catchesMissingListEnvelopeFieldAndItemField() {
        assertCaught(spec -> map(schema(spec, "TasksList").get("properties")).remove("totalResults"),
                "List Tasks (GET /api/v1/flows/tasks): response example.totalResults: field missing from schema TasksList");
        assertCaught(spec -> map(schema(spec, "FlowReference").get("properties")).remove("version"),
                "Resources[].flow.version: field missing from schema FlowReference");
    }

    @Test
    void catchesMissingParameter() {
        assertCaught(spec -> list(operation(spec, "/flows/tasks", "get").get("parameters"))
                        .removeIf(p -> String.valueOf(map(p).get("$ref")).endsWith("/count")),
                "List Tasks (GET /api/v1/flows/tasks): query parameter 'count' missing");
    }

    @Test
    void catchesParameterInWrongLocation() {
        assertCaught(spec -> param(spec, "reason").put("in", "header"),
                "Cancel a Task (POST /api/v1/flows/tasks/{taskId}/.cancel): query parameter 'reason' declared with another location");
    }

    @Test
    void catchesWrongParameterTypes() {
        assertCaught(spec -> map(param(spec, "startIndex").get("schema")).put("format", "int32"),
                "query parameter 'startIndex' must be type integer, format int64");
        assertCaught(spec -> param(spec, "attributes").put("explode", false),
                "query parameter 'attributes' must be a repeated parameter");
        assertCaught(spec -> map(param(spec, "forTime").get("schema")).remove("format"),
                "query parameter 'forTime' is a date time and must have format date-time");
        assertCaught(spec -> map(param(spec, "sortOrder").get("schema")).put("enum", List.of("asc", "desc")),
                "query parameter 'sortOrder' enum must be exactly [ascending, descending]");
    }

    @Test
    void catchesMissingStatusAndBody() {
        assertCaught(spec -> map(operation(spec, "/flows/{flowInstanceId}/.cancel", "post").get("responses")).remove("207"),
                "Cancel Flow Instance (POST /api/v1/flows/{flowInstanceId}/.cancel): response 207 missing");
        assertCaught(spec -> map(operation(spec, "/flows/tasks/{taskId}/.complete", "post").get("requestBody")).remove("required"),
                "Complete a Task (POST /api/v1/flows/tasks/{taskId}/.complete): requestBody must be required");
    }

    @Test
    void catchesTypedErrorCodeAndTypedAnyFields() {
        assertCaught(spec -> map(map(schema(spec, "ErrorResponse").get("properties")).get("code")).put("type", "integer"),
                "error field 'code' must accept both a number and a string");
        assertCaught(spec -> map(map(schema(spec, "Task").get("properties")).get("variables")).put("type", "string"),
                "variables: must accept any JSON (no type), is type string");
        assertCaught(spec -> map(map(map(schema(spec, "FlowInstance").get("properties")).get("StatusExplanations")).get("items"))
                        .put("type", "string"),
                "StatusExplanations: must be an array whose items accept any JSON");
    }

    @Test
    void catchesWrongFieldTypeAndPlaceholderExample() {
        assertCaught(spec -> map(map(schema(spec, "Task").get("properties")).get("due")).remove("format"),
                "Get a Task (GET /api/v1/flows/tasks/{taskId}): response example.due: is a date-time in the seed but format null");
        assertCaught(spec -> map(map(schema(spec, "Task").get("properties")).get("displayName")).put("example", "..."),
                "example #/components/schemas/Task/properties/displayName/example contains the placeholder");
    }

    @Test
    void catchesMissingOperationAndSecurity() {
        assertCaught(spec -> map(spec.get("paths")).remove("/flows/"),
                "List Flow Instances (GET /api/v1/flows/): path /flows/ missing from the spec");
        assertCaught(spec -> map(map(map(spec.get("components")).get("securitySchemes")).get("bearerAuth")).put("scheme", "basic"),
                "security: no http bearer (JWT) security scheme");
        assertCaught(spec -> map(list(spec.get("servers")).get(0)).remove("variables"),
                "servers: variable 'tenant' is missing");
    }

    private static void assertCaught(Consumer<Map<String, Object>> mutation, String expected) {
        Map<String, Object> spec = SpecDocuments.spec();
        mutation.accept(spec);
        List<String> problems = SpecChecker.check(spec, SpecDocuments.seed());
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a problem containing <" + expected + ">, got:\n  " + String.join("\n  ", problems));
    }

    private static Map<String, Object> schema(Map<String, Object> spec, String name) {
        Map<String, Object> schema = map(map(map(spec.get("components")).get("schemas")).get(name));
        assertFalse(schema.isEmpty(), "schema " + name);
        return schema;
    }

    private static Map<String, Object> param(Map<String, Object> spec, String name) {
        Map<String, Object> param = map(map(map(spec.get("components")).get("parameters")).get(name));
        assertFalse(param.isEmpty(), "parameter " + name);
        return param;
    }

    private static Map<String, Object> operation(Map<String, Object> spec, String path, String method) {
        Map<String, Object> op = map(map(map(spec.get("paths")).get(path)).get(method));
        assertNotNull(op.get("operationId"), method + " " + path);
        return op;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
