package io.flowsdk.bench;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.model.Task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * What client credentials cost per call once the token is cached: {@code client.tasks().get(id)}
 * with {@code clientCredentials(id, secret)} against the same call with {@code bearerToken(token)},
 * both clients on the same loopback server, which also answers the token endpoint at the default
 * token URL (origin + {@code /oauth2/token}) with a token valid for an hour. The setup makes one call
 * with each client, so the token is fetched before any measured call; the teardown checks that it
 * was fetched exactly once, i.e. that every measured call took the cached token. Run in alternating
 * rounds by {@link PairedRatio} ({@code cc-jdk}, {@code cc-canned}).
 */
final class ClientCredentialsOverhead {
    private static final String ID = TaskJson.id(42);

    private final AutoCloseable running;
    private final IntSupplier tokenRequests;
    private final FlowsClient bearer;
    private final FlowsClient credentials;

    /** @param server {@code jdk} (the JDK's HttpServer) or {@code canned} ({@link CannedServer}) */
    ClientCredentialsOverhead(String server) throws IOException {
        String baseUrl;
        if (server.equals("jdk")) {
            LoopbackServer s = new LoopbackServer(0, 0, true);
            baseUrl = s.baseUrl();
            running = s;
            tokenRequests = s.tokenRequests::get;
        } else {
            CannedServer s = new CannedServer(TaskJson.task(42).getBytes(StandardCharsets.UTF_8),
                    LoopbackServer.TOKEN_ANSWER.getBytes(StandardCharsets.UTF_8));
            baseUrl = s.baseUrl();
            running = s;
            tokenRequests = s.tokenRequests::get;
        }
        bearer = FlowsClient.builder().baseUrl(baseUrl).bearerToken(LoopbackServer.TOKEN).build();
        credentials = FlowsClient.builder().baseUrl(baseUrl).clientCredentials("bench-client", "bench-secret-42")
                .build();
        if (!ID.equals(bearerGet().getId()) || !ID.equals(credentialsGet().getId())) {
            throw new IllegalStateException("the two variants do not read the same task");
        }
        checkOneToken();
    }

    Task bearerGet() {
        return bearer.tasks().get(ID);
    }

    Task credentialsGet() {
        return credentials.tasks().get(ID);
    }

    private void checkOneToken() {
        if (tokenRequests.getAsInt() != 1) {
            throw new IllegalStateException("expected one token request, the server answered " + tokenRequests.getAsInt());
        }
    }

    void tearDown() throws Exception {
        checkOneToken();
        bearer.close();
        credentials.close();
        running.close();
    }
}
