package io.flowsdk.opentelemetry;

import io.flowsdk.client.FlowsListener;
import io.opentelemetry.api.OpenTelemetry;

import java.util.Objects;

/**
 * Traces what a {@code FlowsClient} does with OpenTelemetry: add the listener
 * {@link #create(OpenTelemetry)} returns to the client's builder.
 *
 * <pre>{@code
 * FlowsClient client = FlowsClient.builder()
 *         .baseUrl("https://acme.example.com/api/v1")
 *         .bearerToken(token)
 *         .listener(FlowsTracing.create(GlobalOpenTelemetry.get()))
 *         .build();
 * }</pre>
 *
 * <h2>Spans</h2>
 * <ul>
 *   <li><b>One span per call</b>, named after the operation ({@code tasks.get},
 *       {@code tasks.complete}, {@code flows.cancel}, {@code oauth2.token}, ...), kind
 *       {@code CLIENT}, started when the call starts and ended when it ends, retries and waits
 *       included. Its parent is the context current on the calling thread when the call starts
 *       (for an asynchronous call too, even though it ends on another thread), or the iteration's
 *       span for a page of an iteration. Attributes (OpenTelemetry's HTTP semantic conventions):
 *       {@code http.request.method}, {@code url.template} (the path template below the base URL,
 *       for example {@code /flows/tasks/{id}}: never an id), {@code server.address},
 *       {@code server.port}, {@code http.response.status_code} (the last answer's, when one came),
 *       {@code http.request.resend_count} (attempts after the first, when there were any) and on
 *       failure {@code error.type} (the exception's class name) with the span's status
 *       {@code ERROR}.</li>
 *   <li><b>Retries are span events</b>, not child spans: one event {@value #RETRY_EVENT} per retry
 *       on the call's span, with {@code flows.attempt} (the attempt that failed),
 *       {@code flows.retry.reason}, {@code flows.retry.delay_ms}, {@code http.response.status_code}
 *       (when the failed attempt got an answer) and {@code flows.retry.after} (true when the server's
 *       {@code Retry-After} set the delay). One span per call keeps the trace as the caller sees
 *       it and the server's spans of every attempt under one parent.</li>
 *   <li><b>One span per iteration</b> over a list ({@code for}, {@code stream()},
 *       {@code pages()}, {@code toList()}), named {@code tasks.iterate} or {@code flows.iterate},
 *       kind {@code INTERNAL}, from the first request to the end; each page's call span is its
 *       child. Attributes: {@code url.template}, {@code flows.page_size},
 *       {@code flows.parallelism}, and at the end {@code flows.pages}, {@code flows.items},
 *       {@code flows.outcome}. An iteration closed early ends with outcome {@code CANCELLED} and
 *       no error; one that failed has {@code error.type} and status {@code ERROR}.</li>
 * </ul>
 *
 * <h2>Propagation</h2>
 * Every attempt (retries too) carries the call span's context in the headers of the
 * {@code OpenTelemetry}'s propagators: with the usual W3C setup, {@code traceparent} (and
 * {@code tracestate} and {@code baggage} when there are any), so the server's spans join the
 * trace under the call's span.
 *
 * <p>Spans live in the listener until their call or iteration ends; an iteration dropped
 * unfinished ends when its iterator is garbage collected.
 */
public final class FlowsTracing {
    /** The instrumentation scope name of the spans. */
    public static final String INSTRUMENTATION_NAME = "io.flowsdk.opentelemetry";
    /** The name of the span event recorded for each retry. */
    public static final String RETRY_EVENT = "flows.retry";

    private FlowsTracing() {
    }

    /**
     * A listener that traces with {@code openTelemetry}'s tracer and propagators.
     *
     * @param openTelemetry the application's OpenTelemetry (for example {@code GlobalOpenTelemetry.get()})
     * @return the listener; add it with {@code FlowsClient.Builder.listener(...)}
     */
    public static FlowsListener create(OpenTelemetry openTelemetry) {
        return new TracingListener(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }
}
