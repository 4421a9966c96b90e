package io.flowsdk.client;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What partitions(n) asks the server, and the ranges it makes. */
class PartitionsWireTest extends WireMockTestBase {
    private void total(long n) {
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).willReturn(WireMockSupport.json(
                "{\"totalResults\":" + n + ",\"startIndex\":1,\"itemsPerPage\":0,\"Resources\":[]}")));
    }

    private static String ranges(List<Query<Task>> parts) {
        StringBuilder sb = new StringBuilder();
        for (Query<Task> p : parts) {
            String d = p.toDescriptor();
            sb.append(sb.length() == 0 ? "" : " ").append(param(d, "startIndex", "1")).append('+')
                    .append(param(d, "limit", "-"));
        }
        return sb.toString();
    }

    private static String param(String descriptor, String key, String absent) {
        for (String kv : descriptor.substring(descriptor.indexOf('?') + 1).split("&")) {
            if (kv.startsWith(key + "=")) {
                return kv.substring(key.length() + 1);
            }
        }
        return absent;
    }

    @Test
    void oneCountRequestAsOfTheSnapshotThenContiguousRangesOfEqualSize() {
        total(10);
        List<Query<Task>> parts = client.tasks().list().filter("status eq \"pending\"").pageSize(3).snapshot()
                .partitions(3);
        assertEquals("1+4 5+3 8+3", ranges(parts));
        List<LoggedRequest> sent = WireMockSupport.requests(wm);
        assertEquals(1, sent.size());
        LoggedRequest count = sent.get(0);
        assertEquals("0", count.queryParameter("count").firstValue());
        String forTime = count.queryParameter("forTime").firstValue();
        // the client's clock is virtual, at 2026-01-01T00:00:00Z: the last completed second is a second before
        assertEquals("2025-12-31T23:59:59Z", forTime);
        for (Query<Task> p : parts) {
            String d = p.toDescriptor();
            assertTrue(d.contains("forTime=2025-12-31T23:59:59Z"), d);
            assertTrue(d.contains("sortBy=id&sortOrder=ascending"), "a repeatable order: " + d);
            assertTrue(d.contains("filter=status%20eq%20%22pending%22") && d.contains("pageSize=3"), d);
        }
    }

    @Test
    void theQuerysOwnRangeTimeAndSortAreKept() {
        total(100);
        OffsetDateTime t = OffsetDateTime.parse("2026-02-01T12:00:00+01:00");
        List<Query<Task>> parts = client.tasks().list().forTime(t).sortBy("due", SortOrder.DESCENDING)
                .startIndex(11).limit(50).partitions(4);
        assertEquals("11+13 24+13 37+12 49+12", ranges(parts));
        assertTrue(parts.get(0).toDescriptor().contains("sortBy=due&sortOrder=descending"));
        assertTrue(parts.get(0).toDescriptor().contains("forTime=2026-02-01T12:00:00+01:00"));
        total(15);
        assertEquals("11+2 13+2 15+1", ranges(client.tasks().list().startIndex(11).partitions(3)), "only 5 from 11");
    }

    @Test
    void morePartitionsThanItemsGivesEmptyPartitionsThatSendNothing() {
        total(2);
        List<Query<Task>> parts = client.tasks().list().partitions(4);
        assertEquals("1+1 2+1 3+0 3+0", ranges(parts), "empty ranges where the items end");
        wm.resetRequests();
        assertEquals(List.of(), parts.get(3).toList());
        assertEquals(0, WireMockSupport.requests(wm).size());
    }

    @Test
    void anAnswerWithoutTotalIsAnError() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).willReturn(WireMockSupport.json("{\"Resources\":[]}")));
        assertThrows(FlowsException.class, () -> client.tasks().list().partitions(2));
    }
}
