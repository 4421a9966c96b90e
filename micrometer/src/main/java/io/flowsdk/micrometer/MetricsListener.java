package io.flowsdk.micrometer;

import io.flowsdk.client.FlowsListener;
import io.flowsdk.client.event.AttemptEnded;
import io.flowsdk.client.event.CallEnded;
import io.flowsdk.client.event.IterationEnded;
import io.flowsdk.client.event.PageFetched;
import io.flowsdk.client.event.PartialResult;
import io.flowsdk.client.event.RetryScheduled;
import io.flowsdk.client.event.TokenFetchFailed;
import io.flowsdk.client.event.TokenFetched;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The listener behind {@link FlowsMetrics}: one meter update per event. The meter providers are
 * built once; each event only looks its meter up by tags (the registry keeps one meter per set of
 * tags). Stateless otherwise, so thread-safe.
 */
final class MetricsListener implements FlowsListener {
    private static final String[] STATUS = new String[600];

    static {
        for (int i = 0; i < STATUS.length; i++) {
            STATUS[i] = Integer.toString(i);
        }
        STATUS[0] = "NONE";
    }

    private final Meter.MeterProvider<Timer> requests;
    private final Meter.MeterProvider<Timer> attempts;
    private final Meter.MeterProvider<Counter> retries;
    private final Meter.MeterProvider<Counter> rateLimited;
    private final Meter.MeterProvider<Counter> pages;
    private final Meter.MeterProvider<Timer> iterations;
    private final Meter.MeterProvider<DistributionSummary> iterationItems;
    private final Meter.MeterProvider<Counter> tokenRefreshes;
    private final Meter.MeterProvider<Counter> partialResults;

    MetricsListener(MeterRegistry registry, Tags common) {
        requests = Timer.builder(FlowsMetrics.REQUESTS).tags(common)
                .description("Calls of the Flows API, retries and waits included").withRegistry(registry);
        attempts = Timer.builder(FlowsMetrics.ATTEMPTS).tags(common)
                .description("Requests sent to the Flows API, one per attempt").withRegistry(registry);
        retries = Counter.builder(FlowsMetrics.RETRIES).tags(common)
                .description("Retries scheduled after a failed attempt").withRegistry(registry);
        rateLimited = Counter.builder(FlowsMetrics.RATE_LIMITED).tags(common)
                .description("Answers 429 Too Many Requests").withRegistry(registry);
        pages = Counter.builder(FlowsMetrics.PAGES).tags(common)
                .description("Pages taken in by iterations over lists").withRegistry(registry);
        iterations = Timer.builder(FlowsMetrics.ITERATIONS).tags(common)
                .description("Iterations over lists, from the first request to the end").withRegistry(registry);
        iterationItems = DistributionSummary.builder(FlowsMetrics.ITERATION_ITEMS).tags(common).baseUnit("items")
                .description("Items brought by one iteration").withRegistry(registry);
        tokenRefreshes = Counter.builder(FlowsMetrics.TOKEN_REFRESHES).tags(common)
                .description("Access token requests (client credentials)").withRegistry(registry);
        partialResults = Counter.builder(FlowsMetrics.PARTIAL_RESULTS).tags(common)
                .description("Calls that succeeded in part (a flow cancel answered 207)").withRegistry(registry);
    }

    static String status(int code) {
        return code >= 0 && code < STATUS.length ? STATUS[code] : Integer.toString(code);
    }

    @Override
    public void callEnded(CallEnded e) {
        requests.withTags("operation", e.call().operation(), "method", e.call().method(),
                "status", status(e.statusCode()), "outcome", e.outcome().name()).record(e.duration());
    }

    @Override
    public void attemptEnded(AttemptEnded e) {
        attempts.withTags("operation", e.call().operation(), "method", e.call().method(),
                "status", status(e.statusCode()), "outcome", e.outcome().name()).record(e.duration());
        if (e.statusCode() == 429) {
            rateLimited.withTags("operation", e.call().operation()).increment();
        }
    }

    @Override
    public void retryScheduled(RetryScheduled e) {
        retries.withTags("operation", e.call().operation(), "reason", e.reason().name()).increment();
    }

    @Override
    public void pageFetched(PageFetched e) {
        pages.withTags("operation", e.operation()).increment();
    }

    @Override
    public void iterationEnded(IterationEnded e) {
        String outcome = e.outcome().name();
        iterations.withTags("operation", e.operation(), "outcome", outcome).record(e.duration());
        iterationItems.withTags("operation", e.operation(), "outcome", outcome).record(e.items());
    }

    @Override
    public void tokenFetched(TokenFetched e) {
        tokenRefreshes.withTags("reason", e.reason().name(), "outcome", "SUCCESS").increment();
    }

    @Override
    public void tokenFetchFailed(TokenFetchFailed e) {
        tokenRefreshes.withTags("reason", e.reason().name(), "outcome", "FAILURE").increment();
    }

    @Override
    public void partialResult(PartialResult e) {
        partialResults.withTags("operation", e.operation()).increment();
    }

    @Override
    public String toString() {
        return "FlowsMetrics listener";
    }
}
