package io.flowsdk.client;

import okhttp3.OkHttpClient;
import okhttp3.EventListener;
import okhttp3.Call;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.filter.FilterParseException;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a query puts on the wire, and how many requests it costs. */
class QueryWireTest {
    private PagedTasksServer server;
    private FlowsClient client;

    @BeforeEach
    void start() {
        server = new PagedTasksServer(250);
        client = server.client();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static String rawQuery(LoggedRequest r) {
        String url = r.getUrl();
        return url.substring(url.indexOf('?') + 1);
    }

    @Test
    void everyParameterIsSentAsTheSpecDeclaresIt() {
        client.tasks().list()
                .filter(Filter.eq("status", "pending").and(Filter.pr("assigneeId")))
                .sortBy("due", SortOrder.ASCENDING)
                .attributes("id", "displayName", "status")
                .excludedAttributes("variables")
                .forTime(OffsetDateTime.parse("2026-01-01T00:00:00+02:00"))
                .pageSize(10).startIndex(3)
                .firstPage();
        List<LoggedRequest> reqs = server.requests();
        assertEquals(1, reqs.size());
        LoggedRequest r = reqs.get(0);
        assertEquals("/api/v1/flows/tasks", r.getUrl().substring(0, r.getUrl().indexOf('?')));
        assertEquals("status eq \"pending\" and assigneeId pr", r.queryParameter("filter").firstValue());
        assertEquals("10", r.queryParameter("count").firstValue());
        assertEquals("3", r.queryParameter("startIndex").firstValue());
        assertEquals("due", r.queryParameter("sortBy").firstValue());
        assertEquals("ascending", r.queryParameter("sortOrder").firstValue());
        assertEquals(List.of("id", "displayName", "status"), r.queryParameter("attributes").values());
        assertEquals(List.of("variables"), r.queryParameter("excludedAttributes").values());
        String raw = rawQuery(r);
        assertTrue(raw.contains("attributes=id&attributes=displayName&attributes=status"), raw);
        assertTrue(raw.contains("forTime=2026-01-01T00%3A00%3A00%2B02%3A00"), raw);
        assertEquals("2026-01-01T00:00:00+02:00", r.queryParameter("forTime").firstValue());
    }

    @Test
    void forTimeAlwaysWritesSecondsAndUtcAsZ() {
        client.tasks().list().forTime(OffsetDateTime.parse("2026-01-01T00:00Z")).firstPage();
        assertEquals("2026-01-01T00:00:00Z", server.requests().get(0).queryParameter("forTime").firstValue());
    }

    @Test
    void descendingAndNoSortOrderWithoutSortBy() {
        client.tasks().list().sortBy("meta.lastModified", SortOrder.DESCENDING).firstPage();
        client.tasks().list().firstPage();
        assertEquals("descending", server.requests().get(0).queryParameter("sortOrder").firstValue());
        assertFalse(server.requests().get(1).queryParameter("sortOrder").isPresent());
        assertFalse(server.requests().get(1).queryParameter("filter").isPresent());
        assertEquals("100", server.requests().get(1).queryParameter("count").firstValue(), "default page size");
        assertEquals("1", server.requests().get(1).queryParameter("startIndex").firstValue(), "default start");
    }

    @Test
    void stringFilterIsValidatedAndSentAsWritten() {
        client.tasks().list().filter("status EQ \"pending\"").firstPage();
        assertEquals("status EQ \"pending\"", server.requests().get(0).queryParameter("filter").firstValue());
        assertThrows(FilterParseException.class, () -> client.tasks().list().filter("status eq"));
        assertEquals(1, server.requests().size());
    }

    @Test
    void iteratorAloneSendsNothingAndStreamLimitCostsOneRequest() {
        Iterator<Task> it = client.tasks().list().iterator();
        assertEquals(0, server.requests().size());
        assertTrue(it.hasNext());
        assertEquals(1, server.requests().size());
        server.server.resetRequests();
        try (Stream<Task> s = client.tasks().list().stream()) {
            assertEquals(5, s.limit(5).count());
        }
        assertEquals(1, server.requests().size());
    }

    @Test
    void countIsOneRequestWithCountZero() {
        assertEquals(250, client.tasks().list().filter(Filter.eq("status", "pending")).count());
        assertEquals(1, server.requests().size());
        assertEquals("0", server.requests().get(0).queryParameter("count").firstValue());
    }

    @Test
    void firstPageIsExactlyOneRequest() {
        Page<Task> p = client.tasks().list().pageSize(7).firstPage();
        assertEquals(7, p.items().size());
        assertEquals(250, p.totalResults());
        assertEquals(1, p.startIndex());
        assertEquals(7, p.itemsPerPage());
        assertTrue(p.hasNext());
        assertEquals(1, server.requests().size());
    }

    @Test
    void pagesAndToListAndLimit() {
        List<Page<Task>> pages = new java.util.ArrayList<>();
        client.tasks().list().pageSize(100).pages().forEach(pages::add);
        assertEquals(List.of(100, 100, 50), pages.stream().map(p -> p.items().size()).collect(Collectors.toList()));
        assertFalse(pages.get(2).hasNext());
        server.server.resetRequests();
        List<Task> limited = client.tasks().list().pageSize(100).limit(150).toList();
        assertEquals(150, limited.size());
        assertEquals("t-150", limited.get(149).getId());
        assertEquals(List.of("100", "50"), server.requests().stream()
                .map(r -> r.queryParameter("count").firstValue()).collect(Collectors.toList()));
    }

    @Test
    void snapshotPinsOneForTimeForTheWholeIteration() {
        // the last completed second before now: changes made later in the current second stay invisible
        Instant now = Instant.parse("2026-11-29T10:15:30.789Z");
        try (FlowsClient pinned = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken("test-token")
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
            assertEquals(250, pinned.tasks().list().pageSize(50).snapshot().toList().size());
        }
        List<LoggedRequest> reqs = server.requests();
        assertEquals(5, reqs.size());
        Set<String> forTimes = reqs.stream().map(r -> r.queryParameter("forTime").firstValue()).collect(Collectors.toSet());
        assertEquals(Set.of("2026-11-29T10:15:29Z"), forTimes,
                "UTC, whole seconds, one second back, on every page including the first");
    }

    @Test
    void aClosedClientRefusesEveryCallBeforeSending() {
        Query<Task> q = client.tasks().list();
        client.close();
        assertThrows(IllegalStateException.class, q::firstPage);
        assertThrows(IllegalStateException.class, () -> q.iterator().hasNext());
        assertThrows(IllegalStateException.class, () -> client.tasks().get("t-1"));
        assertThrows(IllegalStateException.class, () -> client.flows().cancel("f-1"));
        assertEquals(0, server.requests().size());
        client.close();   // idempotent
    }

    @Test
    void queriesAreImmutable() {
        Query<Task> base = client.tasks().list();
        Query<Task> filtered = base.filter(Filter.eq("status", "pending")).pageSize(5);
        base.firstPage();
        assertFalse(server.requests().get(0).queryParameter("filter").isPresent());
        assertEquals("100", server.requests().get(0).queryParameter("count").firstValue());
        filtered.firstPage();
        assertEquals("5", server.requests().get(1).queryParameter("count").firstValue());
    }

    @Test
    void outOfRangeArgumentsNameTheParameter() {
        Query<Task> q = client.tasks().list();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> q.pageSize(0)).getMessage().contains("pageSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> q.startIndex(0)).getMessage().contains("startIndex"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> q.limit(-1)).getMessage().contains("limit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> q.parallelism(0)).getMessage().contains("parallelism"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> q.sortBy("due\r\nX-Evil: 1", SortOrder.ASCENDING))
                .getMessage().contains("sortBy"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> q.attributes("id", "a&b=c"))
                .getMessage().contains("attributes"));
        assertThrows(NullPointerException.class, () -> q.filter((Filter) null));
        assertThrows(NullPointerException.class, () -> q.forTime(null));
        assertEquals(0, server.requests().size());
    }

    @Test
    void closingAParallelStreamCancelsThePagesInFlight() throws Exception {
        server.laterPagesDelayMillis = 30_000;   // pages fetched ahead never answer in time
        CancelCounter cancels = new CancelCounter();
        OkHttpClient http = new OkHttpClient.Builder().eventListener(cancels).build();
        http.dispatcher().setMaxRequestsPerHost(64); // a shared client's own limit applies (OkHttp's default is 5)
        try (FlowsClient c = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken("test-token")
                .retryPolicy(RetryPolicy.none()).httpClient(http).build()) {
            Task first;
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            try (Stream<Task> s = c.tasks().list().pageSize(10).parallelism(8).stream()) {
                first = s.findFirst().orElseThrow();     // page 1 alone, then 8 pages go out
                awaitRequests(1 + 8);
                Set<String> created = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> !before.contains(t) && t.isAlive()).map(Thread::getName)
                        .filter(n -> n.startsWith("flows-") && !n.equals("flows-iteration-cleaner")
                                && !n.equals("flows-interrupt-watchdog") && !n.startsWith("flows-timer"))
                        .collect(Collectors.toSet());
                // the SDK's threads (the server's are not counted): none per iteration, only the JVM-wide
                // cleaner, watchdog and timer, started once; the pages wait on the caller's HTTP dispatcher
                assertEquals(Set.of(), created, "the iteration created SDK threads");
            }
            assertEquals("t-1", first.getId());
            assertEquals(8, cancels.cancelled.get(), "closing the stream cancelled the 8 pages in flight at once");
        } finally {
            http.dispatcher().executorService().shutdownNow();
        }
    }

    /** Counts calls OkHttp reports as cancelled. */
    private static final class CancelCounter extends EventListener {
        final java.util.concurrent.atomic.AtomicInteger cancelled = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void canceled(Call call) {
            cancelled.incrementAndGet();
        }
    }

    private void awaitRequests(int n) throws InterruptedException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (server.server.getAllServeEvents().size() < n) {
            assertTrue(System.nanoTime() < until, "fewer than " + n + " requests arrived");
            Thread.sleep(5);
        }
    }

    @Test
    void parallelKeepsParallelismPagesInFlightAndDeliversInOrder() {
        // pages 2..9 are answered only once all eight wait at the same time: a client that fetched
        // fewer at once would never finish (and fail on the server's 503 after 30 s)
        List<Task> sequential = client.tasks().list().pageSize(25).toList();
        server.gate = new java.util.concurrent.CountDownLatch(8);
        List<Task> parallel = client.tasks().list().pageSize(25).parallelism(8).toList();
        assertEquals(sequential.stream().map(Task::getId).collect(Collectors.toList()),
                parallel.stream().map(Task::getId).collect(Collectors.toList()));
        assertEquals(250, parallel.size());
        assertEquals(0, server.gate.getCount());
    }
}
