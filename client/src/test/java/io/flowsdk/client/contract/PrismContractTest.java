package io.flowsdk.client.contract;

import io.flowsdk.client.Change;
import io.flowsdk.client.FlowCancellation;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Page;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.SortOrder;
import io.flowsdk.client.error.BadRequestException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.PartialFailureException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK against a third-party validating mock of the API: Stoplight Prism, serving
 * {@code openapi.yaml} of the flows-api-spec artifact with {@code --errors}, so any request that does not conform to
 * the spec (path, query types, repeated parameters, body schema, bearer auth) is answered with an
 * error instead of a mock. Responses are the spec's examples, or random schema-valid data with
 * {@code Prefer: dynamic=true}, which the SDK must read without failing.
 *
 * <p>Runs when {@code PRISM_BIN} points at a prism executable ({@code .ci/run} installs one from
 * npm); skipped otherwise.
 */
class PrismContractTest {
    private static Process prism;
    private static String baseUrl;
    private static final List<String> LOG = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPrism() throws Exception {
        String bin = System.getenv("PRISM_BIN");
        Assumptions.assumeTrue(bin != null && new File(bin).canExecute(), "PRISM_BIN not set: Prism contract tests skipped");
        // the spec as the build unpacked it from the flows-api-spec artifact (client/pom.xml)
        File spec = new File("target/api-spec/openapi.yaml").getCanonicalFile();
        assertTrue(spec.isFile(), spec + " missing: run the build's generate-sources first");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        prism = new ProcessBuilder(bin, "mock", "-h", "127.0.0.1", "-p", String.valueOf(port), "--errors",
                spec.getPath()).redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(prism.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    LOG.add(line);
                    if (line.contains("Prism is listening")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "prism-log");
        reader.setDaemon(true);
        reader.start();
        assertTrue(ready.await(60, TimeUnit.SECONDS), "Prism did not start: " + LOG);
        baseUrl = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopPrism() throws Exception {
        if (prism != null) {
            prism.destroy();
            prism.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static FlowsClient client(String prefer) {
        OkHttpClient.Builder http = new OkHttpClient.Builder();
        if (prefer != null) {
            http.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Prefer", prefer).build()));
        }
        return FlowsClient.builder().baseUrl(baseUrl).bearerToken("eyJhbGciOiJIUzI1NiJ9.e30.contract-test")
                .httpClient(http.build()).retryPolicy(RetryPolicy.none()).build();
    }

    private static void assertNoViolations() {
        for (String line : LOG) {
            assertFalse(line.contains("violation") || line.contains("Violation") || line.contains("✖  error"),
                    "Prism reported: " + line);
        }
    }

    @Test
    void everyOperationConformsToTheSpec() {
        try (FlowsClient c = client(null)) {
            Page<Task> page = c.tasks().list()
                    .filter(Filter.eq("status", "pending").and(Filter.pr("assigneeId")))
                    .sortBy("due", SortOrder.DESCENDING)
                    .attributes("id", "status").excludedAttributes("variables")
                    .forTime(OffsetDateTime.parse("2026-01-01T00:00:00+02:00"))
                    .pageSize(10).startIndex(1).firstPage();
            assertFalse(page.items().isEmpty());
            assertTrue(c.tasks().list().count() >= 0);
            Page<FlowInstance> flows = c.flows().list().snapshot().firstPage();
            assertNotNull(flows.items().get(0).getId());
            assertNotNull(c.tasks().get("2b7d9c40-8f1e-4a3b-b6c5-0d9e8f7a6b5c").getMeta().getCreated());
            assertNotNull(c.flows().get("6f1c2a9e-51c4-4d8e-9a57-1d2e3f4a5b6c").getStartedAt());
            assertNotNull(c.tasks().create(new Task().displayName("Approve access").assigneeId("u1"),
                    Change.of("requested by HR", "/tickets/42")).getId());
            assertNotNull(c.tasks().complete("t-1", Map.of("approved", true, "n", 12345678901234567L),
                    Change.reason("approved by manager")).getStatus());
            assertNotNull(c.tasks().cancel("t-1", Change.correlation("/tickets/43")).getStatus());
            FlowCancellation fc = c.flows().cancel("f-1", Change.reason("superseded"));
            assertEquals(200, fc.statusCode());
        }
        assertNoViolations();
    }

    @Test
    void aPartialCancelIsReportedAsSuch() {
        try (FlowsClient c = client("code=207")) {
            FlowCancellation fc = c.flows().cancel("f-1");
            assertEquals(207, fc.statusCode());
            assertTrue(fc.isPartial());
            assertFalse(fc.notCanceledJobs().isEmpty());
            assertThrows(PartialFailureException.class, fc::orThrow);
        }
    }

    @Test
    void errorAnswersOfTheSpecAreTyped() {
        try (FlowsClient c = client("code=404")) {
            NotFoundException e = assertThrows(NotFoundException.class, () -> c.tasks().get("t-1"));
            assertEquals("404", e.errorCode());
            assertTrue(c.tasks().find("t-1").isEmpty());
        }
        try (FlowsClient c = client("code=400")) {
            BadRequestException e = assertThrows(BadRequestException.class, () -> c.tasks().list().firstPage());
            assertEquals("400", e.errorCode());
        }
    }

    @RepeatedTest(10)
    void randomSchemaValidAnswersAreRead() {
        try (FlowsClient c = client("dynamic=true")) {
            c.tasks().list().firstPage();
            c.flows().list().firstPage();
            c.tasks().get("t-1");
            c.flows().get("f-1");
            c.flows().cancel("f-1");
            c.tasks().complete("t-1", Map.of());
        }
        assertNoViolations();
    }
}
