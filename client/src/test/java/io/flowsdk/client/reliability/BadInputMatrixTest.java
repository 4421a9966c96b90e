package io.flowsdk.client.reliability;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.client.Change;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Query;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.SortOrder;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.filter.FilterParseException;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input: out-of-range and null arguments fail before any request with a message naming the
 * parameter; hostile strings are sent as data and can never change the endpoint, the query or
 * the headers.
 */
class BadInputMatrixTest extends ReliabilityServerTest {
    static final List<String> HOSTILE = List.of("../x", "a/b", "a?b=1", "a#frag", "a b", "a%2Fb", "%2e%2e", ".%2e",
            "a\r\nX-Injected: 1", "a\nb", "a&count=1&startIndex=99", "x=y", "a+b", "100%", "\u00fc\u20ac\ud83d\ude00",
            "a\\b", "a;b", "?", "#", "/", "//", "a\tb", "tasks/../..", "a%00b", "${jndi:ldap://x}");

    private static FlowsClient client;
    private static Support.LogSink log = new Support.LogSink();

    @BeforeAll
    static void startClient() {
        client = Support.builder(Support.baseUrl(server), Duration.ofSeconds(5), RetryPolicy.none(),
                null, log).build();
    }

    @AfterAll
    static void closeClient() {
        client.close();
        Support.assertNoToken(log);
    }

    @BeforeEach
    void stubAnswers() {
        server.stubFor(any(anyUrl()).willReturn(okJson(Support.task("t-1"))));
        server.stubFor(any(urlPathEqualTo("/api/v1/flows/tasks")).willReturn(okJson(Support.taskList(1, 2, 2))));
        server.stubFor(any(urlPathEqualTo("/api/v1/flows/")).willReturn(okJson(Support.taskList(1, 2, 2))));
    }

    // ---- refused before any request ----

    static Stream<Arguments> refused() {
        Query<Task> q = null;
        List<Arguments> a = new ArrayList<>();
        Consumer<Object[]> add = x -> a.add(Arguments.of(x));
        // IllegalArgumentException, the message names the parameter
        iae(a, "pageSize(0)", c -> c.tasks().list().pageSize(0), "pageSize");
        iae(a, "pageSize(-5)", c -> c.tasks().list().pageSize(-5), "pageSize");
        iae(a, "pageSize(MIN)", c -> c.tasks().list().pageSize(Integer.MIN_VALUE), "pageSize");
        iae(a, "pageSize(MAX_PAGE_SIZE + 1)", c -> c.tasks().list().pageSize(Query.MAX_PAGE_SIZE + 1), "pageSize");
        iae(a, "pageSize(MAX)", c -> c.flows().list().pageSize(Integer.MAX_VALUE), "pageSize");
        iae(a, "startIndex(0)", c -> c.tasks().list().startIndex(0), "startIndex");
        iae(a, "startIndex(-1)", c -> c.flows().list().startIndex(-1), "startIndex");
        iae(a, "limit(-1)", c -> c.tasks().list().limit(-1), "limit");
        iae(a, "limit(MIN)", c -> c.tasks().list().limit(Long.MIN_VALUE), "limit");
        iae(a, "parallelism(0)", c -> c.tasks().list().parallelism(0), "parallelism");
        iae(a, "parallelism(33)", c -> c.tasks().list().parallelism(33), "parallelism");
        iae(a, "parallelism(-1)", c -> c.flows().list().parallelism(-1), "parallelism");
        iae(a, "get(\"\")", c -> c.tasks().get(""), "taskId");
        iae(a, "get(\" \")", c -> c.tasks().get(" \t"), "taskId");
        iae(a, "get(\".\")", c -> c.tasks().get("."), "taskId");
        iae(a, "get(\"..\")", c -> c.tasks().get(".."), "taskId");
        iae(a, "complete(\"..\")", c -> c.tasks().complete("..", Map.of()), "taskId");
        iae(a, "cancel(\".\")", c -> c.tasks().cancel("."), "taskId");
        iae(a, "flows.get(\"tasks\")", c -> c.flows().get("tasks"), "flowInstanceId");
        iae(a, "flows.cancel(\"..\")", c -> c.flows().cancel(".."), "flowInstanceId");
        iae(a, "flows.find(\"\")", c -> c.flows().find(""), "flowInstanceId");
        // the asynchronous forms refuse bad input by throwing too, not through the future
        iae(a, "getAsync(\"\")", c -> c.tasks().getAsync(""), "taskId");
        iae(a, "findAsync(\" \")", c -> c.tasks().findAsync(" "), "taskId");
        iae(a, "completeAsync(\"..\")", c -> c.tasks().completeAsync("..", Map.of()), "taskId");
        iae(a, "cancelAsync(\".\")", c -> c.tasks().cancelAsync("."), "taskId");
        iae(a, "awaitAsync(\"\")", c -> c.tasks().awaitAsync("", t -> true, Duration.ofSeconds(1)), "taskId");
        iae(a, "await(\" \")", c -> c.tasks().await(" ", t -> true, Duration.ofSeconds(1)), "taskId");
        iae(a, "flows.getAsync(\"tasks\")", c -> c.flows().getAsync("tasks"), "flowInstanceId");
        iae(a, "flows.cancelAsync(\"..\")", c -> c.flows().cancelAsync(".."), "flowInstanceId");
        iae(a, "tasks.list(descriptor of flows)", c -> c.tasks().list(c.flows().list().toDescriptor()), null);
        iae(a, "tasks.list(garbage descriptor)", c -> c.tasks().list("not a descriptor"), null);
        for (String h : List.of("a b", "x&y=1", "a\r\nb", "id#", "a=b", "%41", "+", "\u00fcber", "", "a..b", "1abc")) {
            iae(a, "sortBy(" + h + ")", c -> c.tasks().list().sortBy(h, SortOrder.ASCENDING), "sortBy");
            iae(a, "attributes(" + h + ")", c -> c.tasks().list().attributes("id", h), "attributes");
            iae(a, "excludedAttributes(" + h + ")", c -> c.flows().list().excludedAttributes(h), "excludedAttributes");
        }
        for (String f : List.of("status eq", "status eq \"x\"&count=1", "status eq \"x\" #", "\r\n", "",
                "status eq \"a\" and", "((status pr)", "status zz \"x\"", "x eq \"unterminated")) {
            a.add(Arguments.of("filter(" + f.replace("\r\n", "CRLF") + ")", FilterParseException.class,
                    (CallOn) c -> c.tasks().list().filter(f), null));
            a.add(Arguments.of("flows filter(" + f.replace("\r\n", "CRLF") + ")", FilterParseException.class,
                    (CallOn) c -> c.flows().list().filter(f).firstPageAsync(), null));
        }
        // NullPointerException
        npe(a, "get(null)", c -> c.tasks().get(null));
        npe(a, "find(null)", c -> c.tasks().find(null));
        npe(a, "flows.get(null)", c -> c.flows().get(null));
        npe(a, "create(null)", c -> c.tasks().create(null));
        npe(a, "create(task, null)", c -> c.tasks().create(new Task(), null));
        npe(a, "complete(null)", c -> c.tasks().complete(null));
        npe(a, "complete(id, null)", c -> c.tasks().complete("t-1", null));
        npe(a, "complete(id, vars, null)", c -> c.tasks().complete("t-1", Map.of(), null));
        npe(a, "cancel(null)", c -> c.tasks().cancel(null));
        npe(a, "cancel(id, null)", c -> c.tasks().cancel("t-1", null));
        npe(a, "flows.cancel(null)", c -> c.flows().cancel(null));
        npe(a, "flows.cancel(id, null)", c -> c.flows().cancel("f-1", null));
        npe(a, "getAsync(null)", c -> c.tasks().getAsync(null));
        npe(a, "findAsync(null)", c -> c.tasks().findAsync(null));
        npe(a, "createAsync(null)", c -> c.tasks().createAsync(null));
        npe(a, "completeAsync(null)", c -> c.tasks().completeAsync(null));
        npe(a, "completeAsync(id, null)", c -> c.tasks().completeAsync("t-1", null));
        npe(a, "cancelAsync(null)", c -> c.tasks().cancelAsync(null));
        npe(a, "cancelAsync(id, null)", c -> c.tasks().cancelAsync("t-1", null));
        npe(a, "awaitAsync(null, p, t)", c -> c.tasks().awaitAsync(null, t -> true, Duration.ofSeconds(1)));
        npe(a, "flows.getAsync(null)", c -> c.flows().getAsync(null));
        npe(a, "flows.findAsync(null)", c -> c.flows().findAsync(null));
        npe(a, "flows.cancelAsync(null)", c -> c.flows().cancelAsync(null));
        npe(a, "flows.cancelAsync(id, null)", c -> c.flows().cancelAsync("f-1", null));
        npe(a, "tasks.list(null descriptor)", c -> c.tasks().list((String) null));
        npe(a, "filter((String) null)", c -> c.tasks().list().filter((String) null));
        npe(a, "filter((Filter) null)", c -> c.tasks().list().filter((Filter) null));
        npe(a, "sortBy(null)", c -> c.tasks().list().sortBy(null, SortOrder.ASCENDING));
        npe(a, "sortBy(id, null)", c -> c.tasks().list().sortBy("id", null));
        npe(a, "attributes(null[])", c -> c.tasks().list().attributes((String[]) null));
        npe(a, "attributes(id, null)", c -> c.tasks().list().attributes("id", null));
        npe(a, "excludedAttributes(null)", c -> c.tasks().list().excludedAttributes((String) null));
        npe(a, "forTime(null)", c -> c.tasks().list().forTime(null));
        npe(a, "Change.reason(null)", c -> Change.reason(null));
        npe(a, "Change.correlation(null)", c -> Change.correlation(null));
        npe(a, "withCorrelation(null)", c -> Change.reason("r").withCorrelation(null));
        npe(a, "await(id, null, t)", c -> c.tasks().await("t-1", null, Duration.ofSeconds(1)));
        npe(a, "await(id, p, null)", c -> c.tasks().await("t-1", t -> true, null));
        return a.stream();
    }

    interface CallOn {
        Object call(FlowsClient c) throws Throwable;
    }

    private static void iae(List<Arguments> a, String name, CallOn call, String parameter) {
        a.add(Arguments.of(name, IllegalArgumentException.class, call, parameter));
    }

    private static void npe(List<Arguments> a, String name, CallOn call) {
        a.add(Arguments.of(name, NullPointerException.class, call, null));
    }

    // ---- variables JSON cannot hold: complete and create, blocking and async ----

    /** A value JSON cannot hold, what the message must name, and the value. */
    private record BadValue(String name, String names, java.util.function.Supplier<Object> value) {
    }

    private static List<BadValue> badValues() {
        List<BadValue> v = new ArrayList<>();
        v.add(new BadValue("a map holding itself", "self", () -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("self", m);
            return m;
        }));
        v.add(new BadValue("a list holding itself", "loop", () -> {
            List<Object> l = new ArrayList<>();
            l.add(l);
            return Map.of("loop", l);
        }));
        v.add(new BadValue("a cycle through two maps", "b", () -> {
            Map<String, Object> a = new LinkedHashMap<>();
            Map<String, Object> b = new LinkedHashMap<>();
            a.put("b", b);
            b.put("a", a);
            return Map.of("outer", a);
        }));
        v.add(new BadValue("an object whose field points back", "next", () -> {
            Node n = new Node();
            n.next = n;
            return Map.of("node", n);
        }));
        v.add(new BadValue("a record holding a list that holds the record", "items", () -> {
            List<Object> items = new ArrayList<>();
            Holder h = new Holder(items);
            items.add(h);
            return Map.of("holder", h);
        }));
        v.add(new BadValue("NaN", "NaN", () -> Map.of("ratio", Double.NaN)));
        v.add(new BadValue("Infinity", "Infinity", () -> Map.of("ratio", Double.POSITIVE_INFINITY)));
        v.add(new BadValue("-Infinity", "Infinity", () -> Map.of("ratio", Double.NEGATIVE_INFINITY)));
        v.add(new BadValue("Float NaN", "NaN", () -> Map.of("ratio", Float.NaN)));
        v.add(new BadValue("NaN deep in a list", "NaN", () -> Map.of("list", List.of(1, List.of(2.0, Double.NaN)))));
        v.add(new BadValue("NaN in a double[]", "NaN", () -> Map.of("array", new double[] {1, Double.NaN})));
        v.add(new BadValue("a Thread", "java.lang.Thread", () -> Map.of("t", new Thread(() -> { }))));
        v.add(new BadValue("a Stream", "no JSON form", () -> Map.of("s", Stream.of(1, 2))));
        v.add(new BadValue("an Object", "java.lang.Object", () -> Map.of("o", new Object())));
        v.add(new BadValue("a lambda", "no JSON form", () -> Map.of("f", (Runnable) () -> { })));
        v.add(new BadValue("an InputStream", "InputStream", () -> Map.of("in",
                new java.io.ByteArrayInputStream(new byte[0]))));
        v.add(new BadValue("a null key", "null key", () -> {
            Map<Object, Object> m = new java.util.HashMap<>();
            m.put(null, 1);
            return Map.of("m", m);
        }));
        v.add(new BadValue("a key that is an Object", "keys must be", () -> Map.of("m", Map.of(new Object(), 1))));
        v.add(new BadValue("two keys written alike", "both written as", () -> {
            Map<Object, Object> m = new LinkedHashMap<>();
            m.put(1, "a");
            m.put("1", "b");
            return Map.of("m", m);
        }));
        v.add(new BadValue("nesting 300 deep", "deeper", () -> {
            Object deep = 1;
            for (int i = 0; i < 300; i++) {
                deep = List.of(deep);
            }
            return Map.of("deep", deep);
        }));
        v.add(new BadValue("an unpaired high surrogate in a value", "unpaired surrogate",
                () -> Map.of("note", "ok\ud800")));
        v.add(new BadValue("an unpaired low surrogate in a value", "unpaired surrogate",
                () -> Map.of("note", "\udc00ok")));
        v.add(new BadValue("an unpaired surrogate in a key", "unpaired surrogate", () -> Map.of("k\udbff", 1)));
        v.add(new BadValue("an unpaired surrogate deep in a list", "unpaired surrogate",
                () -> Map.of("list", List.of("a", List.of("b\ud83d")))));
        return v;
    }

    static final class Node {
        Node next;
    }

    record Holder(List<Object> items) {
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> variablesRefused() {
        List<Arguments> a = new ArrayList<>();
        for (BadValue v : badValues()) {
            iae(a, "complete: " + v.name(), c -> c.tasks().complete("t-1", (Map<String, ?>) v.value().get()), v.names());
            iae(a, "completeAsync: " + v.name(), c -> c.tasks().completeAsync("t-1", (Map<String, ?>) v.value().get(),
                    Change.reason("r")), v.names());
            iae(a, "create: " + v.name(), c -> c.tasks().create(new Task().displayName("x").variables(v.value().get())),
                    v.names());
            iae(a, "createAsync: " + v.name(), c -> c.tasks().createAsync(new Task().displayName("x")
                    .variables(v.value().get()), Change.none()), v.names());
        }
        return a.stream();
    }

    // ---- unpaired surrogates: every text that is sent ----

    static final List<String> UNPAIRED = List.of("\ud800", "a\udc00b", "ab\ud83d", "\ude00x", "\udbff\udbff",
            "x\ud83d\ude00\ude00");

    static Stream<Arguments> unpairedSurrogates() {
        List<Arguments> a = new ArrayList<>();
        for (String bad : UNPAIRED) {
            String n = escape(bad);
            // every method that takes an id, blocking and async
            iae(a, "get(" + n + ")", c -> c.tasks().get(bad), "taskId");
            iae(a, "find(" + n + ")", c -> c.tasks().find(bad), "taskId");
            iae(a, "complete(" + n + ")", c -> c.tasks().complete(bad), "taskId");
            iae(a, "complete(" + n + ", vars)", c -> c.tasks().complete(bad, Map.of("k", 1)), "taskId");
            iae(a, "cancel(" + n + ")", c -> c.tasks().cancel(bad), "taskId");
            iae(a, "await(" + n + ")", c -> c.tasks().await(bad, t -> true, Duration.ofSeconds(1)), "taskId");
            iae(a, "getAsync(" + n + ")", c -> c.tasks().getAsync(bad), "taskId");
            iae(a, "findAsync(" + n + ")", c -> c.tasks().findAsync(bad), "taskId");
            iae(a, "completeAsync(" + n + ")", c -> c.tasks().completeAsync(bad), "taskId");
            iae(a, "cancelAsync(" + n + ")", c -> c.tasks().cancelAsync(bad), "taskId");
            iae(a, "awaitAsync(" + n + ")", c -> c.tasks().awaitAsync(bad, t -> true, Duration.ofSeconds(1)), "taskId");
            iae(a, "flows.get(" + n + ")", c -> c.flows().get(bad), "flowInstanceId");
            iae(a, "flows.find(" + n + ")", c -> c.flows().find(bad), "flowInstanceId");
            iae(a, "flows.cancel(" + n + ")", c -> c.flows().cancel(bad), "flowInstanceId");
            iae(a, "flows.await(" + n + ")", c -> c.flows().await(bad, f -> true, Duration.ofSeconds(1)),
                    "flowInstanceId");
            iae(a, "flows.getAsync(" + n + ")", c -> c.flows().getAsync(bad), "flowInstanceId");
            iae(a, "flows.findAsync(" + n + ")", c -> c.flows().findAsync(bad), "flowInstanceId");
            iae(a, "flows.cancelAsync(" + n + ")", c -> c.flows().cancelAsync(bad), "flowInstanceId");
            iae(a, "flows.awaitAsync(" + n + ")", c -> c.flows().awaitAsync(bad, f -> true, Duration.ofSeconds(1)),
                    "flowInstanceId");
            // Change: reason and correlation, on every call that takes one
            iae(a, "Change.reason(" + n + ")", c -> c.tasks().complete("t-1", Map.of(), Change.reason(bad)), "reason");
            iae(a, "Change.correlation(" + n + ")", c -> c.tasks().cancelAsync("t-1", Change.correlation(bad)),
                    "correlation");
            iae(a, "Change.of(r, " + n + ")", c -> c.flows().cancel("f-1", Change.of("r", bad)), "correlation");
            iae(a, "withCorrelation(" + n + ")", c -> c.tasks().create(new Task(), Change.reason("r")
                    .withCorrelation(bad)), "correlation");
            // variables: keys and values, blocking and async; the task's own text on create
            iae(a, "complete variable value " + n, c -> c.tasks().complete("t-1", Map.of("k", bad)), "variables.k");
            iae(a, "complete variable key " + n, c -> c.tasks().complete("t-1", Map.of(bad, 1)), "variables");
            iae(a, "completeAsync variable value " + n, c -> c.tasks().completeAsync("t-1", Map.of("k", List.of(bad))),
                    "variables.k");
            iae(a, "completeAsync variable key " + n, c -> c.tasks().completeAsync("t-1", Map.of("m", Map.of(bad, 1))),
                    "variables.m");
            iae(a, "create displayName " + n, c -> c.tasks().create(new Task().displayName(bad)), "displayName");
            iae(a, "createAsync variable " + n, c -> c.tasks().createAsync(new Task().variables(Map.of("v", bad))),
                    "variables.v");
            iae(a, "create groupsIds " + n, c -> c.tasks().create(new Task().groupsIds(List.of("g", bad))), "groupsIds");
            // filter values, however the filter is built, on every list operation
            iae(a, "Filter.eq(" + n + ")", c -> c.tasks().list().filter(Filter.eq("displayName", bad)).firstPage(),
                    "surrogate");
            iae(a, "Filter.co(" + n + ")", c -> c.tasks().list().filter(Filter.co("displayName", bad)).count(),
                    "surrogate");
            iae(a, "Filter.sw(" + n + ")", c -> c.flows().list().filter(Filter.sw("id", bad)).firstPageAsync(),
                    "surrogate");
            iae(a, "Filter.ne(" + n + ")", c -> c.tasks().list().filter(Filter.ne("status",
                    io.flowsdk.client.model.TaskStatus.fromString(bad))).countAsync(), "surrogate");
            iae(a, "Filter.gt(" + n + ")", c -> c.tasks().list().filter(Filter.not(Filter.gt("externalId", bad)))
                    .toList(), "surrogate");
            iae(a, "filter(String " + n + ")", c -> c.tasks().list().filter("displayName eq \"" + bad + "\"")
                    .iterator(), "surrogate");
            iae(a, "sortBy(" + n + ")", c -> c.tasks().list().sortBy(bad, SortOrder.ASCENDING), "sortBy");
            iae(a, "attributes(" + n + ")", c -> c.flows().list().attributes(bad), "attributes");
        }
        return a.stream();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(ch -> sb.append(ch < 128 ? String.valueOf((char) ch) : String.format("\\u%04x", ch)));
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"refused", "variablesRefused", "unpairedSurrogates"})
    void refusedBeforeAnyRequest(String name, Class<? extends Throwable> type, CallOn call, String parameter) {
        Support.BAD_INPUT_CASES.incrementAndGet();
        Throwable e = assertThrows(type, () -> {
            Object r = call.call(client);
            if (r instanceof Iterable<?> it) { // a query is lazy: iterating must not be needed to see the error
                it.iterator().hasNext();
            }
        });
        if (parameter != null) {
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().contains(parameter), "message names " + parameter + ": " + e.getMessage());
        }
        Support.assertNoToken(e);
        assertEquals(0, server.getAllServeEvents().size(), "nothing was sent");
    }

    // ---- hostile strings are data ----

    static Stream<String> hostile() {
        return HOSTILE.stream();
    }

    /** Filter values may hold any character; NUL in a path is refused by Jetty itself, so it is tried here only. */
    static Stream<String> hostileValues() {
        return Stream.concat(HOSTILE.stream(), Stream.of("\u0000", "\u007f", "\"quoted\"", "back\\slash"));
    }

    @ParameterizedTest(name = "id {index}")
    @MethodSource("hostile")
    void idsAreExactlyOnePathSegment(String id) {
        Support.BAD_INPUT_CASES.incrementAndGet();
        client.tasks().get(id);
        assertPath(last(), "GET", List.of("api", "v1", "flows", "tasks", id));
        client.tasks().complete(id, Map.of("k", id), Change.reason(id).withCorrelation(id));
        LoggedRequest r = last();
        assertPath(r, "POST", List.of("api", "v1", "flows", "tasks", id, ".complete"));
        assertEquals(Map.of("reason", List.of(id), "correlation", List.of(id)), query(r));
        client.tasks().cancel(id);
        assertPath(last(), "POST", List.of("api", "v1", "flows", "tasks", id, ".cancel"));
        if (!id.equals("tasks")) {
            client.flows().cancel(id, Change.correlation(id));
            r = last();
            assertPath(r, "POST", List.of("api", "v1", "flows", id, ".cancel"));
            assertEquals(Map.of("correlation", List.of(id)), query(r));
            client.flows().get(id);
            assertPath(last(), "GET", List.of("api", "v1", "flows", id));
        }
        Support.REQUESTS_OBSERVED.addAndGet(server.getAllServeEvents().size());
        for (var e : server.getAllServeEvents()) {
            LoggedRequest req = e.getRequest();
            assertFalse(req.containsHeader("X-Injected"), "header injected");
            assertEquals(1, req.getHeaders().getHeader("Authorization").values().size());
        }
    }

    @ParameterizedTest(name = "filter value {index}")
    @MethodSource("hostileValues")
    void filterValuesAndChangeTextAreEncoded(String value) {
        Support.BAD_INPUT_CASES.incrementAndGet();
        Filter f = Filter.eq("displayName", value).and(Filter.pr("assigneeId"));
        client.tasks().list().filter(f).sortBy("meta.lastModified", SortOrder.DESCENDING)
                .attributes("id", "displayName").pageSize(7).startIndex(3).firstPage();
        LoggedRequest r = last();
        assertPath(r, "GET", List.of("api", "v1", "flows", "tasks"));
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("filter", List.of(f.toString()));
        expected.put("count", List.of("7"));
        expected.put("startIndex", List.of("3"));
        expected.put("sortBy", List.of("meta.lastModified"));
        expected.put("sortOrder", List.of("descending"));
        expected.put("attributes", List.of("id", "displayName"));
        assertEquals(expected, query(r));
        assertEquals(f, Filter.parse(query(r).get("filter").get(0)), "the server can parse what was sent");
        // the same through filter(String)
        client.flows().list().filter(f.toString()).firstPage();
        assertEquals(List.of(f.toString()), query(last()).get("filter"));
        assertPath(last(), "GET", List.of("api", "v1", "flows", ""));
        // Change on create
        client.tasks().create(new Task().displayName(value), Change.of(value, value + "&reason=x"));
        assertEquals(Map.of("reason", List.of(value), "correlation", List.of(value + "&reason=x")), query(last()));
        Support.REQUESTS_OBSERVED.addAndGet(server.getAllServeEvents().size());
    }

    private static LoggedRequest last() {
        return server.getAllServeEvents().get(0).getRequest(); // newest first
    }

    private static void assertPath(LoggedRequest r, String method, List<String> segments) {
        assertEquals(method, r.getMethod().getName());
        String raw = r.getUrl();
        int q = raw.indexOf('?');
        String path = q < 0 ? raw : raw.substring(0, q);
        assertFalse(path.contains("#"));
        // in a path a + is a literal plus
        List<String> decoded = Arrays.stream(path.substring(1).split("/", -1))
                .map(seg -> decode(seg.replace("+", "%2B"))).toList();
        assertEquals(segments, decoded, "raw path " + raw);
    }

    private static Map<String, List<String>> query(LoggedRequest r) {
        String raw = r.getUrl();
        int q = raw.indexOf('?');
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (q < 0) {
            return out;
        }
        for (String pair : raw.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            out.computeIfAbsent(decode(pair.substring(0, eq)), k -> new ArrayList<>()).add(decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        assertFalse(s.contains("+"), "a raw + is ambiguous: " + s);
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
