package io.flowsdk.client.startup;

import io.flowsdk.client.FlowsClient;

import java.util.function.Function;

/** What {@link ColdPathTest} runs in a fresh class loader: build a client, get one task, close. */
public final class BlockingGetProbe implements Function<String, String> {
    @Override
    public String apply(String baseUrl) {
        try (FlowsClient client = FlowsClient.builder().baseUrl(baseUrl).bearerToken("cold-token").build()) {
            return client.tasks().get("t-1").getId();
        }
    }
}
