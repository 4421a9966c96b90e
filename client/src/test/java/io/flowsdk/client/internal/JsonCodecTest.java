package io.flowsdk.client.internal;

import io.flowsdk.client.model.FlowCancel;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.model.TasksList;
import com.google.gson.JsonParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonCodecTest {
    private final JsonCodec codec = new JsonCodec();

    private Task task(String json) {
        return codec.fromJson(json, Task.class);
    }

    @Test
    void missingListsReadAsEmptyListsButUnsetListsAreNotWritten() {
        Task t = codec.fromJson("{\"id\":\"t\"}", Task.class);
        assertEquals(List.of(), t.getGroupsIds());
        assertEquals(List.of(), t.getUsersIds());
        FlowInstance f = codec.fromJson("{\"id\":\"f\"}", FlowInstance.class);
        assertEquals(List.of(), f.getStatusExplanations());
        FlowCancel c = codec.fromJson("{}", FlowCancel.class);
        assertEquals(List.of(), c.getNotCanceledJobs());
        TasksList l = codec.fromJson("{\"totalResults\":0}", TasksList.class);
        assertEquals(List.of(), l.getResources());
        assertEquals("{\"displayName\":\"x\"}", codec.toJson(new Task().displayName("x")));
    }

    @Test
    void arraysAndListsOfModelsAreReadItemByItemByTheModelAdapter() {
        Task[] array = codec.fromJson("[{\"id\":\"a\",\"x\":1},{\"id\":\"b\"}]", Task[].class);
        assertEquals(2, array.length);
        assertEquals("a", array[0].getId());
        assertEquals(Map.of("x", 1L), array[0].getAdditionalProperties());
        assertEquals(List.of(), array[1].getGroupsIds(), "the model adapter's empty list for a missing list");
        List<Task> list = codec.fromJson("[{\"id\":\"c\"}]",
                com.google.gson.reflect.TypeToken.getParameterized(List.class, Task.class).getType());
        assertEquals("c", list.get(0).getId());
        assertEquals(List.of(), list.get(0).getUsersIds());
    }

    @Test
    void numbersInAnyTypedJsonKeepTheirExactValue() {
        Task t = codec.fromJson("{\"variables\":{\"a\":1,\"b\":12345678901234567,\"c\":123456789012345678901234,"
                + "\"d\":0.1,\"e\":3.141592653589793238462643,\"f\":[1,2.5]}}", Task.class);
        Map<?, ?> v = (Map<?, ?>) t.getVariables();
        assertEquals(1L, v.get("a"));
        assertEquals(12345678901234567L, v.get("b"));
        assertEquals(new BigInteger("123456789012345678901234"), v.get("c"));
        assertEquals(0.1, v.get("d"));
        assertEquals(new BigDecimal("3.141592653589793238462643"), v.get("e"));
        assertEquals(List.of(1L, 2.5), v.get("f"));
        assertEquals(new BigDecimal("1e99999"), ((Map<?, ?>) task("{\"variables\":{\"g\":1e99999}}").getVariables()).get("g"));
        assertTrue(codec.toJson(Map.of("n", v.get("b"))).contains("12345678901234567"));
    }

    @Test
    void dateTimesAreReadLiberally() {
        assertEquals(OffsetDateTime.parse("2026-01-01T10:00:00Z"),
                task("{\"due\":\"2026-01-01T10:00:00\"}").getDue());
        assertEquals(OffsetDateTime.parse("2026-01-01T10:00:00+02:00"),
                task("{\"due\":\"2026-01-01T10:00:00+02:00\"}").getDue());
        assertEquals(OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                task("{\"due\":\"2026-01-01\"}").getDue());
        assertEquals(OffsetDateTime.parse("1970-01-01T00:00:01Z"),
                task("{\"due\":1000}").getDue());
        assertNull(task("{\"due\":null}").getDue());
    }

    @Test
    void numbersSentAsStringsAreAccepted() {
        Task t = codec.fromJson("{\"meta\":{\"revision\":\"7\"}}", Task.class);
        assertEquals(7L, t.getMeta().getRevision());
        TasksList l = codec.fromJson("{\"totalResults\":\"3\",\"itemsPerPage\":\"3\",\"startIndex\":\"1\"}", TasksList.class);
        assertEquals(3L, l.getTotalResults());
    }

    @Test
    void aStreamDecodesAsItsStringDoes() throws IOException {
        String page = "{\"totalResults\":2,\"Resources\":[{\"id\":\"a\",\"due\":\"2026-01-01T00:00:00Z\","
                + "\"variables\":{\"n\":12345678901234567890,\"x\":[1.5,null]},\"extra\":true},{\"id\":\"b\"}]}";
        TasksList fromString = codec.fromJson(page, TasksList.class);
        TasksList fromStream = codec.fromJson(new StringReader(page), TasksList.class);
        assertEquals(fromString, fromStream);
        assertEquals(2, fromStream.getResources().size());
        assertEquals(true, fromStream.getResources().get(0).getAdditionalProperty("extra"));
        assertNull(codec.fromJson(new StringReader(""), Task.class));
        assertNull(codec.fromJson(new StringReader(" null "), Task.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":", "{\"id\":\"x\"} {}", "{\"id\":\"x\"}]", "{id:", "{\"id\":{}}", "[1]", "\"task\"",
            "{\"meta\":\"x\"}", "{\"due\":\"soon\"}", "{\"due\":true}", "{\"groupsIds\":{\"a\":1}}",
            "{\"meta\":{\"revision\":\"abc\"}}", "{\"meta\":{\"revision\":1.5}}"})
    void badBodiesFailAlikeFromAStringAndFromAStream(String body) {
        RuntimeException fromString = assertThrows(RuntimeException.class, () -> codec.fromJson(body, Task.class));
        RuntimeException fromStream = assertThrows(RuntimeException.class,
                () -> codec.fromJson(new StringReader(body), Task.class));
        assertEquals(fromString.getClass(), fromStream.getClass());
        assertInstanceOf(JsonParseException.class, fromString, body);
    }

    @Test
    void aFailingStreamThrowsItsOwnIOExceptionNotAParseError() {
        IOException reset = new IOException("connection reset");
        Reader failing = new Reader() {
            private final Reader start = new StringReader("{\"Resources\":[{\"id\":\"a\"},");

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int n = start.read(buffer, offset, length);
                if (n < 0) {
                    throw reset;
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        IOException thrown = assertThrows(IOException.class, () -> codec.fromJson(failing, TasksList.class));
        assertSame(reset, thrown);
    }

    @Test
    void anyJsonIsReadAsPlainJavaCollections() {
        Task t = task("{\"variables\":{\"b\":{\"z\":1,\"a\":2},\"a\":[{\"k\":null}]},\"extra\":{\"q\":[]}}");
        Map<?, ?> v = (Map<?, ?>) t.getVariables();
        assertEquals(LinkedHashMap.class, v.getClass());
        assertEquals(List.of("b", "a"), List.copyOf(v.keySet()));
        assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) v.get("b")).keySet()));
        assertEquals(ArrayList.class, v.get("a").getClass());
        assertEquals(LinkedHashMap.class, ((List<?>) v.get("a")).get(0).getClass());
        assertEquals(LinkedHashMap.class, t.getAdditionalProperty("extra").getClass());
        FlowInstance f = codec.fromJson("{\"StatusExplanations\":[{\"a\":1},\"s\"]}", FlowInstance.class);
        assertEquals(LinkedHashMap.class, f.getStatusExplanations().get(0).getClass());
        assertThrows(JsonParseException.class, () -> codec.fromJson("{\"StatusExplanations\":{\"a\":1}}", FlowInstance.class));
    }
}
