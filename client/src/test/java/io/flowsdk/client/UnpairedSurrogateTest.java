package io.flowsdk.client;

import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.flowsdk.client.WireMockSupport.TASK_JSON;
import static io.flowsdk.client.WireMockSupport.json;
import static io.flowsdk.client.WireMockSupport.onlyRequest;
import static io.flowsdk.client.WireMockSupport.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A string with half a UTF-16 surrogate pair cannot be encoded as UTF-8: OkHttp would send
 * {@code ?} in its place, so cancelling {@code abc} followed by U+D800 would cancel task {@code abc?}. Every
 * text the client sends is refused with such a string, naming the parameter and the index,
 * before anything is sent; whole pairs (emoji) go through.
 */
class UnpairedSurrogateTest extends WireMockTestBase {

    static Stream<Arguments> idsWithHalfAPair() {
        List<Arguments> all = new ArrayList<>();
        for (IdSafetyTest.Op op : IdSafetyTest.ops()) {
            all.add(Arguments.of(op, "abc\uD800", 3));
            all.add(Arguments.of(op, "abc\uDBFF", 3));
            all.add(Arguments.of(op, "\uDC00abc", 0));
            all.add(Arguments.of(op, "a\uDE00\uD83Db", 1));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} [{2}]")
    @MethodSource("idsWithHalfAPair")
    void idsWithHalfAPairAreRefusedBeforeAnyRequest(IdSafetyTest.Op op, String id, int index) {
        String name = op.flows() ? "flowInstanceId" : "taskId";
        assertRefused(() -> op.call().accept(client, id), name, index);
    }

    @Test
    void changeTextsWithHalfAPairAreRefusedWhenTheChangeIsMade() {
        assertRefusedMessage(() -> Change.reason("ok\uD800"), "reason", 2);
        assertRefusedMessage(() -> Change.correlation("\uDC00"), "correlation", 0);
        assertRefusedMessage(() -> Change.of("fine", "x\uDBFF"), "correlation", 1);
        assertRefusedMessage(() -> Change.of("\uD800", null), "reason", 0);
        assertRefusedMessage(() -> Change.none().withReason("r\uDFFF"), "reason", 1);
        assertRefusedMessage(() -> Change.none().withCorrelation("c\uD800"), "correlation", 1);
    }

    @Test
    void bodyTextsWithHalfAPairAreRefusedBeforeAnyRequest() {
        assertRefused(() -> client.tasks().complete("t-1", Map.of("note", "ok\uD800")), "variables.note", 2);
        assertRefused(() -> client.tasks().complete("t-1", Map.of("list", List.of("a", "\uDC00"))), "variables.list[1]", 0);
        assertRefused(() -> client.tasks().complete("t-1", Map.of("k\uD800", 1)), "variables", 1);
        assertRefused(() -> client.tasks().create(new Task().displayName("Approve\uD83D")), "displayName", 7);
        assertRefused(() -> client.tasks().create(new Task().putAdditionalProperty("x\uDBFF", 1)), "a key", 1);
        assertRefused(() -> client.tasks().create(new Task().groupsIds(List.of("g", "\uD800"))), "groupsIds[1]", 0);
    }

    @Test
    void attributeNamesWithHalfAPairAreRefusedAndEscapedInTheMessage() {
        for (Executable call : List.<Executable>of(() -> client.tasks().list().sortBy("due\uD800"),
                () -> client.tasks().list().attributes("id", "\uDC00"),
                () -> client.flows().list().excludedAttributes("x\uDBFF"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertTrue(e.getMessage().matches("(?s).*\\\\ud[8-9a-f][0-9a-f]{2}.*"), e.getMessage());
            assertTrue(e.getMessage().chars().noneMatch(c -> Character.isSurrogate((char) c)), e.getMessage());
        }
    }

    @Test
    void wholePairsAreSentAsTheirCharacters() {
        wm.stubFor(any(anyUrl()).willReturn(json(TASK_JSON)));
        String emoji = "ok \uD83D\uDE00";
        client.tasks().complete("t-\uD83D\uDE00", Map.of("note", emoji), Change.reason(emoji));
        var request = onlyRequest(wm);
        assertEquals("/api/v1/flows/tasks/t-%F0%9F%98%80/.complete?reason=ok%20%F0%9F%98%80", request.getUrl());
        assertEquals("{\"variables\":{\"note\":\"ok \uD83D\uDE00\"}}", request.getBodyAsString());
    }

    private static void assertRefused(Executable call, String name, int index) {
        wm.stubFor(any(anyUrl()).willReturn(json(TASK_JSON)));
        assertRefusedMessage(call, name, index);
        assertEquals(0, requests(wm).size());
    }

    private static void assertRefusedMessage(Executable call, String name, int index) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertTrue(e.getMessage().contains("index " + index), e.getMessage());
        assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
    }
}
