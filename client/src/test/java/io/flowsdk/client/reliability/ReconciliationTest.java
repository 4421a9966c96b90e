package io.flowsdk.client.reliability;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.error.BadRequestException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.testing.VirtualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A complete or cancel whose answer is lost after the server read the request (the socket closes
 * without an answer) is reconciled by reading the task: success when its state shows the change,
 * the original failure otherwise. The POST is never sent twice.
 */
class ReconciliationTest {
    private static final String POST_COMPLETE = "POST /api/v1/flows/tasks/t-1/.complete HTTP/1.1";
    private static final String POST_CANCEL = "POST /api/v1/flows/tasks/t-1/.cancel HTTP/1.1";
    private static final String GET = "GET /api/v1/flows/tasks/t-1 HTTP/1.1";

    private static String ok(String json) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length()
                + "\r\nConnection: close\r\n\r\n" + json;
    }

    private static String task(String status, String variables) {
        return ok("{\"id\":\"t-1\",\"status\":\"" + status + "\"" + (variables == null ? "" : ",\"variables\":" + variables)
                + "}");
    }

    /** The first request is read and the connection closed without an answer; later ones get {@code then}. */
    private static IntFunction<String> lostThen(String then) {
        return n -> n == 0 ? "" : then;
    }

    private static FlowsClient client(RawServer raw, RetryPolicy policy) {
        return Support.builder("http://127.0.0.1:" + raw.port() + "/api/v1", Duration.ofSeconds(5), policy,
                VirtualTime.auto(), null).build();
    }

    @Test
    void aLostCompleteIsConfirmedByReadingTheTask() throws Exception {
        try (RawServer raw = new RawServer(lostThen(task("completed", "{\"approved\":true,\"older\":1}")));
             FlowsClient c = client(raw, RetryPolicy.defaults())) {
            Task t = c.tasks().complete("t-1", Map.of("approved", true));
            assertEquals("completed", t.getStatus());
            assertEquals(List.of(POST_COMPLETE, GET), raw.requestLines, "the POST once, then one read");
        }
    }

    @Test
    void numbersCompareByValueWhenTheVariablesAreChecked() throws Exception {
        try (RawServer raw = new RawServer(lostThen(task("completed", "{\"amount\":1.50,\"n\":2}")));
             FlowsClient c = client(raw, RetryPolicy.none())) {
            assertEquals("completed", c.tasks().complete("t-1", Map.of("amount", 1.5, "n", 2L)).getStatus());
        }
    }

    @Test
    void aTaskStillPendingMeansTheCompleteWasNotAppliedAndTheFailureStands() throws Exception {
        try (RawServer raw = new RawServer(lostThen(task("pending", null)));
             FlowsClient c = client(raw, RetryPolicy.defaults())) {
            FlowsTransportException e = assertThrows(FlowsTransportException.class,
                    () -> c.tasks().complete("t-1", Map.of("approved", true)));
            assertEquals(1, e.getSuppressed().length);
            assertTrue(e.getSuppressed()[0].getMessage().contains("status pending"), e.getSuppressed()[0].getMessage());
            assertEquals(List.of(POST_COMPLETE, GET), raw.requestLines);
        }
    }

    @Test
    void aTaskCompletedWithOtherVariablesIsNotThisCompletion() throws Exception {
        try (RawServer raw = new RawServer(lostThen(task("completed", "{\"approved\":false}")));
             FlowsClient c = client(raw, RetryPolicy.none())) {
            assertThrows(FlowsTransportException.class, () -> c.tasks().complete("t-1", Map.of("approved", true)));
        }
        try (RawServer raw = new RawServer(lostThen(task("canceled", null)));
             FlowsClient c = client(raw, RetryPolicy.none())) {
            assertThrows(FlowsTransportException.class, () -> c.tasks().complete("t-1"), "canceled is not completed");
        }
    }

    @Test
    void aLostCancelIsConfirmedByReadingTheTask() throws Exception {
        try (RawServer raw = new RawServer(lostThen(task("canceled", null)));
             FlowsClient c = client(raw, RetryPolicy.defaults())) {
            assertEquals("canceled", c.tasks().cancel("t-1").getStatus());
            assertEquals(List.of(POST_CANCEL, GET), raw.requestLines);
        }
        try (RawServer raw = new RawServer(lostThen(task("completed", null)));
             FlowsClient c = client(raw, RetryPolicy.defaults())) {
            assertThrows(FlowsTransportException.class, () -> c.tasks().cancel("t-1"));
        }
    }

    @Test
    void whenTheReadFailsTooTheOriginalFailureStandsWithTheReadsFailureSuppressed() throws Exception {
        try (RawServer raw = new RawServer(n -> "");
             FlowsClient c = client(raw, RetryPolicy.none())) {
            FlowsTransportException e = assertThrows(FlowsTransportException.class, () -> c.tasks().cancel("t-1"));
            assertEquals("POST", e.method());
            assertInstanceOf(FlowsTransportException.class, e.getSuppressed()[0]);
            assertEquals("GET", ((FlowsTransportException) e.getSuppressed()[0]).method());
        }
    }

    @Test
    void theAsyncFormsReconcileTheSameWay() throws Exception {
        try (RawServer raw = new RawServer(lostThen(task("completed", "{\"approved\":true}")));
             FlowsClient c = client(raw, RetryPolicy.defaults())) {
            Task t = c.tasks().completeAsync("t-1", Map.of("approved", true)).get(10, TimeUnit.SECONDS);
            assertEquals("completed", t.getStatus());
            assertEquals(List.of(POST_COMPLETE, GET), raw.requestLines);
        }
        try (RawServer raw = new RawServer(lostThen(task("canceled", null)));
             FlowsClient c = client(raw, RetryPolicy.defaults())) {
            assertEquals("canceled", c.tasks().cancelAsync("t-1").get(10, TimeUnit.SECONDS).getStatus());
        }
        try (RawServer raw = new RawServer(lostThen(task("pending", null)));
             FlowsClient c = client(raw, RetryPolicy.defaults())) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> c.tasks().cancelAsync("t-1").get(10, TimeUnit.SECONDS));
            assertInstanceOf(FlowsTransportException.class, e.getCause());
            assertTrue(e.getCause().getSuppressed()[0].getMessage().contains("status pending"));
        }
    }

    @Test
    void anAnswerIsNeverReconciled() throws Exception {
        String alreadyDone = "{\"code\":400,\"message\":\"cannot complete task t-1: it is already completed\"}";
        String bad = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: "
                + alreadyDone.length() + "\r\nConnection: close\r\n\r\n" + alreadyDone;
        try (RawServer raw = new RawServer(n -> bad);
             FlowsClient c = client(raw, RetryPolicy.defaults())) {
            assertThrows(BadRequestException.class, () -> c.tasks().complete("t-1"));
            assertEquals(List.of(POST_COMPLETE), raw.requestLines, "the server said what happened: no read");
        }
    }

    @Test
    void aConnectionThatFailedBeforeSendingIsNotReconciled() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FlowsClient c = Support.builder("http://127.0.0.1:" + port + "/api/v1", Duration.ofSeconds(5),
                RetryPolicy.none(), VirtualTime.auto(), null).build()) {
            FlowsException e = assertThrows(FlowsTransportException.class, () -> c.tasks().complete("t-1"));
            assertTrue(e.isRetryable(), "never sent");
            assertEquals(0, e.getSuppressed().length, "nothing to reconcile: no read was made");
        }
    }
}
