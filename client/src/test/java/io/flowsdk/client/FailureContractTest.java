package io.flowsdk.client;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.flowsdk.client.WireMockSupport.TASK_JSON;
import static io.flowsdk.client.WireMockSupport.json;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The exception contract of {@link FlowsException}: whatever goes wrong with a call (the network,
 * the answer's bytes, its JSON shape, the token provider, the status), the caller gets a
 * {@code FlowsException}, thrown by a blocking call or failing an asynchronous call's future;
 * never an {@code IOException}, {@code UncheckedIOException}, Gson's {@code JsonParseException},
 * a {@code ClassCastException}, a {@code DateTimeParseException} or a {@code null} result.
 *
 * <p>Faults x calls, each fault served to every request; no retries (a retried fault ends the
 * same way, see {@code FaultMatrixTest}).
 */
class FailureContractTest extends WireMockTestBase {

    /** The single-resource bodies are wrong for a task, a flow instance and a flow cancel alike. */
    enum FaultKind {
        CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        EMPTY_REPLY(aResponse().withFault(Fault.EMPTY_RESPONSE)),
        GARBAGE_THEN_CLOSE(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
        MALFORMED_JSON("{\"id\": \"t-1\",, ]"),
        TRUNCATED_JSON("{\"id\":\"t-1\",\"displayName\":\"Appr", "{\"Resources\":[{\"id\":\"t-1\"},{\"id\":\"t"),
        EMPTY_200(""),
        BODY_NULL("null"),
        BODY_ARRAY("[1,2,3]"),
        BODY_STRING("\"hello\""),
        BODY_NUMBER("42"),
        OBJECT_FOR_A_STRING("{\"id\":{\"x\":1},\"flowId\":{\"x\":1}}",
                "{\"Resources\":[{\"id\":{\"x\":1}}],\"totalResults\":1,\"startIndex\":1,\"itemsPerPage\":1}"),
        STRING_FOR_AN_ARRAY("{\"id\":\"t-1\",\"groupsIds\":\"g1\",\"StatusExplanations\":\"x\",\"flowId\":\"f-1\","
                + "\"taskIds\":\"t-1\"}",
                "{\"Resources\":\"none\",\"totalResults\":1,\"startIndex\":1,\"itemsPerPage\":1}"),
        STRING_FOR_AN_OBJECT("{\"id\":\"t-1\",\"meta\":\"m\",\"flow\":\"f\",\"flowId\":\"f-1\",\"canceledJobs\":[{}]}",
                "{\"Resources\":[1,2,3],\"totalResults\":3,\"startIndex\":1,\"itemsPerPage\":3}"),
        STRING_FOR_A_NUMBER("{\"id\":\"t-1\",\"meta\":{\"revision\":\"many\"},\"flow\":{\"version\":\"v2\"},"
                + "\"flowId\":\"f-1\",\"flowStatus\":{\"s\":1}}",
                "{\"Resources\":[],\"totalResults\":\"many\",\"startIndex\":1,\"itemsPerPage\":0}"),
        BAD_DATE_TIME("{\"id\":\"t-1\",\"due\":\"next tuesday\",\"startedAt\":\"next tuesday\",\"flowId\":\"f-1\","
                + "\"notCanceledJobs\":{\"j\":1}}",
                "{\"Resources\":[{\"id\":\"t-1\",\"due\":\"soon\",\"startedAt\":\"soon\"}],\"totalResults\":1,"
                + "\"startIndex\":1,\"itemsPerPage\":1}"),
        NUMBER_FOR_A_DATE_TIME("{\"id\":\"t-1\",\"due\":[2021],\"startedAt\":[2021],\"flowId\":\"f-1\","
                + "\"taskIds\":[[1]]}",
                "{\"Resources\":[{\"id\":\"t-1\",\"due\":{},\"startedAt\":{}}],\"totalResults\":1,"
                + "\"startIndex\":1,\"itemsPerPage\":1}"),
        STATUS_400(json(400, "{\"code\":400,\"message\":\"bad\"}")),
        STATUS_401(json(401, "{\"code\":401,\"message\":\"who\"}")),
        STATUS_403(json(403, "not json at all")),
        STATUS_409(json(409, "")),
        STATUS_500(json(500, "{\"code\":500,\"message\":\"boom\"}")),
        STATUS_503(aResponse().withStatus(503).withHeader("Retry-After", "soon").withBody("<html/>")),
        STATUS_302_POST_OR_LOOP(aResponse().withStatus(302).withHeader("Location", "/api/v1/flows/tasks/t-1")),
        TOKEN_PROVIDER_THROWS(() -> {
            throw new IllegalStateException("vault unreachable");
        }),
        TOKEN_PROVIDER_THROWS_UNCHECKED_IO(() -> {
            throw new UncheckedIOException(new java.io.IOException("socket closed"));
        }),
        TOKEN_PROVIDER_RETURNS_NULL(() -> null),
        TOKEN_PROVIDER_RETURNS_BLANK(() -> "  ");

        final ResponseDefinitionBuilder resource;
        final ResponseDefinitionBuilder list;
        final Supplier<String> tokenProvider;

        FaultKind(ResponseDefinitionBuilder both) {
            this(both, both, null);
        }

        FaultKind(String both) {
            this(both, both);
        }

        FaultKind(String resource, String list) {
            this(json(resource), json(list), null);
        }

        FaultKind(Supplier<String> tokenProvider) {
            this(null, null, tokenProvider);
        }

        FaultKind(ResponseDefinitionBuilder resource, ResponseDefinitionBuilder list, Supplier<String> tokenProvider) {
            this.resource = resource;
            this.list = list;
            this.tokenProvider = tokenProvider;
        }
    }

    interface Call {
        Object run(FlowsClient c) throws Exception;
    }

    /** The calls; {@code list} says which body a fault serves them. */
    enum CallKind {
        GET(false, c -> c.tasks().get("t-1")),
        FIND(false, c -> c.tasks().find("t-1")),
        GET_ASYNC(false, c -> c.tasks().getAsync("t-1")),
        FIND_ASYNC(false, c -> c.tasks().findAsync("t-1")),
        CREATE(false, c -> c.tasks().create(new Task().displayName("x"))),
        CREATE_ASYNC(false, c -> c.tasks().createAsync(new Task().displayName("x"))),
        COMPLETE(false, c -> c.tasks().complete("t-1", Map.of("ok", true))),
        COMPLETE_ASYNC(false, c -> c.tasks().completeAsync("t-1", Map.of("ok", true))),
        CANCEL(false, c -> c.tasks().cancel("t-1")),
        AWAIT(false, c -> c.tasks().await("t-1", t -> false, Duration.ofSeconds(5))),
        AWAIT_ASYNC(false, c -> c.tasks().awaitAsync("t-1", t -> false, Duration.ofSeconds(5))),
        FLOW_GET(false, c -> c.flows().get("f-1")),
        FLOW_CANCEL(false, c -> c.flows().cancel("f-1")),
        FLOW_CANCEL_ASYNC(false, c -> c.flows().cancelAsync("f-1")),
        FIRST_PAGE(true, c -> c.tasks().list().firstPage()),
        FIRST_PAGE_ASYNC(true, c -> c.tasks().list().firstPageAsync()),
        ITERATE(true, c -> {
            List<String> ids = new ArrayList<>();
            for (Task t : c.tasks().list().pageSize(2)) {
                ids.add(t.getId());
            }
            return ids;
        }),
        ITERATE_PARALLEL(true, c -> c.tasks().list().pageSize(2).parallelism(4).toList()),
        PAGES(true, c -> {
            List<Page<Task>> pages = new ArrayList<>();
            c.tasks().list().pageSize(2).pages().forEach(pages::add);
            return pages;
        }),
        STREAM(true, c -> c.tasks().list().stream().map(Task::getId).toList()),
        COUNT(true, c -> c.tasks().list().count()),
        COUNT_ASYNC(true, c -> c.tasks().list().countAsync()),
        FLOW_ITERATE(true, c -> c.flows().list().toList());

        final boolean list;
        final Call call;

        CallKind(boolean list, Call call) {
            this.list = list;
            this.call = call;
        }
    }

    static Stream<Arguments> faultsAndCalls() {
        List<Arguments> all = new ArrayList<>();
        for (FaultKind f : FaultKind.values()) {
            for (CallKind c : CallKind.values()) {
                all.add(Arguments.of(f, c));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("faultsAndCalls")
    void everyFailureIsAFlowsException(FaultKind fault, CallKind call) {
        FlowsClient.Builder b;
        if (fault.tokenProvider != null) {
            b = WireMockSupport.builderWithoutAuth(wm).tokenProvider(fault.tokenProvider);
            // a valid answer: a call that reached the server would succeed, and fail this test
            wm.stubFor(any(anyUrl()).willReturn(json(call.list ? listOf(TASK_JSON) : TASK_JSON)));
        } else {
            b = WireMockSupport.builder(wm);
            wm.stubFor(any(anyUrl()).willReturn(call.list ? fault.list : fault.resource));
        }
        Object outcome;
        try (FlowsClient c = b.build()) {
            outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> outcomeOf(call, c));
        }
        if (!(outcome instanceof Throwable t)) {
            fail(call + " returned " + outcome + " instead of failing");
            return;
        }
        assertInstanceOf(FlowsException.class, t, () -> call + " failed with " + describe(t));
    }

    /** The value, or what was thrown; an async call's future is unwrapped to its cause. */
    private static Object outcomeOf(CallKind call, FlowsClient c) {
        try {
            Object r = call.call.run(c);
            if (r instanceof CompletableFuture<?> f) {
                try {
                    return f.get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
            return r;
        } catch (Throwable t) {
            return t;
        }
    }

    private static String listOf(String item) {
        return "{\"Resources\":[" + item + "],\"totalResults\":1,\"startIndex\":1,\"itemsPerPage\":1}";
    }

    private static String describe(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
