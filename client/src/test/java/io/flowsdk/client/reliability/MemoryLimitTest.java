package io.flowsdk.client.reliability;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.Page;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bounded memory, proven in a small heap: the build runs this class alone in a JVM with
 * {@code -Xmx128m} (the {@code memory-limit} execution of client/pom.xml); in a larger heap it
 * proves nothing and is skipped. Every body a server can send, of any size or shape, ends in
 * {@link MalformedResponseException} or a value, never in an {@link OutOfMemoryError}: bodies of
 * 200 MB (plain and as a gzip bomb of about 200 KB), shapes that take many times their size in
 * memory once decoded ({@code [{},{},...]}), one huge string, one huge key, deep nesting; on
 * {@code get}, {@code complete}, a list page and an iteration, blocking and async. And answers
 * just under the default limits are decoded, so the limits are not simply "refuse everything".
 */
class MemoryLimitTest {
    private static final long MB = 1_000_000;
    private static final long BIG = 200 * MB;
    private static final long SMALL_HEAP = 160L * 1024 * 1024;

    private static StreamServer server;
    private static final AtomicReference<StreamServer.Reply> answer = new AtomicReference<>();

    @BeforeAll
    static void start() throws IOException {
        long max = Runtime.getRuntime().maxMemory();
        assumeTrue(max <= SMALL_HEAP, "runs in the memory-limit execution (-Xmx128m); this heap is "
                + max / (1024 * 1024) + " MiB");
        server = new StreamServer(r -> answer.get());
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** Where the hostile value goes: a task's answer, or a list page. */
    enum Op {
        GET, GET_ASYNC, COMPLETE, LIST_PAGE, ITERATE, ITERATE_PARALLEL;

        boolean list() {
            return this == LIST_PAGE || this == ITERATE || this == ITERATE_PARALLEL;
        }
    }

    /**
     * A body: {@code open} (as a task's answer, or as a list page), then {@code unit} repeated up
     * to 200 MB. None of them closes: each must be stopped before its end.
     */
    enum Shape {
        /** Whitespace: no memory once decoded, so only the byte limit stops it. */
        PADDING("{\"id\":\"t-1\"", "{\"totalResults\":1", " ", false),
        HUGE_STRING("{\"id\":\"t-1\",\"displayName\":\"", "{\"totalResults\":1,\"Resources\":[{\"id\":\"", "x", false),
        /** One character beyond Latin-1 makes Java hold the string as UTF-16: two bytes a character. */
        HUGE_WIDE_STRING("{\"id\":\"t-1\",\"displayName\":\"\u0100", "{\"totalResults\":1,\"Resources\":[{\"id\":\"\u0100",
                "x", false),
        HUGE_KEY("{\"id\":\"t-1\",\"variables\":{\"", "{\"totalResults\":1,\"Resources\":[{\"variables\":{\"", "k",
                false),
        /** 3 bytes each, about 135 bytes each in memory as tasks. */
        EMPTY_OBJECTS("{\"id\":\"t-1\",\"variables\":[{}", "{\"totalResults\":1,\"Resources\":[{}", ",{}", false),
        SMALL_MAPS("{\"id\":\"t-1\",\"variables\":[{\"k\":\"v\"}", "{\"totalResults\":1,\"Resources\":[{\"id\":\"t\"}",
                ",{\"k\":\"v\"}", false),
        EMPTY_ARRAYS("{\"id\":\"t-1\",\"variables\":[[]", "{\"totalResults\":1,\"Resources\":[{\"variables\":[[]",
                ",[]", false),
        /** In a typed list (a task's usersIds), read by Gson's own collection adapter. */
        EMPTY_STRINGS("{\"id\":\"t-1\",\"usersIds\":[\"\"", "{\"totalResults\":1,\"Resources\":[{\"usersIds\":[\"\"",
                ",\"\"", false),
        NUMBERS("{\"id\":\"t-1\",\"variables\":[1000", "{\"totalResults\":1,\"Resources\":[{\"variables\":[1000",
                ",1000", false),
        MANY_MEMBERS("{\"id\":\"t-1\",\"variables\":{\"k\":1", "{\"totalResults\":1,\"Resources\":[{\"variables\":{\"k\":1",
                ",\"k\":1", false),
        DEEP_ARRAYS("{\"id\":\"t-1\",\"variables\":", "{\"totalResults\":1,\"Resources\":[{\"variables\":", "[", false),
        DEEP_OBJECTS("{\"id\":\"t-1\",\"variables\":", "{\"totalResults\":1,\"Resources\":[{\"variables\":", "{\"a\":",
                false),
        /** About 200 KB on the wire, 200 MB once inflated (OkHttp inflates gzip transparently). */
        GZIP_BOMB_STRING("{\"id\":\"t-1\",\"displayName\":\"", "{\"totalResults\":1,\"Resources\":[{\"id\":\"", "x",
                true),
        GZIP_BOMB_OBJECTS("{\"id\":\"t-1\",\"variables\":[{}", "{\"totalResults\":1,\"Resources\":[{}", ",{}", true);

        final String task;
        final String list;
        final String unit;
        final boolean gzip;
        final byte[][] compressed = new byte[2][];

        Shape(String task, String list, String unit, boolean gzip) {
            this.task = task;
            this.list = list;
            this.unit = unit;
            this.gzip = gzip;
        }

        StreamServer.Reply reply(boolean asList) {
            String open = asList ? list : task;
            StreamServer.BodyWriter body = StreamServer.repeated(open, unit, BIG, "");
            if (!gzip) {
                return StreamServer.streamed(200, Map.of("Content-Type", "application/json"), -1, body);
            }
            byte[] bomb = compressed(asList ? 1 : 0, body);
            return StreamServer.bytes(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), bomb);
        }

        private synchronized byte[] compressed(int i, StreamServer.BodyWriter body) {
            if (compressed[i] == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (OutputStream gz = new GZIPOutputStream(out, 64 * 1024) {
                    {
                        def.setLevel(Deflater.BEST_COMPRESSION);
                    }
                }) {
                    body.write(gz);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                compressed[i] = out.toByteArray();
            }
            return compressed[i];
        }
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(Shape.values()).flatMap(s -> Arrays.stream(Op.values()).map(op -> Arguments.of(s, op)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("matrix")
    void noBodyExhaustsMemory(Shape shape, Op op) throws Exception {
        answer.set(shape.reply(op.list()));
        Throwable outcome;
        try (FlowsClient c = client()) {
            outcome = run(c, op);
        }
        assertInstanceOf(MalformedResponseException.class, outcome, () -> "outcome: " + outcome);
        MalformedResponseException m = (MalformedResponseException) outcome;
        assertEquals(200, m.statusCode());
        String why = m.getMessage();
        if (shape == Shape.DEEP_ARRAYS || shape == Shape.DEEP_OBJECTS) {
            assertTrue(why.contains("esting"), "names the nesting: " + why); // Gson's nesting limit
        } else {
            assertTrue(why.contains("larger than the client accepts") && why.contains("maxResponseBytes"),
                    "says the limit was passed: " + why);
        }
        assertTrue(m.snippet() == null || m.snippet().length() <= 4096, "the snippet is short");
        if (shape.gzip) {
            int wire = shape.compressed[op.list() ? 1 : 0].length;
            assertTrue(wire < 1_000_000, "a bomb: " + wire + " bytes on the wire for " + BIG + " inflated");
            System.out.println("[memory] " + shape + " on " + op + ": " + wire + " bytes on the wire, " + BIG
                    + " inflated: " + why.substring(why.indexOf("larger than"), why.indexOf(" (maxResponseBytes")));
        }
    }

    private static FlowsClient client() {
        return FlowsClient.builder().baseUrl(server.baseUrl()).bearerToken(Support.TOKEN)
                .retryPolicy(RetryPolicy.none()).timeout(Duration.ofSeconds(60)).build();
    }

    private static Throwable run(FlowsClient c, Op op) {
        try {
            switch (op) {
                case GET -> c.tasks().get("t-1");
                case GET_ASYNC -> {
                    try {
                        c.tasks().getAsync("t-1").get(60, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        return e.getCause();
                    }
                }
                case COMPLETE -> c.tasks().complete("t-1", Map.of("approved", true));
                case LIST_PAGE -> c.tasks().list().firstPage();
                case ITERATE -> c.tasks().list().forEach(t -> { });
                case ITERATE_PARALLEL -> c.tasks().list().parallelism(4).forEach(t -> { });
                default -> throw new AssertionError(op);
            }
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    // ---- what still fits ----

    /**
     * A list page of realistic tasks as large as the default limits allow, and a task whose
     * variables are that large: both are decoded in the small heap. The figures are printed.
     */
    @Test
    void theLargestAnswersUnderTheDefaultLimitsAreDecoded() throws Exception {
        long limit = FlowsClient.DEFAULT_MAX_RESPONSE_BYTES;
        long target = limit - 64 * 1024;
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        answer.set(StreamServer.streamed(200, Map.of("Content-Type", "application/json"), -1, out -> {
            written.set(writeTasks(out, target));
        }));
        long bytes;
        try (FlowsClient c = client()) {
            Page<Task> page = c.tasks().list().pageSize(1000).firstPage();
            assertEquals(written.get(), page.items().size());
            assertEquals("task-" + (written.get() - 1), page.items().get(written.get() - 1).getId());
            bytes = target;
        }
        System.out.println("[memory] heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB: a list page of "
                + written.get() + " realistic tasks, " + bytes + " bytes (default maxResponseBytes " + limit
                + "), decoded");

        // one task whose variables hold strings: the same size
        answer.set(StreamServer.streamed(200, Map.of("Content-Type", "application/json"), -1, out -> {
            out.write("{\"id\":\"t-1\",\"variables\":{".getBytes(StandardCharsets.UTF_8));
            long n = 0;
            int i = 0;
            while (n < target - 1024) {
                byte[] member = ((i == 0 ? "" : ",") + "\"note-" + i + "\":\"" + "approved by the finance team ".repeat(4)
                        + i + "\"").getBytes(StandardCharsets.UTF_8);
                out.write(member);
                n += member.length;
                i++;
            }
            out.write("}}".getBytes(StandardCharsets.UTF_8));
            written.set(i);
        }));
        try (FlowsClient c = client()) {
            Task t = c.tasks().get("t-1");
            assertEquals(written.get(), ((Map<?, ?>) t.getVariables()).size());
        }
        System.out.println("[memory] heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB: a task with "
                + written.get() + " variables, about " + target + " bytes, decoded");
    }

    /** Realistic tasks (about 930 bytes each: ids, dates, meta, flow, variables) up to {@code target} bytes. */
    private static int writeTasks(OutputStream out, long target) throws IOException {
        out.write("{\"totalResults\":100000,\"startIndex\":1,\"itemsPerPage\":1000,\"Resources\":["
                .getBytes(StandardCharsets.UTF_8));
        long n = 0;
        int i = 0;
        while (true) {
            byte[] t = ((i == 0 ? "" : ",") + realisticTask(i)).getBytes(StandardCharsets.UTF_8);
            if (n + t.length > target - 256) {
                break;
            }
            out.write(t);
            n += t.length;
            i++;
        }
        out.write("]}".getBytes(StandardCharsets.UTF_8));
        return i;
    }

    static String realisticTask(int i) {
        String u = String.format("6f1c2a9e-51c4-4d8e-9a57-%012d", i);
        return "{\"id\":\"task-" + i + "\",\"displayName\":\"Approve access request " + i
                + "\",\"description\":\"Manager approval for access to the finance share\",\"status\":\"pending\","
                + "\"assigneeId\":\"" + u + "\",\"ownerId\":\"" + u + "\",\"groupsIds\":[\"" + u + "\",\"" + u + "\"],"
                + "\"usersIds\":[\"" + u + "\"],\"formId\":\"accessRequestApproval\",\"externalId\":\"ext-" + i
                + "\",\"due\":\"2026-11-03T14:02:11.870Z\",\"meta\":{\"created\":\"2026-11-02T09:15:30.120Z\","
                + "\"lastModified\":\"2026-11-03T14:02:11.870Z\",\"location\":\"https://acme.example.com/api/v1/flows/tasks/"
                + u + "\",\"resourceType\":\"Task\",\"revision\":2,\"tenantId\":\"acme\"},\"flow\":{\"flowKey\":"
                + "\"access-request\",\"flowInstanceKey\":\"" + u + "\"},\"variables\":{\"approved\":true,\"amount\":"
                + "1234.5,\"comment\":\"please approve " + i + "\",\"items\":[1,2,3]}}";
    }
}
