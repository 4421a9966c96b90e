package io.flowsdk.opentelemetry;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.Fault;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.RecordedRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spans from the in-memory exporter, and the {@code traceparent} the testkit's stub received:
 * names, kinds, attributes, parentage, retries, iterations, asynchronous calls.
 */
@SuppressWarnings("try") // try (Scope ignored = span.makeCurrent()) is how OpenTelemetry scopes a context
class FlowsTracingTest {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final Tracer tracer = otel.getTracer("test");
    private final FlowsStub stub = new FlowsStub();
    private final FlowsClient client = stub.client(b -> b.listener(FlowsTracing.create(otel)));

    {
        stub.clock().set(java.time.Instant.parse("2026-01-01T00:00:00Z")); // frozen: retry waits move it, no sleep
    }

    @AfterEach
    void close() {
        stub.close();
        tracerProvider.close();
    }

    private String addTask() {
        return stub.addTask(new Task().displayName("Approve access").assigneeId("u1")).getId();
    }

    private SpanData only(String name) {
        List<SpanData> spans = exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name))
                .collect(Collectors.toList());
        assertEquals(1, spans.size(), () -> name + " in " + exporter.getFinishedSpanItems());
        return spans.get(0);
    }

    /** The header W3C trace context gives this span (its flags as the SDK set them: sampled, random id). */
    private static String traceparent(SpanData s) {
        return "00-" + s.getTraceId() + "-" + s.getSpanId() + "-" + s.getSpanContext().getTraceFlags().asHex();
    }

    /** Attributes of a recorded span compared by content (the SDK's own map type has its own equals). */
    private static void assertAttributes(Attributes expected, Attributes actual) {
        assertEquals(expected.asMap(), actual.asMap());
    }

    private List<String> traceparents(Endpoint endpoint) {
        return stub.requests(endpoint).stream().map(r -> r.header("traceparent")).collect(Collectors.toList());
    }

    @Test
    void aCallIsOneClientSpanUnderTheCallersSpanAndItsContextTravels() {
        String id = addTask();
        Span parent = tracer.spanBuilder("handle-approval").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            client.tasks().get(id);
        } finally {
            parent.end();
        }

        SpanData call = only("tasks.get");
        assertEquals(SpanKind.CLIENT, call.getKind());
        assertEquals(parent.getSpanContext().getTraceId(), call.getTraceId());
        assertEquals(parent.getSpanContext().getSpanId(), call.getParentSpanId());
        assertAttributes(Attributes.builder()
                .put("http.request.method", "GET")
                .put("url.template", "/flows/tasks/{id}")
                .put("server.address", "127.0.0.1")
                .put("server.port", (long) stub.port())
                .put("http.response.status_code", 200L)
                .build(), call.getAttributes());
        assertEquals(StatusCode.UNSET, call.getStatus().getStatusCode());
        assertEquals(List.of(), call.getEvents());
        assertEquals(FlowsTracing.INSTRUMENTATION_NAME, call.getInstrumentationScopeInfo().getName());
        assertEquals(List.of(traceparent(call)), traceparents(Endpoint.GET_TASK), "traceparent on the wire");
        assertFalse(call.getAttributes().toString().contains(id), "no id in the attributes");
    }

    @Test
    void withoutACurrentSpanTheCallSpanIsARoot() {
        String id = addTask();
        client.tasks().get(id);
        SpanData call = only("tasks.get");
        assertFalse(call.getParentSpanContext().isValid(), "no parent: " + call.getParentSpanContext());
        assertEquals(List.of(traceparent(call)), traceparents(Endpoint.GET_TASK));
    }

    @Test
    void retriesAreEventsOfTheCallSpanAndEveryAttemptCarriesItsContext() {
        String id = addTask();
        stub.inject(Endpoint.GET_TASK, Fault.rateLimited(1));
        stub.inject(Endpoint.GET_TASK, Fault.status(503));
        client.tasks().get(id);

        SpanData call = only("tasks.get");
        assertEquals(2L, call.getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
        assertEquals(200L, call.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertNull(call.getAttributes().get(AttributeKey.stringKey("error.type")), "it succeeded in the end");
        List<EventData> retries = call.getEvents();
        assertEquals(List.of(FlowsTracing.RETRY_EVENT, FlowsTracing.RETRY_EVENT),
                retries.stream().map(EventData::getName).collect(Collectors.toList()));
        assertAttributes(Attributes.builder().put("flows.attempt", 1L).put("flows.retry.reason", "RATE_LIMITED")
                .put("flows.retry.delay_ms", 1000L).put("flows.retry.after", true)
                .put("http.response.status_code", 429L).build(), retries.get(0).getAttributes());
        assertEquals("SERVER_ERROR", retries.get(1).getAttributes().get(AttributeKey.stringKey("flows.retry.reason")));
        assertEquals(2L, retries.get(1).getAttributes().get(AttributeKey.longKey("flows.attempt")));
        assertEquals(List.of(traceparent(call), traceparent(call), traceparent(call)), traceparents(Endpoint.GET_TASK),
                "every attempt carries the call span's context");
    }

    @Test
    void aFailedCallHasErrorTypeAndErrorStatus() {
        assertThrows(NotFoundException.class, () -> client.tasks().get("no-such-task"));
        SpanData call = only("tasks.get");
        assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
        assertEquals(NotFoundException.class.getName(), call.getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals(404L, call.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertNull(call.getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
    }

    @Test
    void aPostIsNamedAfterItsOperation() {
        String id = addTask();
        client.tasks().complete(id, Map.of("approved", true));
        SpanData call = only("tasks.complete");
        assertEquals("POST", call.getAttributes().get(AttributeKey.stringKey("http.request.method")));
        assertEquals("/flows/tasks/{id}/.complete", call.getAttributes().get(AttributeKey.stringKey("url.template")));
        assertEquals(List.of(traceparent(call)), traceparents(Endpoint.COMPLETE_TASK));
    }

    @Test
    void anAsyncCallIsParentedByTheContextCurrentWhenItStarted() throws Exception {
        String id = addTask();
        Span parent = tracer.spanBuilder("async-parent").startSpan();
        java.util.concurrent.CompletableFuture<Task> f;
        try (Scope ignored = parent.makeCurrent()) {
            f = client.tasks().getAsync(id);
        }
        f.get(10, TimeUnit.SECONDS);
        parent.end();
        SpanData call = only("tasks.get");
        assertEquals(parent.getSpanContext().getSpanId(), call.getParentSpanId());
        assertEquals(List.of(traceparent(call)), traceparents(Endpoint.GET_TASK));
    }

    @Test
    void anIterationIsOneSpanWithOneChildPerPage() {
        for (int i = 0; i < 25; i++) {
            addTask();
        }
        Span parent = tracer.spanBuilder("report").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            assertEquals(25, client.tasks().list().pageSize(10).parallelism(2).toList().size());
        } finally {
            parent.end();
        }

        SpanData iteration = only("tasks.iterate");
        assertEquals(SpanKind.INTERNAL, iteration.getKind());
        assertEquals(parent.getSpanContext().getSpanId(), iteration.getParentSpanId());
        assertAttributes(Attributes.builder().put("url.template", "/flows/tasks").put("flows.page_size", 10L)
                .put("flows.parallelism", 2L).put("flows.pages", 3L).put("flows.items", 25L)
                .put("flows.outcome", "SUCCESS").build(), iteration.getAttributes());
        List<SpanData> pages = exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals("tasks.list"))
                .collect(Collectors.toList());
        assertEquals(3, pages.size());
        for (SpanData page : pages) {
            assertEquals(SpanKind.CLIENT, page.getKind());
            assertEquals(iteration.getSpanId(), page.getParentSpanId(), "each page is a child of the iteration");
            assertEquals(iteration.getTraceId(), page.getTraceId());
        }
        List<String> sent = traceparents(Endpoint.LIST_TASKS);
        assertEquals(pages.stream().map(FlowsTracingTest::traceparent).sorted().collect(Collectors.toList()),
                sent.stream().sorted().collect(Collectors.toList()), "each page request carries its own span");
        assertTrue(iteration.getEndEpochNanos() >= pages.stream().mapToLong(SpanData::getEndEpochNanos).max()
                .orElseThrow(), "the iteration ends after its pages");
    }

    @Test
    void theTokenRequestIsASpanOfItsOwn() {
        String id = addTask();
        FlowsClient cc = stub.clientWithCredentials(b -> b.listener(FlowsTracing.create(otel)));
        cc.tasks().get(id);
        SpanData token = only("oauth2.token");
        assertEquals(SpanKind.CLIENT, token.getKind());
        assertEquals("/oauth2/token", token.getAttributes().get(AttributeKey.stringKey("url.template")));
        RecordedRequest sent = stub.requests(Endpoint.TOKEN).get(0);
        assertEquals(traceparent(token), sent.header("traceparent"));
        assertTrue(only("tasks.get").getAttributes().get(AttributeKey.longKey("http.response.status_code")) == 200L);
    }
}
