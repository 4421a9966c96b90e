package io.flowsdk.client.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.TestHooks;
import io.flowsdk.client.testing.VirtualTime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** Shared fixtures of the reliability tests: the token, bodies and the secrets ledger. */
final class Support {
    /** Looks like a JWT; distinctive enough that any leak is found by a plain substring search. */
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.cmVsaWFiaWxpdHktc2VjcmV0.S3cr3tT0k3n-rel-4711";

    static final AtomicInteger FAULT_CASES = new AtomicInteger();
    static final AtomicInteger BAD_INPUT_CASES = new AtomicInteger();
    static final AtomicInteger REQUESTS_OBSERVED = new AtomicInteger();
    static final AtomicInteger DUPLICATE_POSTS = new AtomicInteger();
    static final AtomicInteger HANGS = new AtomicInteger();
    static final AtomicInteger EXCEPTIONS_CHECKED = new AtomicInteger();
    static final AtomicInteger LOG_LINES_CHECKED = new AtomicInteger();
    static final AtomicInteger LEAKS = new AtomicInteger();

    private Support() {
    }

    static WireMockServer startServer() {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(40)
                .notifier(new ConsoleNotifier(false)));
        server.start();
        return server;
    }

    static String baseUrl(WireMockServer server) {
        return "http://localhost:" + server.port() + "/api/v1";
    }

    static String task(String id) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"Approve " + id + "\",\"status\":\"pending\"}";
    }

    static String taskList(int from, int n, int total) {
        String items = IntStream.range(from, from + n).mapToObj(i -> task("t-" + i)).collect(Collectors.joining(","));
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":" + total
                + ",\"startIndex\":" + from + ",\"itemsPerPage\":" + n + ",\"Resources\":[" + items + "]}";
    }

    static String flowCancel() {
        return "{\"flowId\":\"f-1\",\"flowStatus\":\"canceled\",\"canceledJobs\":[\"j-1\"],\"notCanceledJobs\":[],"
                + "\"taskIds\":[\"t-1\"]}";
    }

    /** Collects the lines of {@code httpLogger}. */
    static final class LogSink {
        final Queue<String> lines = new ConcurrentLinkedQueue<>();

        void accept(String line) {
            lines.add(line);
        }
    }

    static FlowsClient.Builder builder(String baseUrl, Duration timeout, RetryPolicy policy, VirtualTime time,
                                       LogSink log) {
        FlowsClient.Builder b = FlowsClient.builder().baseUrl(baseUrl).bearerToken(TOKEN).timeout(timeout)
                .retryPolicy(policy);
        if (log != null) {
            b.httpLogger(log::accept);
        }
        return time == null ? b : b.clock(time);
    }

    /** Every message, toString() and cause (the whole printed stack trace) of {@code t} must be token-free. */
    static void assertNoToken(Throwable t) {
        EXCEPTIONS_CHECKED.incrementAndGet();
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        StringBuilder all = new StringBuilder(w.toString());
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append('\n').append(c).append('\n').append(c.getMessage());
            if (c instanceof io.flowsdk.client.error.FlowsApiException api) {
                all.append('\n').append(api.responseBody()).append(api.errorMessage());
            }
            if (c instanceof io.flowsdk.client.error.MalformedResponseException m) {
                all.append('\n').append(m.snippet());
            }
        }
        if (all.toString().contains(TOKEN)) {
            LEAKS.incrementAndGet();
            fail("the token leaked into an exception: " + t.getClass().getName());
        }
    }

    static void assertNoToken(LogSink log) {
        if (log == null) {
            return;
        }
        for (String line : log.lines) {
            LOG_LINES_CHECKED.incrementAndGet();
            if (line.contains(TOKEN)) {
                LEAKS.incrementAndGet();
                fail("the token leaked into a log line: " + line.replace(TOKEN, "<TOKEN>"));
            }
        }
    }

    static void assertNoToken(String what, String text) {
        if (text != null && text.contains(TOKEN)) {
            LEAKS.incrementAndGet();
        }
        assertFalse(text != null && text.contains(TOKEN), "the token leaked into " + what);
    }

    /**
     * An OkHttp client to pass to {@code FlowsClient.Builder.httpClient}: records the URL of every
     * call the SDK creates, at creation, whether it is then sent, cancelled or refused, so that a
     * test sees what the SDK asked for however the race with the server goes.
     */
    static okhttp3.OkHttpClient recordingCalls(java.util.Collection<okhttp3.HttpUrl> into) {
        return new okhttp3.OkHttpClient.Builder().eventListenerFactory(call -> {
            into.add(call.request().url());
            return okhttp3.EventListener.NONE;
        }).build();
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String figures() {
        return "faultCases=" + FAULT_CASES + " badInputs=" + BAD_INPUT_CASES + " requestsObserved="
                + REQUESTS_OBSERVED + " duplicatePosts=" + DUPLICATE_POSTS + " hangs=" + HANGS
                + " exceptionsChecked=" + EXCEPTIONS_CHECKED + " logLinesChecked=" + LOG_LINES_CHECKED
                + " leakedTokens=" + LEAKS;
    }
}
