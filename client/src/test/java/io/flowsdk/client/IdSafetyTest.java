package io.flowsdk.client;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.flowsdk.client.WireMockSupport.json;
import static io.flowsdk.client.WireMockSupport.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad ids are refused before anything is sent; every other id is exactly one path segment. */
class IdSafetyTest extends WireMockTestBase {

    /** An operation on one id, and the raw path prefix and suffix around the id segment. */
    record Op(String name, BiConsumer<FlowsClient, String> call, String prefix, String suffix, boolean flows,
              String query) {
        Op(String name, BiConsumer<FlowsClient, String> call, String prefix, String suffix, boolean flows) {
            this(name, call, prefix, suffix, flows, "");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Op> ops() {
        return List.of(
                new Op("tasks.get", (c, id) -> c.tasks().get(id), "/api/v1/flows/tasks/", "", false),
                new Op("tasks.find", (c, id) -> c.tasks().find(id), "/api/v1/flows/tasks/", "", false),
                new Op("tasks.complete", (c, id) -> c.tasks().complete(id, Map.of("a", 1)), "/api/v1/flows/tasks/", "/.complete", false),
                new Op("tasks.complete+change", (c, id) -> c.tasks().complete(id, Map.of(), Change.reason("r")), "/api/v1/flows/tasks/", "/.complete", false, "?reason=r"),
                new Op("tasks.cancel", (c, id) -> c.tasks().cancel(id), "/api/v1/flows/tasks/", "/.cancel", false),
                new Op("tasks.cancel+change", (c, id) -> c.tasks().cancel(id, Change.none()), "/api/v1/flows/tasks/", "/.cancel", false),
                new Op("flows.get", (c, id) -> c.flows().get(id), "/api/v1/flows/", "", true),
                new Op("flows.find", (c, id) -> c.flows().find(id), "/api/v1/flows/", "", true),
                new Op("flows.cancel", (c, id) -> c.flows().cancel(id), "/api/v1/flows/", "/.cancel", true),
                new Op("flows.cancel+change", (c, id) -> c.flows().cancel(id, Change.correlation("c")), "/api/v1/flows/", "/.cancel", true, "?correlation=c"));
    }

    static Stream<Arguments> refusedIds() {
        List<Arguments> all = new ArrayList<>();
        for (Op op : ops()) {
            for (String id : new String[]{"", "  ", "\t\n", ".", ".."}) {
                all.add(Arguments.of(op, id));
            }
            if (op.flows()) {
                all.add(Arguments.of(op, "tasks"));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("refusedIds")
    void badIdsAreRefusedBeforeAnyRequest(Op op, String id) {
        wm.stubFor(any(anyUrl()).willReturn(json("{}")));
        assertThrows(IllegalArgumentException.class, () -> op.call().accept(client, id));
        assertEquals(0, requests(wm).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void nullIdIsANullPointerBeforeAnyRequest(Op op) {
        wm.stubFor(any(anyUrl()).willReturn(json("{}")));
        assertThrows(NullPointerException.class, () -> op.call().accept(client, null));
        assertEquals(0, requests(wm).size());
    }

    @Test
    void awaitRefusesBadIdsToo() {
        assertThrows(NullPointerException.class, () -> client.tasks().await(null, t -> true, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> client.tasks().await("..", t -> true, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> client.flows().awaitAsync("tasks", f -> true, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> client.flows().await(" ", f -> true, Duration.ofSeconds(1)));
        assertEquals(0, requests(wm).size());
    }

    @Test
    void tasksAcceptsTheIdTasks() {
        wm.stubFor(any(anyUrl()).willReturn(json("{\"id\":\"tasks\"}")));
        client.tasks().get("tasks");
        assertEquals("/api/v1/flows/tasks/tasks", WireMockSupport.onlyRequest(wm).getUrl());
    }

    static Stream<Arguments> oddIds() {
        List<Arguments> all = new ArrayList<>();
        for (Op op : ops()) {
            for (String id : new String[]{"../x", "a/b", "a?b", "a#b", "a b", "a%2Fb", "ünï", "%2e%2e", "%2E",
                    "a\r\nb", "./", "/..", "..;", "a;b=c", "a+b", "a&b=c", "~user", "tasks/x"}) {
                all.add(Arguments.of(op, id));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("oddIds")
    void otherIdsAreSentAsExactlyOnePathSegment(Op op, String id) {
        wm.stubFor(any(anyUrl()).willReturn(json("{\"id\":\"x\",\"flowId\":\"x\"}")));
        op.call().accept(client, id);
        LoggedRequest r = WireMockSupport.onlyRequest(wm);
        String url = r.getUrl();
        assertTrue(url.endsWith(op.suffix() + op.query()), url);
        url = url.substring(0, url.length() - op.query().length());
        assertFalse(url.contains("?"), url);
        assertFalse(url.contains("#"), url);
        assertTrue(url.startsWith(op.prefix()), url);
        assertTrue(url.endsWith(op.suffix()), url);
        String segment = url.substring(op.prefix().length(), url.length() - op.suffix().length());
        assertFalse(segment.contains("/"), url);
        assertFalse(segment.contains("?"), url);
        assertFalse(segment.contains("#"), url);
        assertFalse(segment.contains("\r") || segment.contains("\n") || segment.contains(" "), url);
        // '+' means '+' in a path; URLDecoder would read it as a space
        assertEquals(id, URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8), url);
    }
}
