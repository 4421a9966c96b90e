package io.flowsdk.client.reliability;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Page;
import io.flowsdk.client.Query;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.model.Task;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The numbers of a list answer must make sense, or the answer is malformed: a negative total, a
 * total beyond {@code Long.MAX_VALUE} (which Gson's own reader turns into {@code Long.MAX_VALUE}
 * without a word), a fractional total, a total that is not a number. Never {@code count() == -5},
 * never a wrong count, never items silently dropped. Numbers sent as strings ({@code "42"}) are
 * still read when they are exact. And a query that starts at the very end of the index space
 * ({@code startIndex(Long.MAX_VALUE - 10)}) never overflows and never blames the server.
 */
class OddTotalsTest {
    private static StreamServer server;
    private static volatile Function<StreamServer.Request, StreamServer.Reply> answer;
    private static int before;

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
        before = server.count();
        asked.clear();
    }

    private static int requests() {
        return server.count() - before;
    }

    /** Every URL the SDK created a call for, in this test. */
    private static final Queue<HttpUrl> asked = new ConcurrentLinkedQueue<>();

    private static FlowsClient client() {
        return FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(Support.TOKEN)
                .httpClient(Support.recordingCalls(asked))
                .retryPolicy(RetryPolicy.defaults()).timeout(Duration.ofSeconds(10)).build();
    }

    enum Op {
        COUNT, COUNT_ASYNC, FIRST_PAGE, FIRST_PAGE_ASYNC, ITERATE, ITERATE_PARALLEL, PAGES
    }

    /** totalResults as sent, raw JSON. */
    static final List<String> ODD_TOTALS = List.of(
            "-5", "-1", "-9223372036854775808",
            "9223372036854775808", "9223372036854775809", "9223372036854777856", "18446744073709551616",
            "-9223372036854775809", "1e19", "1e400", "1" + "0".repeat(5000),
            "1.5", "2.000001", "0.5", "1e-3",
            "\"9223372036854775808\"", "\"1.5\"", "\"-5\"", "\"abc\"", "\"\"", "true", "{}", "[]");

    static Stream<Arguments> oddTotals() {
        return ODD_TOTALS.stream().flatMap(t -> Arrays.stream(Op.values()).map(op -> Arguments.of(t, op)));
    }

    @ParameterizedTest(name = "totalResults {0} on {1}")
    @MethodSource("oddTotals")
    void anOddTotalIsAMalformedAnswer(String total, Op op) {
        answer = r -> StreamServer.json(200, "{\"totalResults\":" + total + ",\"Resources\":["
                + Support.task("t-1") + "," + Support.task("t-2") + "]}");
        Object outcome;
        try (FlowsClient c = client()) {
            outcome = run(c.tasks().list().pageSize(2), op);
        }
        assertInstanceOf(MalformedResponseException.class, outcome, () -> "totalResults " + shorten(total) + " gave "
                + outcome);
        MalformedResponseException m = (MalformedResponseException) outcome;
        assertEquals(200, m.statusCode());
        assertTrue(m.getMessage().contains("totalResults"), "names the field: " + m.getMessage());
        Support.assertNoToken(m);
        assertEquals(1, requests(), "one request: a malformed answer is not retried, and no page follows it");
    }

    /** The other numbers of the envelope, on a page and an iteration. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "startIndex|9223372036854775808", "startIndex|1.5", "startIndex|\"x\"", "startIndex|18446744073709551617",
        "itemsPerPage|2147483648", "itemsPerPage|2.5", "itemsPerPage|\"9999999999\"",
        "itemsPerPage|-2147483649"})
    void oddEnvelopeNumbersAreMalformed(String field, String value) {
        answer = r -> StreamServer.json(200, "{\"totalResults\":2,\"" + field + "\":" + value + ",\"Resources\":["
                + Support.task("t-1") + "," + Support.task("t-2") + "]}");
        try (FlowsClient c = client()) {
            for (Op op : List.of(Op.FIRST_PAGE, Op.ITERATE, Op.COUNT_ASYNC)) {
                Object outcome = run(c.tasks().list().pageSize(2), op);
                assertInstanceOf(MalformedResponseException.class, outcome, () -> field + " " + value + " on " + op);
                assertTrue(((Throwable) outcome).getMessage().contains(field), ((Throwable) outcome).getMessage());
            }
        }
        assertEquals(3, requests());
    }

    /**
     * A negative itemsPerPage is read as not sent: nothing depends on it (paging follows the items
     * returned), so the answer is still usable. A negative total is not (see above).
     */
    @Test
    void aNegativeItemsPerPageIsReadAsNotSent() {
        answer = r -> StreamServer.json(200, "{\"totalResults\":2,\"itemsPerPage\":-1,\"Resources\":["
                + Support.task("t-1") + "," + Support.task("t-2") + "]}");
        try (FlowsClient c = client()) {
            assertEquals(2, c.tasks().list().pageSize(2).firstPage().itemsPerPage(), "the items the page holds");
            assertEquals(2, c.tasks().list().pageSize(2).toList().size());
        }
    }

    /** Exact numbers are read exactly, whatever their spelling; strings holding one too. */
    @ParameterizedTest(name = "totalResults {0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "9223372036854775807|9223372036854775807", "\"9223372036854775807\"|9223372036854775807",
        "0|0", "-0|0", "42|42", "\"42\"|42", "42.0|42", "4.2e1|42", "4200e-2|42", "\"4.2E1\"|42",
        "9007199254740993|9007199254740993"})
    void exactTotalsAreReadExactly(String sent, long expected) {
        answer = r -> StreamServer.json(200, "{\"totalResults\":" + sent + ",\"Resources\":[]}");
        try (FlowsClient c = client()) {
            assertEquals(expected, c.tasks().list().count());
            assertEquals(expected, c.flows().list().countAsync().join());
            assertEquals(expected, c.tasks().list().firstPage().total().orElseThrow());
        }
    }

    /**
     * A number of 200,000 digits is refused wherever it is: an any-typed value, a typed integer,
     * a date-time as epoch milliseconds (Gson refuses number tokens longer than its buffer), and a
     * numeric string, which the exact integer reader refuses before BigDecimal would spend
     * quadratic time on it (8 million digits, which fit in an answer, would take a quarter of an
     * hour). One of 1000 digits is still read exactly.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "variables.n|{\"id\":\"t-1\",\"variables\":{\"n\":%s}}|false",
        "variables[0]|{\"id\":\"t-1\",\"variables\":[1.%s]}|false",
        "meta.revision|{\"id\":\"t-1\",\"meta\":{\"revision\":%s}}|false",
        "meta.revision|{\"id\":\"t-1\",\"meta\":{\"revision\":\"%s\"}}|true",
        "due|{\"id\":\"t-1\",\"due\":%s}|false",
        "extra|{\"id\":\"t-1\",\"extra\":-%s}|false"})
    void aNumberTooLongToParseCheaplyIsRefused(String field, String template, boolean asString) {
        String digits = "7".repeat(200_000);
        answer = r -> StreamServer.json(200, String.format(template, digits));
        try (FlowsClient c = client()) {
            MalformedResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
                    MalformedResponseException.class, () -> c.tasks().get("t-1"));
            assertTrue(e.getMessage().contains(field), e.getMessage());
            if (asString) {
                assertTrue(e.getMessage().contains("a number of more than 1000 characters"), e.getMessage());
            }
        }
        answer = r -> StreamServer.json(200, "{\"id\":\"t-1\",\"variables\":{\"n\":" + "7".repeat(1000) + "}}");
        try (FlowsClient c = client()) {
            assertEquals(new java.math.BigInteger("7".repeat(1000)),
                    ((java.util.Map<?, ?>) c.tasks().get("t-1").getVariables()).get("n"));
        }
    }

    // ---- the end of the index space ----

    enum Mode {
        SEQUENTIAL(1), PARALLEL(4);

        final int parallelism;

        Mode(int parallelism) {
            this.parallelism = parallelism;
        }
    }

    /**
     * An honest server with {@code totalResults} = {@code Long.MAX_VALUE}: the items at indexes
     * {@code MAX - 10} to {@code MAX} are all there is, and they are delivered, once each, without
     * any request outside the index space.
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void startingTenBeforeTheEndReadsElevenItems(Mode mode) {
        answer = honest(Long.MAX_VALUE, true);
        List<String> ids = new ArrayList<>();
        try (FlowsClient c = client()) {
            c.tasks().list().startIndex(Long.MAX_VALUE - 10).pageSize(3).parallelism(mode.parallelism)
                    .forEach(t -> ids.add(t.getId()));
        }
        List<String> expected = LongStream.rangeClosed(Long.MAX_VALUE - 10, Long.MAX_VALUE).mapToObj(i -> "t-" + i)
                .collect(Collectors.toList());
        assertEquals(expected, ids);
        assertRequestsInTheIndexSpace();
    }

    /** Without totalResults, the end of the index space ends the iteration, not an error. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void withoutATotalTheEndOfTheIndexSpaceEndsTheIteration(Mode mode) {
        answer = honest(Long.MAX_VALUE, false);
        List<String> ids = new ArrayList<>();
        try (FlowsClient c = client()) {
            c.tasks().list().startIndex(Long.MAX_VALUE - 10).pageSize(4).parallelism(mode.parallelism)
                    .forEach(t -> ids.add(t.getId()));
        }
        assertEquals(11, ids.size(), String.valueOf(ids));
        assertEquals("t-" + Long.MAX_VALUE, ids.get(10));
        assertRequestsInTheIndexSpace();
    }

    /** A total below the start: the query is past the end, an empty result, nobody's error. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aStartPastTheTotalIsAnEmptyResult(Mode mode) {
        // and more items than asked for: adding their number to the start would overflow
        String twenty = LongStream.rangeClosed(1, 20).mapToObj(i -> Support.task("t-" + i)).collect(Collectors.joining(","));
        answer = r -> StreamServer.json(200, "{\"totalResults\":5,\"startIndex\":" + r.query("startIndex")
                + ",\"Resources\":[" + twenty + "]}");
        try (FlowsClient c = client()) {
            Query<Task> q = c.tasks().list().startIndex(Long.MAX_VALUE - 10).pageSize(2).parallelism(mode.parallelism);
            assertEquals(List.of(), q.toList());
            Page<Task> first = q.firstPage();
            assertEquals(5, first.total().orElseThrow());
            assertEquals(5, q.count());
        }
        assertRequestsInTheIndexSpace();
    }

    /** Honest paging over indexes 1..total: the item at index i is "t-i"; total null: not sent. */
    private static Function<StreamServer.Request, StreamServer.Reply> honest(long total, boolean sendTotal) {
        return r -> {
            long start = r.longQuery("startIndex");
            long count = r.longQuery("count");
            StringBuilder items = new StringBuilder();
            for (long i = start; i >= 1 && i <= total && i - start < count; i++) {
                items.append(items.length() == 0 ? "" : ",").append(Support.task("t-" + i));
                if (i == Long.MAX_VALUE) {
                    break;
                }
            }
            return StreamServer.json(200, "{" + (sendTotal ? "\"totalResults\":" + total + "," : "")
                    + "\"startIndex\":" + start + ",\"Resources\":[" + items + "]}");
        };
    }

    /** Every call the SDK made (sent or not) asked for a page inside the index space. */
    private static void assertRequestsInTheIndexSpace() {
        assertFalse(asked.isEmpty());
        for (HttpUrl url : asked) {
            long start = Long.parseLong(url.queryParameter("startIndex"));
            long count = Long.parseLong(url.queryParameter("count"));
            assertTrue(start >= 1, "startIndex " + start + " in " + url);
            assertTrue(count >= 0 && start - 1 <= Long.MAX_VALUE - count, "count " + count + " from " + start);
        }
    }

    private static Object run(Query<Task> q, Op op) {
        try {
            switch (op) {
                case COUNT:
                    return q.count();
                case COUNT_ASYNC:
                    return q.countAsync().get(10, TimeUnit.SECONDS);
                case FIRST_PAGE:
                    return q.firstPage();
                case FIRST_PAGE_ASYNC:
                    return q.firstPageAsync().get(10, TimeUnit.SECONDS);
                case ITERATE:
                    return q.toList();
                case ITERATE_PARALLEL:
                    return q.parallelism(3).toList();
                case PAGES:
                    List<Page<Task>> pages = new ArrayList<>();
                    q.pages().forEach(pages::add);
                    return pages;
                default:
                    throw new AssertionError(op);
            }
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (FlowsException | InterruptedException | java.util.concurrent.TimeoutException e) {
            return e;
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
