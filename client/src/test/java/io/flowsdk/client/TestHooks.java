package io.flowsdk.client;

import io.flowsdk.client.internal.Pipeline;

import java.time.Clock;
import java.util.function.DoubleSupplier;

/** Opens the package-private test hooks of {@link FlowsClient.Builder} to tests in other packages. */
public final class TestHooks {
    private TestHooks() {
    }

    public static FlowsClient.Builder sleeper(FlowsClient.Builder b, Pipeline.Sleeper sleeper) {
        return b.sleeper(sleeper);
    }

    public static FlowsClient.Builder clock(FlowsClient.Builder b, Clock clock) {
        return b.clock(clock);
    }

    public static FlowsClient.Builder random(FlowsClient.Builder b, DoubleSupplier random) {
        return b.random(random);
    }

    public static int connectionCount(FlowsClient client) {
        return client.connectionCount();
    }
}
