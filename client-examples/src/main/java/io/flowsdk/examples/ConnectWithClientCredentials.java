package io.flowsdk.examples;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;
import io.flowsdk.testkit.Endpoint;
import io.flowsdk.testkit.FlowsStub;
import io.flowsdk.testkit.Seeds;

/**
 * Connects the way a service account does: with the client id and secret of its
 * machine-to-machine integration (OAuth 2.0 client credentials). The client fetches an access
 * token at the token endpoint on its first call, caches it, and sends it with every call after;
 * it refreshes it ahead of its expiry by itself.
 *
 * <p>Here the token endpoint is the embedded {@link FlowsStub}'s ({@code POST /oauth2/token} at
 * its origin, which is where a client looks by default), with a client registered for the
 * example; the stub counts the token requests it receives. Against a real tenant, the same three
 * lines take the tenant's API root and the integration's id and secret, or
 * {@code FlowsClient.fromEnvironment()} reads them from {@code FLOWS_BASE_URL},
 * {@code FLOWS_CLIENT_ID} and {@code FLOWS_CLIENT_SECRET}.
 */
public final class ConnectWithClientCredentials {
    /** The integration's client id, registered at the stub. */
    static final String CLIENT_ID = "approvals-bot";
    /** Its secret; in real code it comes from a secret store or the environment, never the source. */
    private static final String CLIENT_SECRET = "example-secret";

    private ConnectWithClientCredentials() {
    }

    /**
     * Runs the example against its own embedded stub.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        try (FlowsStub stub = new FlowsStub()) {
            stub.seed(Seeds.realistic(3, 40, 42));
            stub.registerClient(CLIENT_ID, CLIENT_SECRET, "read", "write");

            try (FlowsClient client = FlowsClient.builder()
                    .baseUrl(stub.baseUrl())                          // https://<tenant>/api/v1 for real
                    .clientCredentials(CLIENT_ID, CLIENT_SECRET, "read", "write")
                    .build()) {
                System.out.println("client: " + client);              // never shows the secret

                int calls = 0;
                long all = client.tasks().list().count();
                calls++;
                long pending = client.tasks().list().filter(Filter.eq("status", "pending")).count();
                calls++;
                Task first = client.tasks().list().pageSize(1).firstPage().items().get(0);
                calls++;
                Task again = client.tasks().get(first.getId());
                calls++;
                long flows = client.flows().list().count();
                calls++;
                System.out.printf("%d tasks (%d pending) in %d flows; task %s is %s%n", all, pending, flows,
                        again.getId(), again.getStatus());

                int tokenRequests = stub.requestCount(Endpoint.TOKEN);
                System.out.printf("token requests: %d for %d API calls%n", tokenRequests, calls);
                System.out.println("every API request carried that token: "
                        + stub.requests().stream().filter(r -> r.endpoint() != Endpoint.TOKEN)
                        .allMatch(r -> r.header("Authorization") != null
                                && r.header("Authorization").startsWith("Bearer ")));
            }
        }
    }
}
