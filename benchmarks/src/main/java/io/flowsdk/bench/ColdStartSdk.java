package io.flowsdk.bench;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.model.Task;

/**
 * B5, cold start, SDK side: a fresh JVM builds a client, gets one task and prints
 * {@code OK <id>}. {@link FootprintBenchmark} launches it and times JVM start to that line.
 */
public final class ColdStartSdk {
    private ColdStartSdk() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        try (FlowsClient client = FlowsClient.builder().baseUrl(args[0]).bearerToken(LoopbackServer.TOKEN).build()) {
            Task task = client.tasks().get(TaskJson.id(42));
            long took = System.nanoTime() - start;
            System.out.println("OK " + task.getId());
            System.out.println("MAIN " + took); // main's own part: JVM start-up left out
            System.out.flush();
        }
    }
}
