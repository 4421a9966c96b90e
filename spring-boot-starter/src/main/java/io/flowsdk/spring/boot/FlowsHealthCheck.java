package io.flowsdk.spring.boot;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health check behind the {@code flows} health indicator, free of any Spring Boot version:
 * one cheap request (a count of tasks: one page of zero items) through the client's whole
 * pipeline, token included. Its details are the HTTP status and the latency, and for a failure the
 * exception's type and message, which never hold a token or a secret.
 */
final class FlowsHealthCheck {
    private final FlowsClient client;

    FlowsHealthCheck(FlowsClient client) {
        this.client = client;
    }

    Result check() {
        long start = System.nanoTime();
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            client.tasks().list().count();
            details.put("status", 200);
            details.put("latencyMs", millisSince(start));
            return new Result(true, details);
        } catch (FlowsException e) {
            if (e instanceof FlowsApiException api) {
                details.put("status", api.statusCode());
            } else if (e instanceof AuthenticationException auth && auth.statusCode() > 0) {
                // the token endpoint's answer: the API was not reached
                details.put("status", auth.statusCode());
            }
            details.put("latencyMs", millisSince(start));
            details.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            return new Result(false, details);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Up or down, with the details to show. */
    record Result(boolean up, Map<String, Object> details) {
    }
}
