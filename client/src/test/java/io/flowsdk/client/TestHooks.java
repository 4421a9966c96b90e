package io.flowsdk.client;

import java.util.function.DoubleSupplier;

/** Opens the package-private test hooks of {@link FlowsClient.Builder} to tests in other packages. */
public final class TestHooks {
    private TestHooks() {
    }

    public static FlowsClient.Builder random(FlowsClient.Builder b, DoubleSupplier random) {
        return b.random(random);
    }

    public static int connectionCount(FlowsClient client) {
        return client.connectionCount();
    }

    public static int attemptsInFlight(FlowsClient client) {
        return client.attemptsInFlight();
    }
}
