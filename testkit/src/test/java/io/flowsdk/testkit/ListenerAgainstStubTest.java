package io.flowsdk.testkit;

import io.flowsdk.client.FlowCancellation;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.FlowsListener;
import io.flowsdk.client.event.CallEnded;
import io.flowsdk.client.event.CallStarted;
import io.flowsdk.client.event.IterationEnded;
import io.flowsdk.client.event.Outcome;
import io.flowsdk.client.event.PageFetched;
import io.flowsdk.client.event.PartialResult;
import io.flowsdk.client.event.RetryReason;
import io.flowsdk.client.event.RetryScheduled;
import io.flowsdk.client.event.TokenFetchReason;
import io.flowsdk.client.event.TokenFetched;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listener events of a client the stub hands out: token lifetimes on the stub's clock, faults, 207, paging. */
class ListenerAgainstStubTest {
    private final FlowsStub stub = new FlowsStub();
    private final List<Object> events = new CopyOnWriteArrayList<>();

    {
        stub.clock().set(java.time.Instant.parse("2026-01-01T00:00:00Z")); // frozen: retry waits move it, no sleep
    }
    private final FlowsListener recorder = new FlowsListener() {
        @Override
        public void callStarted(CallStarted e) {
            events.add(e);
        }

        @Override
        public void retryScheduled(RetryScheduled e) {
            events.add(e);
        }

        @Override
        public void callEnded(CallEnded e) {
            events.add(e);
        }

        @Override
        public void tokenFetched(TokenFetched e) {
            events.add(e);
        }

        @Override
        public void pageFetched(PageFetched e) {
            events.add(e);
        }

        @Override
        public void iterationEnded(IterationEnded e) {
            events.add(e);
        }

        @Override
        public void partialResult(PartialResult e) {
            events.add(e);
        }
    };

    @AfterEach
    void close() {
        stub.close();
    }

    private <E> List<E> of(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    @Test
    void tokenFetchesFollowTheStubsClock() {
        String id = stub.addTask(new Task().displayName("Approve")).getId();
        stub.tokenLifetime(Duration.ofMinutes(10));
        FlowsClient client = stub.clientWithCredentials(b -> b.listener(recorder));
        client.tasks().get(id);
        stub.clock().advance(Duration.ofMinutes(11));
        client.tasks().get(id);
        stub.revokeTokens();
        client.tasks().get(id);

        assertEquals(List.of(TokenFetchReason.INITIAL, TokenFetchReason.EXPIRED, TokenFetchReason.REJECTED),
                of(TokenFetched.class).stream().map(TokenFetched::reason).collect(Collectors.toList()));
        assertTrue(of(TokenFetched.class).stream().allMatch(t -> t.lifetime().equals(Duration.ofMinutes(10))));
        assertEquals(3, stub.requestCount(Endpoint.TOKEN));
        assertEquals(3, of(CallStarted.class).stream().filter(c -> c.call().operation().equals("oauth2.token")).count(),
                "one token call per token request");
        assertEquals(RetryReason.UNAUTHORIZED, of(RetryScheduled.class).get(0).reason());
    }

    @Test
    void injectedFaultsAreRetriesAndFailures() {
        String id = stub.addTask(new Task().displayName("Approve")).getId();
        stub.inject(Endpoint.GET_TASK, Fault.rateLimited(2));
        stub.inject(Endpoint.GET_TASK, Fault.connectionReset());
        FlowsClient client = stub.client(b -> b.listener(recorder));
        client.tasks().get(id);

        List<RetryScheduled> retries = of(RetryScheduled.class);
        assertEquals(List.of(RetryReason.RATE_LIMITED, RetryReason.IO_ERROR),
                retries.stream().map(RetryScheduled::reason).collect(Collectors.toList()));
        assertEquals(Duration.ofSeconds(2), retries.get(0).delay());
        assertTrue(retries.get(0).fromRetryAfter());
        CallEnded end = of(CallEnded.class).get(0);
        assertEquals(3, end.attempts());
        assertEquals(Outcome.SUCCESS, end.outcome());
        assertEquals(3, stub.requestCount(Endpoint.GET_TASK));
    }

    @Test
    void aPartialFlowCancelAndAnIteration() {
        FlowInstance flow = stub.addFlow(new FlowInstance().displayName("Onboarding"));
        for (int i = 0; i < 7; i++) {
            stub.addTask(new Task().displayName("Task " + i));
        }
        stub.failJobCancellation(flow.getId(), "job-provisioning");
        FlowsClient client = stub.client(b -> b.listener(recorder));
        FlowCancellation c = client.flows().cancel(flow.getId());
        assertEquals(7, client.tasks().list().pageSize(3).toList().size());

        PartialResult partial = of(PartialResult.class).get(0);
        assertEquals(c.statusCode(), partial.statusCode());
        assertEquals(c.notCanceledJobs().size(), partial.failed());
        assertEquals(c.canceledJobs().size(), partial.succeeded());
        assertEquals(List.of(3, 3, 1), of(PageFetched.class).stream().map(PageFetched::items)
                .collect(Collectors.toList()));
        IterationEnded end = of(IterationEnded.class).get(0);
        assertEquals(7, end.items());
        assertEquals(3, end.pages());
        assertEquals(Outcome.SUCCESS, end.outcome());
    }
}
