package io.flowsdk.client;

import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.event.CallEnded;
import io.flowsdk.client.event.CallStarted;
import io.flowsdk.client.event.IterationEnded;
import io.flowsdk.client.event.IterationStarted;
import io.flowsdk.client.event.Outcome;
import io.flowsdk.client.event.PageFetched;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.testing.RecordingListener;
import io.flowsdk.client.testing.VirtualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.flowsdk.client.WireMockSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Iteration and page events: sequential, parallel, closed early, failed; single list calls are not iterations. */
class ListenerPagingTest {
    private final RecordingListener events = new RecordingListener();
    private PagedTasksServer server;
    private FlowsClient client;

    private FlowsClient client(int size) {
        server = new PagedTasksServer(size);
        client = FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken("test-token")
                .retryPolicy(RetryPolicy.none()).clock(VirtualTime.auto()).listener(events).build();
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Checks what every iteration promises and returns its one IterationEnded. */
    private IterationEnded checkIteration() {
        List<String> names = events.names();
        assertEquals("iterationStarted", names.get(0));
        assertEquals("iterationEnded", names.get(names.size() - 1));
        assertEquals(1, events.of(IterationStarted.class).size());
        assertEquals(1, events.of(IterationEnded.class).size());
        long id = events.of(IterationStarted.class).get(0).iterationId();
        assertTrue(id > 0);
        List<CallStarted> calls = events.of(CallStarted.class);
        assertEquals(calls.size(), events.of(CallEnded.class).size(), "every page call ended: " + events);
        for (CallStarted c : calls) {
            assertEquals(id, c.call().iterationId(), "a page call names its iteration");
            assertTrue(c.call().isPage());
            assertEquals("tasks.list", c.call().operation());
            assertEquals("/flows/tasks", c.call().pathTemplate());
        }
        List<PageFetched> pages = events.of(PageFetched.class);
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(i + 1, pages.get(i).pageNumber(), "pages in order");
            assertEquals(id, pages.get(i).iterationId());
        }
        IterationEnded end = events.of(IterationEnded.class).get(0);
        assertEquals(id, end.iterationId());
        assertEquals(pages.size(), end.pages());
        assertEquals(pages.stream().mapToLong(PageFetched::items).sum(), end.items());
        return end;
    }

    @Test
    void aSequentialIterationReportsEachPageAfterItsCall() {
        List<Task> all = client(25).tasks().list().pageSize(10).toList();
        assertEquals(25, all.size());

        IterationStarted start = events.of(IterationStarted.class).get(0);
        assertEquals("tasks.list", start.operation());
        assertEquals("/flows/tasks", start.pathTemplate());
        assertEquals(10, start.pageSize());
        assertEquals(1, start.parallelism());
        List<String> page = List.of("callStarted", "attemptStarted", "attemptEnded", "callEnded", "pageFetched");
        List<String> expected = new ArrayList<>(List.of("iterationStarted"));
        for (int i = 0; i < 3; i++) {
            expected.addAll(page);
        }
        expected.add("iterationEnded");
        assertEquals(expected, events.names());

        List<PageFetched> pages = events.of(PageFetched.class);
        assertEquals(List.of(1L, 11L, 21L), pages.stream().map(PageFetched::startIndex).collect(Collectors.toList()));
        assertEquals(List.of(10, 10, 5), pages.stream().map(PageFetched::items).collect(Collectors.toList()));
        assertTrue(pages.stream().allMatch(p -> p.totalResults().equals(OptionalLong.of(25)) && p.inFlight() == 0));
        IterationEnded end = checkIteration();
        assertEquals(25, end.items());
        assertEquals(3, end.pages());
        assertEquals(Outcome.SUCCESS, end.outcome());
        assertNull(end.exceptionClass());
        String me = Thread.currentThread().getName();
        assertTrue(events.all().stream().allMatch(s -> s.thread().equals(me)), "all on the consuming thread");
    }

    @Test
    void aParallelIterationReportsPagesInOrderWithRequestsInFlight() {
        List<Task> all = client(100).tasks().list().pageSize(10).parallelism(4).toList();
        assertEquals(100, all.size());

        assertEquals(4, events.of(IterationStarted.class).get(0).parallelism());
        List<PageFetched> pages = events.of(PageFetched.class);
        assertEquals(10, pages.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(1 + 10L * i, pages.get(i).startIndex());
            assertEquals(10, pages.get(i).items());
            assertTrue(pages.get(i).inFlight() <= 4, pages.get(i).toString());
        }
        assertEquals(4, pages.get(0).inFlight(), "after the first page, four requests ahead");
        assertEquals(0, pages.get(9).inFlight());
        assertEquals(10, events.of(CallStarted.class).size(), "one call per page, none wasted");
        IterationEnded end = checkIteration();
        assertEquals(100, end.items());
        assertEquals(Outcome.SUCCESS, end.outcome());
        // each page is reported after its call ended
        List<String> names = events.names();
        List<RecordingListener.Seen> seen = events.all();
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).event() instanceof PageFetched p) {
                long ended = seen.subList(0, i).stream().filter(s -> s.event() instanceof CallEnded).count();
                assertTrue(ended >= p.pageNumber(), "page " + p.pageNumber() + " before its call ended: " + names);
            }
        }
    }

    @Test
    void closingAnIterationEarlyCancelsItsRequestsBeforeItEnds() {
        FlowsClient c = client(1000);
        server.laterPagesDelayMillis = 5_000; // pages after the first are in flight when the stream closes
        List<String> taken;
        try (Stream<Task> s = c.tasks().list().pageSize(10).parallelism(4).stream()) {
            taken = s.limit(3).map(Task::getId).collect(Collectors.toList());
        }
        assertEquals(List.of("t-1", "t-2", "t-3"), taken);

        IterationEnded end = checkIteration();
        assertEquals(Outcome.CANCELLED, end.outcome());
        assertEquals(1, end.pages());
        assertEquals(10, end.items(), "the items the first page brought");
        List<CallEnded> ends = events.of(CallEnded.class);
        assertEquals(5, ends.size(), "the first page and four in flight");
        assertEquals(4, ends.stream().filter(e -> e.outcome() == Outcome.CANCELLED).count(), ends.toString());
        assertEquals(Thread.currentThread().getName(), events.all().get(events.all().size() - 1).thread(),
                "iterationEnded on the closing thread");
    }

    @Test
    void aFailedPageEndsTheIterationWithItsOutcome() {
        try (WireMockServer wm = new WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort())) {
            wm.start();
            wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).withQueryParam("startIndex", equalTo("1"))
                    .willReturn(json("{\"totalResults\":30,\"startIndex\":1,\"itemsPerPage\":10,\"Resources\":["
                            + java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "{\"id\":\"t-" + i + "\"}")
                            .collect(Collectors.joining(",")) + "]}")));
            wm.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).withQueryParam("startIndex", equalTo("11"))
                    .willReturn(aResponse().withStatus(500)));
            client = WireMockSupport.builder(wm).listener(events).build();
            Iterator<Task> it = client.tasks().list().pageSize(10).iterator();
            assertEquals(List.of(), events.names(), "an iterator alone sends and reports nothing");
            for (int i = 0; i < 10; i++) {
                it.next();
            }
            assertThrows(ServerException.class, it::hasNext);
        }
        IterationEnded end = checkIteration();
        assertEquals(Outcome.SERVER_ERROR, end.outcome());
        assertEquals(ServerException.class, end.exceptionClass());
        assertEquals(1, end.pages());
        assertEquals(10, end.items());
    }

    @Test
    void closingTheClientMidIterationEndsItAsCancelled() {
        FlowsClient c = client(30);
        Iterator<Task> it = c.tasks().list().pageSize(10).iterator();
        for (int i = 0; i < 10; i++) {
            it.next();
        }
        c.close();
        assertThrows(IllegalStateException.class, it::hasNext, "a closed client sends nothing");
        IterationEnded end = checkIteration();
        assertEquals(Outcome.CANCELLED, end.outcome());
        assertEquals(IllegalStateException.class, end.exceptionClass());
        assertEquals(1, end.pages());
    }

    @Test
    void firstPageAndCountAreSingleCallsNotIterations() {
        FlowsClient c = client(30);
        c.tasks().list().firstPage();
        c.tasks().list().count();
        assertEquals(List.of(), events.of(IterationStarted.class));
        assertEquals(2, events.of(CallStarted.class).size());
        assertTrue(events.of(CallStarted.class).stream().noneMatch(s -> s.call().isPage()));
    }

    /** WireMock's server as an AutoCloseable for try-with-resources. */
    private static final class WireMockServer extends com.github.tomakehurst.wiremock.WireMockServer
            implements AutoCloseable {
        WireMockServer(com.github.tomakehurst.wiremock.core.Options options) {
            super(options);
        }

        @Override
        public void close() {
            stop();
        }
    }
}
