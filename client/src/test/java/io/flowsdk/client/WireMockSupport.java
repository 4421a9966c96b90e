package io.flowsdk.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/** Shared helpers for the facade tests: a client against a WireMock server, and JSON answers. */
final class WireMockSupport {
    static final String TOKEN = "test-token-abc";

    private WireMockSupport() {
    }

    static String baseUrl(WireMockServer wm) {
        return "http://localhost:" + wm.port() + "/api/v1";
    }

    /** A client with no retries, on virtual time (nothing in it really waits). */
    static FlowsClient.Builder builder(WireMockServer wm) {
        return builderWithoutAuth(wm).bearerToken(TOKEN);
    }

    /** {@link #builder} without the bearer token, for tests that authenticate another way. */
    static FlowsClient.Builder builderWithoutAuth(WireMockServer wm) {
        return FlowsClient.builder()
                .baseUrl(baseUrl(wm))
                .retryPolicy(RetryPolicy.none())
                .timeout(Duration.ofSeconds(10))
                .clock(io.flowsdk.client.testing.VirtualTime.auto())
                .random(() -> 0.0);
    }

    static FlowsClient client(WireMockServer wm) {
        return builder(wm).build();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder json(String body) {
        return json(200, body);
    }

    static List<LoggedRequest> requests(WireMockServer wm) {
        return wm.findAll(anyRequestedFor(anyUrl()));
    }

    static LoggedRequest onlyRequest(WireMockServer wm) {
        List<LoggedRequest> all = requests(wm);
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    static final String TASK_JSON = "{\"id\":\"task-1\",\"displayName\":\"Approve access\",\"status\":\"pending\","
            + "\"assigneeId\":\"u1\",\"groupsIds\":[\"g1\"],\"variables\":{\"a\":1},"
            + "\"meta\":{\"revision\":2,\"created\":\"2021-02-25T20:49:09.170Z\",\"resourceType\":\"Task\"},"
            + "\"flow\":{\"flowKey\":\"fk\",\"flowInstanceKey\":\"fik\",\"flowExternalId\":\"fe\"}}";

    static final String FLOW_JSON = "{\"id\":\"flow-1\",\"displayName\":\"Onboarding\",\"status\":\"running\","
            + "\"startedAt\":\"2021-02-25T20:49:09.170Z\",\"StatusExplanations\":[\"ok\"],"
            + "\"flow\":{\"id\":\"f\",\"displayName\":\"F\",\"externalId\":\"fx\",\"version\":2}}";
}
