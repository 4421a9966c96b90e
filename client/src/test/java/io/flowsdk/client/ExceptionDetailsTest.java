package io.flowsdk.client;

import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.internal.http.RetryDecision;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.testing.VirtualTime;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.flowsdk.client.WireMockSupport.json;
import static io.flowsdk.client.WireMockSupport.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an exception tells: messages that do not repeat themselves, the response headers and the
 * server's request id, isRetryable() in agreement with what the client retries, and a clear
 * error for an iterator shared by two threads.
 */
class ExceptionDetailsTest extends WireMockTestBase {

    @Test
    void theStatusTextIsNotRepeatedByTheMessage() {
        wm.stubFor(get(anyUrl()).willReturn(json(503,
                "{\"code\":503,\"message\":\"Service Unavailable: backend down\",\"status\":\"Service Unavailable\"}")));
        ServerException e = assertThrows(ServerException.class, () -> client.tasks().get("t-1"));
        assertEquals("GET /api/v1/flows/tasks/t-1 -> 503 Service Unavailable: backend down", e.getMessage());
        assertEquals("Service Unavailable: backend down", e.errorMessage(), "the body's message is kept as sent");
    }

    @Test
    void aMessageThatIsOnlyTheStatusTextAddsNothing() {
        wm.stubFor(get(anyUrl()).willReturn(json(404, "{\"code\":\"404\",\"message\":\"Not Found\"}")));
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.tasks().get("t-1"));
        assertEquals("GET /api/v1/flows/tasks/t-1 -> 404 Not Found", e.getMessage());
    }

    @Test
    void aCodeOtherThanTheStatusIsShown() {
        wm.stubFor(get(anyUrl()).willReturn(json(404, "{\"code\":\"E_NO_TASK\",\"message\":\"no such task\"}")));
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.tasks().get("t-1"));
        assertEquals("GET /api/v1/flows/tasks/t-1 -> 404 Not Found: no such task (code E_NO_TASK)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Request-Id", "x-correlation-id", "Request-Id", "X-Amzn-RequestId", "X-Trace-Id"})
    void theRequestIdAndTheHeadersAreKept(String header) {
        wm.stubFor(get(anyUrl()).willReturn(json(404, "{\"message\":\"no such task\"}")
                .withHeader(header, "req-7f3a").withHeader("X-RateLimit-Remaining", "17")));
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.tasks().get("t-1"));
        assertEquals("req-7f3a", e.requestId());
        assertTrue(e.getMessage().endsWith("(request id req-7f3a)"), e.getMessage());
        assertEquals(List.of("17"), e.responseHeaders().get("x-ratelimit-remaining"), "names in lower case");
        assertThrows(UnsupportedOperationException.class, () -> e.responseHeaders().put("x", List.of()));
    }

    @Test
    void withoutARequestIdHeaderThereIsNone() {
        wm.stubFor(get(anyUrl()).willReturn(json(404, "{}")));
        assertNull(assertThrows(NotFoundException.class, () -> client.tasks().get("t-1")).requestId());
    }

    @Test
    void anEchoedTokenIsMaskedInTheKeptHeaders() {
        wm.stubFor(get(anyUrl()).willReturn(json(400, "{}").withHeader("X-Echo", "Bearer " + WireMockSupport.TOKEN)));
        FlowsApiException e = assertThrows(FlowsApiException.class, () -> client.tasks().get("t-1"));
        assertFalse(e.responseHeaders().toString().contains(WireMockSupport.TOKEN));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 429, 500, 502, 503, 504})
    void isRetryableAgreesWithWhatTheClientRetries(int status) {
        wm.stubFor(any(anyUrl()).willReturn(json(status, "{}")));
        VirtualTime time = VirtualTime.auto();
        try (FlowsClient c = WireMockSupport.builder(wm).retryPolicy(RetryPolicy.defaults()).clock(time).build()) {
            FlowsApiException onGet = assertThrows(FlowsApiException.class, () -> c.tasks().get("t-1"));
            int getRequests = requests(wm).size();
            wm.resetRequests();
            FlowsApiException onPost = assertThrows(FlowsApiException.class, () -> c.tasks().cancel("t-1"));
            int postRequests = requests(wm).size();
            assertEquals(RetryDecision.isRetryableStatus(status, true), onGet.isRetryable());
            assertEquals(RetryDecision.isRetryableStatus(status, false), onPost.isRetryable());
            assertEquals(onGet.isRetryable(), getRequests == 3, "a GET was retried exactly when it is retryable");
            assertEquals(onPost.isRetryable(), postRequests == 3, "a POST was retried exactly when it is retryable");
        }
    }

    @Test
    void transportFailuresAreRetryableOnlyWhenRepeatingIsSafe() {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        FlowsTransportException onGet = assertThrows(FlowsTransportException.class, () -> client.tasks().get("t-1"));
        FlowsTransportException onPost = assertThrows(FlowsTransportException.class, () -> client.tasks().cancel("t-1"));
        assertTrue(onGet.isRetryable(), "a GET may be sent again");
        assertFalse(onPost.isRetryable(), "a POST that reached the server may not");
    }

    @Test
    void malformedAnswersAreNotRetryable() {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html>")));
        assertFalse(assertThrows(MalformedResponseException.class, () -> client.tasks().get("t-1")).isRetryable());
        assertFalse(new FlowsException("x").isRetryable());
    }

    @Test
    void anIteratorUsedByTwoThreadsAtOnceSaysSo() throws Exception {
        // the first page arrives only when the test says so: one thread is inside hasNext() meanwhile
        wm.stubFor(get(anyUrl()).willReturn(json("{\"totalResults\":1,\"Resources\":[{\"id\":\"t-1\"}]}")
                .withFixedDelay(1_500)));
        Iterator<Task> shared = client.tasks().list().iterator();
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> {
            inside.countDown();
            return shared.hasNext();
        });
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (requests(wm).isEmpty() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        ConcurrentModificationException e = assertThrows(ConcurrentModificationException.class, shared::hasNext);
        assertTrue(e.getMessage().contains("one thread at a time"), e.getMessage());
        assertTrue(first.get(10, TimeUnit.SECONDS), "the thread that owns the iteration goes on undisturbed");
        assertEquals("t-1", shared.next().getId(), "and the iterator can be handed over once it is free");
    }

    @Test
    void aPageTellsWhetherTheTotalWasSent() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"Resources\":[{\"id\":\"t-1\"},{\"id\":\"t-2\"}]}")));
        Page<Task> p = client.tasks().list().firstPage();
        assertTrue(p.total().isEmpty());
        assertFalse(p.totalKnown());
        assertEquals(2, p.totalResults(), "a lower bound when the server sent none");
        wm.stubFor(get(anyUrl()).willReturn(json("{\"totalResults\":40,\"Resources\":[{\"id\":\"t-1\"}]}")));
        Page<Task> q = client.tasks().list().firstPage();
        assertEquals(40, q.total().orElseThrow());
        assertTrue(q.totalKnown());
    }

    @Test
    void pageSizeHasAnUpperBound() {
        wm.stubFor(get(anyUrl()).willReturn(json("{\"totalResults\":0,\"Resources\":[]}")));
        client.tasks().list().pageSize(Query.MAX_PAGE_SIZE).firstPage();
        assertEquals(String.valueOf(Query.MAX_PAGE_SIZE), requests(wm).get(0).queryParameter("count").firstValue());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.tasks().list().pageSize(Query.MAX_PAGE_SIZE + 1));
        assertTrue(e.getMessage().contains("pageSize"), e.getMessage());
        assertEquals(1, requests(wm).size(), "refused before anything is sent");
    }
}
