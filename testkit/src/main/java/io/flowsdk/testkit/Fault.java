package io.flowsdk.testkit;

import io.flowsdk.testkit.internal.Json;
import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.util.Objects;

/**
 * A failure the fake server can inject into the answer to a request, described as data. Use
 * with {@link FlowsStub#inject(Endpoint, Fault...)}:
 *
 * <pre>{@code
 * stub.inject(Endpoint.GET_TASK, Fault.status(503));                        // next GET_TASK: 503
 * stub.inject(Endpoint.LIST_TASKS, Fault.connectionReset()).afterRequests(2); // page 3 resets
 * stub.inject(Endpoint.CREATE_TASK, Fault.rateLimited(1)).times(2);         // two 429s, Retry-After: 1
 * stub.inject(Endpoint.GET_FLOW, Fault.delay(Duration.ofSeconds(2)), Fault.status(500)); // slow 500
 * }</pre>
 *
 * <p>Several faults given together are combined: their delays add up, and the last fault that
 * is not a delay decides the answer (with only delays, the normal answer is sent late).
 * Unless the plan says {@link FaultPlan#afterHandling()}, a faulted request never reaches the
 * fake API, so it changes nothing in the store. {@link #truncatedBody()} is the exception: it
 * always handles the request and then cuts the real answer short.
 */
public final class Fault {
    enum Kind { DELAY, CONNECTION_RESET, EMPTY_RESPONSE, MALFORMED_CHUNK, RANDOM_DATA, TRUNCATED, RESPONSE }

    final Kind kind;
    final long delayMillis;
    final int status;
    final @Nullable String contentType;
    final @Nullable String body;
    final @Nullable String retryAfter;

    private Fault(Kind kind, long delayMillis, int status, @Nullable String contentType, @Nullable String body,
                  @Nullable String retryAfter) {
        this.kind = kind;
        this.delayMillis = delayMillis;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    /**
     * Answers normally, but only after a fixed delay (use it to trigger client timeouts).
     *
     * @param delay how long the server waits before answering
     * @return the fault
     */
    public static Fault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        return new Fault(Kind.DELAY, delay.toMillis(), 0, null, null, null);
    }

    /**
     * Resets the connection instead of answering (WireMock {@code CONNECTION_RESET_BY_PEER}).
     *
     * @return the fault
     */
    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, 0, 0, null, null, null);
    }

    /**
     * Closes the connection without sending anything (WireMock {@code EMPTY_RESPONSE}).
     *
     * @return the fault
     */
    public static Fault emptyResponse() {
        return new Fault(Kind.EMPTY_RESPONSE, 0, 0, null, null, null);
    }

    /**
     * Sends a 200 whose chunked body is garbage, then closes (WireMock
     * {@code MALFORMED_RESPONSE_CHUNK}).
     *
     * @return the fault
     */
    public static Fault malformedResponseChunk() {
        return new Fault(Kind.MALFORMED_CHUNK, 0, 0, null, null, null);
    }

    /**
     * Sends random bytes, then closes (WireMock {@code RANDOM_DATA_THEN_CLOSE}).
     *
     * @return the fault
     */
    public static Fault randomDataThenClose() {
        return new Fault(Kind.RANDOM_DATA, 0, 0, null, null, null);
    }

    /**
     * Handles the request normally, then sends only the first half of the JSON body (with a
     * matching {@code Content-Length}), so the client sees a well-formed response whose JSON is
     * cut short.
     *
     * @return the fault
     */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED, 0, 0, null, null, null);
    }

    /**
     * Answers with a status and the API's error body, for example
     * {@code {"code": 503, "message": "Service Unavailable: injected fault", "status": "Service Unavailable"}}.
     *
     * @param status an HTTP status, 400 to 599
     * @return the fault
     */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599, got " + status);
        }
        return new Fault(Kind.RESPONSE, 0, status, "application/json",
                Json.write(Json.error(status, "injected fault")), null);
    }

    /**
     * Answers 500 with the API's error body.
     *
     * @return the fault
     */
    public static Fault serverError() {
        return status(500);
    }

    /**
     * Answers 429 with {@code Retry-After: <seconds>} and the API's error body.
     *
     * @param retryAfterSeconds the value of {@code Retry-After}, in whole seconds (0 or more)
     * @return the fault
     */
    public static Fault rateLimited(long retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0, got " + retryAfterSeconds);
        }
        return new Fault(Kind.RESPONSE, 0, 429, "application/json",
                Json.write(Json.error(429, "injected rate limit")), Long.toString(retryAfterSeconds));
    }

    /**
     * Answers 200 with an HTML page instead of JSON, as a login page or captive portal in front
     * of the API would.
     *
     * @return the fault
     */
    public static Fault html() {
        return response(200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Sign in</h1></body></html>");
    }

    /**
     * Answers with any status, content type and body.
     *
     * @param status the HTTP status
     * @param contentType the {@code Content-Type}, or null for none
     * @param body the body
     * @return the fault
     */
    public static Fault response(int status, @Nullable String contentType, String body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599, got " + status);
        }
        return new Fault(Kind.RESPONSE, 0, status, contentType, Objects.requireNonNull(body, "body"), null);
    }

    @Override
    public String toString() {
        switch (kind) {
            case DELAY:
                return "Fault.delay(" + Duration.ofMillis(delayMillis) + ")";
            case RESPONSE:
                return "Fault.response(" + status + (retryAfter != null ? ", Retry-After: " + retryAfter : "")
                        + ", " + contentType + ")";
            default:
                return "Fault." + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
