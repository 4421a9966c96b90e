package io.flowsdk.client.reliability;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every iteration ends, whatever the server sends, and never yields an item twice: servers that
 * ignore {@code startIndex} (the same page every time, with and without {@code totalResults},
 * echoing the requested start or their own), alternate between two pages, cycle through more
 * items than the engine keeps the ids of, send items without ids, or report a total that grows
 * with every answer. Each case counts the requests (few) and checks the items delivered
 * (distinct); sequential and parallel iterations alike.
 */
class PagingTerminationTest {
    private static StreamServer server;
    private static volatile Function<StreamServer.Request, StreamServer.Reply> answer;
    /**
     * Each test sends to a base path of its own and counts only what arrives there: a fetch-ahead
     * request of the previous (parallel) test may still land after that test has ended.
     */
    private static final AtomicInteger RUNS = new AtomicInteger();
    private String prefix;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        server = new StreamServer(r -> answer.apply(r));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @BeforeEach
    void mark() {
        prefix = "/run-" + RUNS.incrementAndGet();
    }

    /** A hostile or broken server: its answer to the n-th request (0-based) for {@code start} and {@code count}. */
    enum Server {
        SAME_PAGE(false, 4, (n, start, count) -> page(null, null, "a1", "a2")),
        SAME_PAGE_WITH_TOTAL(false, 4, (n, start, count) -> page(1000L, null, "a1", "a2")),
        SAME_PAGE_ECHOING_THE_START_ASKED(false, 4, (n, start, count) -> page(1000L, start, "a1", "a2")),
        SAME_PAGE_ECHOING_ITS_OWN_START(false, 4, (n, start, count) -> page(1000L, 1L, "a1", "a2")),
        ALTERNATING(false, 5, (n, start, count) -> n % 2 == 0 ? page(null, null, "a1", "a2")
                : page(null, null, "b1", "b2")),
        ALTERNATING_WITH_TOTAL(false, 6, (n, start, count) -> n % 2 == 0 ? page(1000L, null, "a1", "a2")
                : page(1000L, null, "b1", "b2")),
        NO_IDS(false, 4, (n, start, count) -> "{\"Resources\":[{\"displayName\":\"x\"},{\"displayName\":\"y\"}]}"),
        GROWING_TOTAL_SAME_PAGE(false, 4, (n, start, count) -> page(100L * (n + 1), null, "a1", "a2")),
        /** Honest items, but every answer reports a larger total: the first total is the plan. */
        GROWING_TOTAL(true, 3, (n, start, count) -> honest(start, count, start + count + 100)),
        /** Honest items for ids 1..25000, then the same again: the start of the cycle is recognised. */
        CYCLE_LONGER_THAN_RECENT_IDS(false, 30, (n, start, count) -> cycle(start, count, 25_000, null)),
        CYCLE_LONGER_THAN_RECENT_IDS_WITH_TOTAL(false, 30, (n, start, count) -> cycle(start, count, 25_000, 1_000_000L)),
        /** A cycle whose second lap starts mid-page. */
        CYCLE_OFF_THE_PAGE_GRID(false, 20, (n, start, count) -> cycle(start, count, 10_500, 1_000_000L));

        final boolean ends;
        final int maxRequests;
        final Answer answer;

        Server(boolean ends, int maxRequests, Answer answer) {
            this.ends = ends;
            this.maxRequests = maxRequests;
            this.answer = answer;
        }

        int pageSize() {
            return name().startsWith("CYCLE") || this == GROWING_TOTAL ? 1000 : 2;
        }
    }

    @FunctionalInterface
    interface Answer {
        String body(int n, long start, long count);
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(Server.values()).flatMap(s -> Stream.of(1, 3).map(p -> Arguments.of(s, p)));
    }

    @ParameterizedTest(name = "{0}, parallelism {1}")
    @MethodSource("matrix")
    void everyIterationEndsQuicklyWithoutRepeats(Server kind, int parallelism) {
        String mine = "/api/v1" + prefix + "/";
        answer = r -> r.target().startsWith(mine)
                ? StreamServer.json(200, kind.answer.body(requests.getAndIncrement(), r.longQuery("startIndex"),
                        r.longQuery("count")))
                : StreamServer.json(404, "{}");
        List<String> delivered = new ArrayList<>();
        Throwable[] outcome = new Throwable[1];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (FlowsClient c = FlowsClient.builder().baseUrl(server.baseUrl() + prefix).bearerToken(Support.TOKEN)
                    .retryPolicy(RetryPolicy.none()).timeout(Duration.ofSeconds(10)).build()) {
                Iterator<Task> it = c.tasks().list().pageSize(kind.pageSize()).parallelism(parallelism).iterator();
                while (it.hasNext()) {
                    Task t = it.next();
                    delivered.add(t.getId() != null ? t.getId() : t.getDisplayName());
                }
            } catch (FlowsException e) {
                outcome[0] = e;
            }
        }, "an endless iteration");
        int requests = this.requests.get();
        System.out.println("[paging] " + kind + " parallelism " + parallelism + ": " + requests + " requests, "
                + delivered.size() + " items, " + (outcome[0] == null ? "ended" : outcome[0].getMessage()));
        if (kind.ends) {
            assertNull(outcome[0]);
        } else {
            assertInstanceOf(FlowsException.class, outcome[0]);
            Support.assertNoToken(outcome[0]);
        }
        assertTrue(requests <= kind.maxRequests, requests + " requests");
        Set<String> distinct = new HashSet<>(delivered);
        assertEquals(delivered.size(), distinct.size(), "an item was delivered twice");
        if (kind == Server.GROWING_TOTAL) {
            assertEquals(LongStream.rangeClosed(1, 1101).mapToObj(i -> "t-" + i).collect(Collectors.toList()),
                    delivered, "the first total (1101) is the plan");
        }
        if (kind.name().startsWith("CYCLE")) {
            assertTrue(delivered.size() >= 10_000, "the first lap is delivered: " + delivered.size());
        }
    }

    private static String page(Long total, Long start, String... ids) {
        return "{" + (total == null ? "" : "\"totalResults\":" + total + ",")
                + (start == null ? "" : "\"startIndex\":" + start + ",")
                + "\"Resources\":[" + Arrays.stream(ids).map(Support::task).collect(Collectors.joining(",")) + "]}";
    }

    private static String honest(long start, long count, long total) {
        String items = LongStream.range(start, Math.min(start + count, total + 1)).mapToObj(i -> Support.task("t-" + i))
                .collect(Collectors.joining(","));
        return "{\"totalResults\":" + total + ",\"startIndex\":" + start + ",\"Resources\":[" + items + "]}";
    }

    /** Item i (1-based) has the id of item ((i - 1) mod period) + 1: the list repeats itself. */
    private static String cycle(long start, long count, long period, Long total) {
        String items = LongStream.range(start, start + count)
                .mapToObj(i -> Support.task("c-" + ((i - 1) % period + 1))).collect(Collectors.joining(","));
        return "{" + (total == null ? "" : "\"totalResults\":" + total + ",") + "\"startIndex\":" + start
                + ",\"Resources\":[" + items + "]}";
    }
}
