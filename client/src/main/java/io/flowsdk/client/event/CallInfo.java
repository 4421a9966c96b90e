package io.flowsdk.client.event;

import java.util.Objects;

/**
 * One call as listeners see it: the same value in every event of the call.
 *
 * <p>A call is one operation of the SDK ({@code client.tasks().complete(id, ...)}) with all its
 * attempts; the token request of client credentials is a call too ({@code oauth2.token}).
 *
 * @param callId        a number that tells this call from every other call in this JVM, to correlate the
 *                      events of one call; it is never sent anywhere
 * @param operation     the operation, for example {@code tasks.get}, {@code tasks.complete},
 *                      {@code tasks.list}, {@code flows.cancel} or {@code oauth2.token}
 * @param method        the HTTP method, {@code GET} or {@code POST}
 * @param pathTemplate  the path below the base URL with its placeholders, for example
 *                      {@code /flows/tasks/{id}/.complete}; for the token request {@code /oauth2/token}
 *                      (whatever the token URL's path is)
 * @param serverAddress the host the call goes to (the base URL's, or the token URL's for {@code oauth2.token})
 * @param serverPort    the port the call goes to
 * @param iterationId   the {@link IterationStarted#iterationId() iteration} this call fetches a page for,
 *                      or 0 when it is not part of an iteration
 */
public record CallInfo(long callId, String operation, String method, String pathTemplate, String serverAddress,
                       int serverPort, long iterationId) {
    /**
     * Checks the components.
     *
     * @param callId        see the record's description
     * @param operation     see the record's description
     * @param method        see the record's description
     * @param pathTemplate  see the record's description
     * @param serverAddress see the record's description
     * @param serverPort    see the record's description
     * @param iterationId   see the record's description
     */
    public CallInfo {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(serverAddress, "serverAddress");
    }

    /** {@return whether this call fetches a page of an iteration (its {@link #iterationId()} is not 0)} */
    public boolean isPage() {
        return iterationId != 0;
    }
}
