package io.flowsdk.client;

import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.flowsdk.client.WireMockSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uses every name of docs/iteration-and-bulk.md ("Iterating what you change, bulk operations and
 * partitioned scans") exactly as written there, with its types, against WireMock (one pending task).
 */
class IterationContractCompileTest extends WireMockTestBase {
    private static final String ONE = "{\"totalResults\":1,\"startIndex\":1,\"itemsPerPage\":1,"
            + "\"Resources\":[{\"id\":\"t-1\",\"status\":\"pending\"}]}";

    @Test
    void theSectionAsWritten() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).willReturn(json(ONE)));
        wm.stubFor(post(urlPathMatching("/api/v1/flows/tasks/t-1/\\.(complete|cancel)"))
                .willReturn(json("{\"id\":\"t-1\",\"status\":\"completed\",\"variables\":{\"approved\":true}}")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/")).willReturn(json("{\"totalResults\":0,\"Resources\":[]}")));

        for (Task t : client.tasks().list().filter(Filter.eq("status", "pending")).keyset()) {
            client.tasks().complete(t.getId());           // safe: keyset iteration never skips an item
        }
        BulkResult<Task> r = client.tasks().completeAll(
                client.tasks().list().filter(Filter.eq("status", "pending")),   // or an Iterable<String> of ids
                Map.of("approved", true), Change.reason("bulk approval"),
                Bulk.options().concurrency(8));          // io.flowsdk.client.Bulk, BulkResult, BulkOptions
        r.succeeded(); r.failed(); r.orThrow();
        List<Query<Task>> parts = client.tasks().list().snapshot().partitions(4);  // disjoint, one forTime
        String d = parts.get(0).toDescriptor();           // ship to another process ...
        Query<Task> again = client.tasks().list(d);       // ... and run it there with that client

        List<Task> succeeded = r.succeeded();
        Map<String, FlowsException> failed = r.failed();
        List<FlowCancellation> partial = r.partial();
        BulkResult<Task> same = r.orThrow();
        assertEquals(1, succeeded.size());
        assertTrue(failed.isEmpty() && partial.isEmpty() && same == r);
        assertEquals(d, again.toDescriptor());

        BulkOptions options = Bulk.options().concurrency(2).onProgress((Consumer<BulkProgress>) p -> {
            long done = p.done();
            long failedSoFar = p.failed();
            assertTrue(done >= failedSoFar && p.total().isPresent());
        });
        BulkResult<Task> byIds = client.tasks().completeAll(List.of("t-1"), Map.of("approved", true), Change.none(),
                options);
        BulkResult<Task> cancelled = client.tasks().cancelAll(List.of("t-1"), Change.none(), options);
        BulkResult<Task> cancelledByQuery = client.tasks().cancelAll(client.tasks().list(), Change.none(), options);
        BulkResult<FlowCancellation> flows = client.flows().cancelAll(List.<String>of(), Change.none(), options);
        BulkResult<FlowCancellation> flowsByQuery = client.flows().cancelAll(client.flows().list(), Change.none(),
                options);
        Query<FlowInstance> flowQuery = client.flows().list(client.flows().list().toDescriptor());
        Optional<FlowsException> stopped = byIds.stoppedEarly();
        assertTrue(stopped.isEmpty() && cancelled.failed().isEmpty() && cancelledByQuery.failed().isEmpty()
                && flows.succeeded().isEmpty() && flowsByQuery.succeeded().isEmpty() && flowQuery != null);
    }
}
