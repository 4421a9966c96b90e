package io.flowsdk.opentelemetry;

import io.flowsdk.client.FlowsListener;
import io.flowsdk.client.event.AttemptStarted;
import io.flowsdk.client.event.CallEnded;
import io.flowsdk.client.event.CallInfo;
import io.flowsdk.client.event.CallStarted;
import io.flowsdk.client.event.IterationEnded;
import io.flowsdk.client.event.IterationStarted;
import io.flowsdk.client.event.Outcome;
import io.flowsdk.client.event.RetryScheduled;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The listener behind {@link FlowsTracing}. Keeps the context of each call and iteration in
 * progress (its span in it) from start to end; the SDK guarantees one end per start.
 */
final class TracingListener implements FlowsListener {
    static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("flows.attempt");
    static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("flows.retry.reason");
    static final AttributeKey<Long> RETRY_DELAY_MS = AttributeKey.longKey("flows.retry.delay_ms");
    static final AttributeKey<Boolean> RETRY_AFTER = AttributeKey.booleanKey("flows.retry.after");
    static final AttributeKey<Long> PAGE_SIZE = AttributeKey.longKey("flows.page_size");
    static final AttributeKey<Long> PARALLELISM = AttributeKey.longKey("flows.parallelism");
    static final AttributeKey<Long> PAGES = AttributeKey.longKey("flows.pages");
    static final AttributeKey<Long> ITEMS = AttributeKey.longKey("flows.items");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("flows.outcome");

    private static final TextMapSetter<Map<String, String>> SETTER = (carrier, key, value) -> {
        if (carrier != null) {
            carrier.put(key, value);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final Map<Long, Context> calls = new ConcurrentHashMap<>();
    private final Map<Long, Context> iterations = new ConcurrentHashMap<>();

    TracingListener(OpenTelemetry openTelemetry) {
        // the jar's version when its manifest has one; a tracer without a version otherwise
        String version = TracingListener.class.getPackage().getImplementationVersion();
        this.tracer = version == null ? openTelemetry.getTracer(FlowsTracing.INSTRUMENTATION_NAME)
                : openTelemetry.getTracer(FlowsTracing.INSTRUMENTATION_NAME, version);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public void callStarted(CallStarted event) {
        CallInfo call = event.call();
        Context parent = call.isPage() ? iterations.getOrDefault(call.iterationId(), Context.current())
                : Context.current();
        Span span = tracer.spanBuilder(call.operation())
                .setSpanKind(SpanKind.CLIENT)
                .setParent(parent)
                .setAttribute(HTTP_REQUEST_METHOD, call.method())
                .setAttribute(URL_TEMPLATE, call.pathTemplate())
                .setAttribute(SERVER_ADDRESS, call.serverAddress())
                .setAttribute(SERVER_PORT, (long) call.serverPort())
                .startSpan();
        calls.put(call.callId(), parent.with(span));
    }

    @Override
    public Map<String, String> attemptHeaders(AttemptStarted attempt) {
        Context context = calls.get(attempt.call().callId());
        if (context == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>(4);
        propagator.inject(context, headers, SETTER);
        return headers;
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        Context context = calls.get(event.call().callId());
        if (context == null) {
            return;
        }
        AttributesBuilder a = Attributes.builder()
                .put(ATTEMPT, event.failedAttempt())
                .put(RETRY_REASON, event.reason().name())
                .put(RETRY_DELAY_MS, event.delay().toMillis())
                .put(RETRY_AFTER, event.fromRetryAfter());
        if (event.statusCode() > 0) {
            a.put(HTTP_RESPONSE_STATUS_CODE, event.statusCode());
        }
        Span.fromContext(context).addEvent(FlowsTracing.RETRY_EVENT, a.build());
    }

    @Override
    public void callEnded(CallEnded event) {
        Context context = calls.remove(event.call().callId());
        if (context == null) {
            return;
        }
        Span span = Span.fromContext(context);
        if (event.statusCode() > 0) {
            span.setAttribute(HTTP_RESPONSE_STATUS_CODE, event.statusCode());
        }
        if (event.attempts() > 1) {
            span.setAttribute(HTTP_REQUEST_RESEND_COUNT, event.attempts() - 1);
        }
        if (event.exceptionClass() != null) {
            span.setAttribute(ERROR_TYPE, event.exceptionClass().getName());
            span.setStatus(StatusCode.ERROR, event.outcome().name());
        }
        span.end();
    }

    @Override
    public void iterationStarted(IterationStarted event) {
        String operation = event.operation();
        int dot = operation.lastIndexOf('.');
        String name = (dot < 0 ? operation : operation.substring(0, dot)) + ".iterate";
        Context parent = Context.current();
        Span span = tracer.spanBuilder(name)
                .setSpanKind(SpanKind.INTERNAL)
                .setParent(parent)
                .setAttribute(URL_TEMPLATE, event.pathTemplate())
                .setAttribute(PAGE_SIZE, (long) event.pageSize())
                .setAttribute(PARALLELISM, (long) event.parallelism())
                .startSpan();
        iterations.put(event.iterationId(), parent.with(span));
    }

    @Override
    public void iterationEnded(IterationEnded event) {
        Context context = iterations.remove(event.iterationId());
        if (context == null) {
            return;
        }
        Span span = Span.fromContext(context);
        span.setAttribute(PAGES, event.pages());
        span.setAttribute(ITEMS, event.items());
        span.setAttribute(OUTCOME, event.outcome().name());
        if (event.exceptionClass() != null && event.outcome() != Outcome.CANCELLED) {
            span.setAttribute(ERROR_TYPE, event.exceptionClass().getName());
            span.setStatus(StatusCode.ERROR, event.outcome().name());
        }
        span.end();
    }

    @Override
    public String toString() {
        return "FlowsTracing listener{" + calls.size() + " calls, " + iterations.size() + " iterations in progress}";
    }
}
