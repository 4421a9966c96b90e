package io.flowsdk.examples;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.Seeds;

/**
 * Where the examples get a client from. With {@code FLOWS_BASE_URL} and {@code FLOWS_TOKEN} set,
 * they talk to that API; otherwise they start an embedded {@link FlowsStub} (a stateful fake of
 * the API on a random loopback port) seeded with realistic data, so every example runs anywhere.
 */
final class Examples implements AutoCloseable {
    private final FlowsStub stub;
    private final FlowsClient client;

    private Examples(FlowsStub stub, FlowsClient client) {
        this.stub = stub;
        this.client = client;
    }

    static Examples connect() {
        String baseUrl = System.getenv("FLOWS_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            FlowsClient client = FlowsClient.builder()
                    .baseUrl(baseUrl)
                    .tokenProvider(() -> System.getenv("FLOWS_TOKEN"))
                    .userAgent("flows-examples")
                    .build();
            return new Examples(null, client);
        }
        FlowsStub stub = new FlowsStub();
        stub.seed(Seeds.realistic(3, 40, 42));
        return new Examples(stub, stub.client());
    }

    FlowsClient client() {
        return client;
    }

    /** @return the embedded stub, or null when talking to a real API */
    FlowsStub stub() {
        return stub;
    }

    @Override
    public void close() {
        client.close();
        if (stub != null) {
            stub.close();
        }
    }
}
