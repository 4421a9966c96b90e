package io.flowsdk.micrometer;

import io.flowsdk.client.FlowsListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

import java.util.Objects;

/**
 * Records what a {@code FlowsClient} does in a Micrometer {@link MeterRegistry}: add the
 * listener {@link #bind(MeterRegistry)} returns to the client's builder.
 *
 * <pre>{@code
 * FlowsClient client = FlowsClient.builder()
 *         .baseUrl("https://acme.example.com/api/v1")
 *         .bearerToken(token)
 *         .listener(FlowsMetrics.bind(registry))
 *         .build();
 * }</pre>
 *
 * <table>
 *   <caption>Meters (tag values are never ids: operations and path templates, not paths)</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #REQUESTS}</td><td>timer</td><td>operation, method, status, outcome</td>
 *       <td>one per call, retries and waits included</td></tr>
 *   <tr><td>{@value #ATTEMPTS}</td><td>timer</td><td>operation, method, status, outcome</td>
 *       <td>one per attempt (request sent)</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>operation, reason</td>
 *       <td>retries scheduled</td></tr>
 *   <tr><td>{@value #RATE_LIMITED}</td><td>counter</td><td>operation</td>
 *       <td>answers 429 Too Many Requests</td></tr>
 *   <tr><td>{@value #PAGES}</td><td>counter</td><td>operation</td><td>pages taken in by iterations</td></tr>
 *   <tr><td>{@value #ITERATIONS}</td><td>timer</td><td>operation, outcome</td><td>one per iteration</td></tr>
 *   <tr><td>{@value #ITERATION_ITEMS}</td><td>distribution summary</td><td>operation, outcome</td>
 *       <td>items per iteration</td></tr>
 *   <tr><td>{@value #TOKEN_REFRESHES}</td><td>counter</td><td>reason, outcome</td>
 *       <td>access token requests (client credentials)</td></tr>
 *   <tr><td>{@value #PARTIAL_RESULTS}</td><td>counter</td><td>operation</td>
 *       <td>partial successes (a flow cancel answered 207)</td></tr>
 * </table>
 *
 * <p>Tag values: {@code operation} as {@code tasks.get}, {@code tasks.complete}, {@code tasks.list},
 * {@code flows.cancel}, {@code oauth2.token} (the token request is a call like the others);
 * {@code method} {@code GET} or {@code POST}; {@code status} the HTTP status ({@code 200},
 * {@code 404}) or {@code NONE} when no answer came; {@code outcome} an
 * {@link io.flowsdk.client.event.Outcome} name ({@code SUCCESS}, {@code CLIENT_ERROR},
 * {@code SERVER_ERROR}, {@code RATE_LIMITED}, {@code TIMEOUT}, {@code IO_ERROR},
 * {@code CANCELLED}, ...; for token refreshes {@code SUCCESS} or {@code FAILURE}); {@code reason} a
 * {@link io.flowsdk.client.event.RetryReason} or {@link io.flowsdk.client.event.TokenFetchReason}
 * name. Every tag has a small, fixed set of values, so the number of time series stays bounded
 * whatever the traffic.
 */
public final class FlowsMetrics {
    /** Calls: a timer per operation, method, status and outcome. */
    public static final String REQUESTS = "flows.client.requests";
    /** Attempts (requests sent): a timer per operation, method, status and outcome. */
    public static final String ATTEMPTS = "flows.client.attempts";
    /** Retries scheduled: a counter per operation and reason. */
    public static final String RETRIES = "flows.client.retries";
    /** Answers 429: a counter per operation. */
    public static final String RATE_LIMITED = "flows.client.rate_limited";
    /** Pages taken in by iterations: a counter per operation. */
    public static final String PAGES = "flows.client.pages";
    /** Iterations: a timer per operation and outcome. */
    public static final String ITERATIONS = "flows.client.iterations";
    /** Items per iteration: a distribution summary per operation and outcome. */
    public static final String ITERATION_ITEMS = "flows.client.iteration.items";
    /** Access token requests: a counter per reason and outcome. */
    public static final String TOKEN_REFRESHES = "flows.client.token.refreshes";
    /** Partial successes: a counter per operation. */
    public static final String PARTIAL_RESULTS = "flows.client.partial_results";

    private FlowsMetrics() {
    }

    /**
     * A listener that records into {@code registry}.
     *
     * @param registry where the meters go
     * @return the listener; add it with {@code FlowsClient.Builder.listener(...)}
     */
    public static FlowsListener bind(MeterRegistry registry) {
        return bind(registry, Tags.empty());
    }

    /**
     * A listener that records into {@code registry}, with tags of your own on every meter, for
     * example to tell two clients apart ({@code Tags.of("client", "approvals")}).
     *
     * @param registry where the meters go
     * @param tags     added to every meter; keep their values few
     * @return the listener; add it with {@code FlowsClient.Builder.listener(...)}
     */
    public static FlowsListener bind(MeterRegistry registry, Iterable<Tag> tags) {
        return new MetricsListener(Objects.requireNonNull(registry, "registry"),
                Tags.of(Objects.requireNonNull(tags, "tags")));
    }
}
