package io.flowsdk.client;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a keyset iteration puts on the wire, and which combinations it refuses. */
class KeysetWireTest extends WireMockTestBase {
    private static final Filter USER = Filter.eq("status", "pending").or(Filter.pr("assigneeId"));

    private static String page(long total, String... ids) {
        StringBuilder sb = new StringBuilder("{\"totalResults\":" + total + ",\"startIndex\":1,\"itemsPerPage\":"
                + ids.length + ",\"Resources\":[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\",\"status\":\"pending\"}");
        }
        return sb.append("]}").toString();
    }

    private void answer(String filter, String body) {
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks"))
                .withQueryParam("filter", filter == null ? absent() : equalTo(filter))
                .willReturn(WireMockSupport.json(body)));
    }

    private static List<LoggedRequest> lists() {
        List<LoggedRequest> all = new ArrayList<>(WireMockSupport.requests(wm));
        java.util.Collections.reverse(all);
        return all;
    }

    @Test
    void eachPageAsksForTheIdsAfterTheLastOneSortedByIdFromStartIndexOne() {
        answer(USER.toString(), page(5, "t1", "t2"));
        answer("(status eq \"pending\" or assigneeId pr) and id gt \"t2\"", page(3, "t3", "t4"));
        answer("(status eq \"pending\" or assigneeId pr) and id gt \"t4\"", page(1, "t5"));
        List<String> ids = client.tasks().list().filter(USER).pageSize(2)
                .attributes("displayName").excludedAttributes("variables", "ID")
                .forTime(OffsetDateTime.parse("2026-01-01T00:00:00Z"))
                .keyset().stream().map(Task::getId).toList();
        assertEquals(List.of("t1", "t2", "t3", "t4", "t5"), ids);
        List<LoggedRequest> sent = lists();
        assertEquals(3, sent.size(), "the third page held all the server still counted");
        for (LoggedRequest r : sent) {
            assertEquals("id", r.queryParameter("sortBy").firstValue());
            assertEquals("ascending", r.queryParameter("sortOrder").firstValue());
            assertEquals("1", r.queryParameter("startIndex").firstValue());
            assertEquals("2", r.queryParameter("count").firstValue());
            assertEquals(List.of("displayName", "id"), r.queryParameter("attributes").values(), "id always requested");
            assertEquals(List.of("variables"), r.queryParameter("excludedAttributes").values(), "id never excluded");
            assertEquals("2026-01-01T00:00:00Z", r.queryParameter("forTime").firstValue());
        }
    }

    @Test
    void withoutAFilterTheLaterPagesFilterOnIdAlone() {
        answer(null, page(3, "a", "b"));
        answer("id gt \"b\"", page(1, "c"));
        assertEquals(3, client.tasks().list().pageSize(2).keyset().toList().size());
        assertEquals(2, lists().size());
    }

    @Test
    void aSnapshotPinsOneForTimeOnEveryPage() {
        answer(null, page(3, "a", "b"));
        answer("id gt \"b\"", page(1, "c"));
        client.tasks().list().pageSize(2).keyset().snapshot().toList();
        List<LoggedRequest> sent = lists();
        assertEquals(2, sent.size());
        String forTime = sent.get(0).queryParameter("forTime").firstValue();
        assertEquals(forTime, sent.get(1).queryParameter("forTime").firstValue());
    }

    @Test
    void theFirstPageAndTheCountOfAKeysetQuery() {
        answer(null, page(3, "a", "b"));
        Page<Task> first = client.tasks().list().pageSize(2).keyset().firstPage();
        assertEquals(2, first.items().size());
        assertEquals("id", lists().get(0).queryParameter("sortBy").firstValue());
        assertEquals(3, client.tasks().list().keyset().count());
    }

    @Test
    void limitStopsTheIterationAndItsRequests() {
        answer(null, page(3, "a", "b"));
        assertEquals(1, client.tasks().list().pageSize(2).limit(1).keyset().toList().size());
        assertEquals("1", lists().get(0).queryParameter("count").firstValue());
    }

    @Test
    void aServerThatIgnoresTheKeyIsStoppedNotLoopedOn() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).willReturn(WireMockSupport.json(page(10, "a", "b"))));
        FlowsException e = assertThrows(FlowsException.class, () -> client.tasks().list().pageSize(2).keyset().toList());
        assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
        assertEquals(2, lists().size());
    }

    @Test
    void keysetRefusesSortByStartIndexAndParallelismInEitherOrder() {
        Query<Task> q = client.tasks().list();
        assertTrue(assertThrows(IllegalStateException.class, () -> q.sortBy("due").keyset()).getMessage()
                .contains("sortBy(due)"));
        assertThrows(IllegalStateException.class, () -> q.sortBy("due", SortOrder.DESCENDING).keyset());
        assertTrue(assertThrows(IllegalStateException.class, () -> q.startIndex(5).keyset()).getMessage()
                .contains("startIndex(5)"));
        assertTrue(assertThrows(IllegalStateException.class, () -> q.parallelism(4).keyset()).getMessage()
                .contains("parallelism(4)"));
        Query<Task> k = q.keyset();
        assertTrue(assertThrows(IllegalStateException.class, () -> k.sortBy("due")).getMessage().contains("keyset()"));
        assertThrows(IllegalStateException.class, () -> k.sortBy("due", SortOrder.ASCENDING));
        assertThrows(IllegalStateException.class, () -> k.startIndex(2));
        assertThrows(IllegalStateException.class, () -> k.parallelism(2));
        // the defaults are no contradiction, and everything else combines
        k.startIndex(1).parallelism(1).limit(5).pageSize(7).attributes("id").excludedAttributes("variables")
                .forTime(OffsetDateTime.parse("2026-01-01T00:00:00Z")).snapshot().filter("status eq \"x\"");
        q.startIndex(1).parallelism(1).snapshot().limit(3).keyset();
        assertTrue(WireMockSupport.requests(wm).isEmpty(), "refused before anything is sent");
    }
}
