package io.flowsdk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;

/**
 * A loopback HTTP server (the JDK's own, no dependencies) standing for the API:
 * <ul>
 *   <li>{@code GET /api/v1/flows/tasks?startIndex=&count=}: a SCIM list page of {@link TaskJson}
 *       tasks out of {@code size}, generated from {@code startIndex} on the fly, or cached per
 *       (startIndex, count) when {@code cachePages};</li>
 *   <li>{@code GET /api/v1/flows/tasks/{id}}: one task (the same bytes whatever the id).</li>
 *   <li>keyset pages: a list request with {@code filter=id gt "<id>"} gets the tasks after that
 *       id (ids sort as their numbers), {@code startIndex=1} echoed and the tasks after the key
 *       counted in {@code totalResults}; any other filter is ignored;</li>
 *   <li>{@code POST /api/v1/flows/tasks/{id}/.complete}: the task, completed; unless the
 *       {@link #limiter} refuses the request, which is then answered 429 with a
 *       {@code Retry-After} (whole seconds).</li>
 *   <li>{@code POST /oauth2/token} (the client credentials default, origin + {@code /oauth2/token}):
 *       {@link #TOKEN_ANSWER}, valid for an hour; counted in {@link #tokenRequests}.</li>
 * </ul>
 * Every answer waits {@code latencyMillis} first, standing for network and server time. With
 * {@code latencyMillis == 0} requests are answered on the server's dispatcher thread (no
 * hand-off), otherwise on a thread each, so that slow answers overlap.
 */
final class LoopbackServer implements AutoCloseable {
    static final String TOKEN = "bench-token-0123456789";
    /** The token endpoint's answer: {@link #TOKEN}, valid for an hour. */
    static final String TOKEN_ANSWER = "{\"access_token\":\"" + TOKEN
            + "\",\"expires_in\":3600,\"token_type\":\"bearer\"}";

    private final HttpServer server;
    private final ExecutorService executor;
    private final long size;
    private final int latencyMillis;
    private final boolean cachePages;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private final byte[] oneTask = TaskJson.task(42).getBytes(StandardCharsets.UTF_8);
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Decides, per POST, whether to refuse it: the seconds of its {@code Retry-After}, or 0 to serve it. */
    volatile LongUnaryOperator limiter = now -> 0;
    /** Every request: (arrival nanoTime, in flight at arrival, status, method); when {@link #record} is set. */
    final List<long[]> log = Collections.synchronizedList(new ArrayList<>());
    volatile boolean record;
    /** Requests answered at {@code /oauth2/token}. */
    final AtomicInteger tokenRequests = new AtomicInteger();
    /** Threads the server's executor has started (so that a count of the JVM's threads can leave them out). */
    final AtomicInteger threadsStarted = new AtomicInteger();

    LoopbackServer(long size, int latencyMillis, boolean cachePages) throws IOException {
        this.size = size;
        this.latencyMillis = latencyMillis;
        this.cachePages = cachePages;
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK and add ~40 ms to every answer, a cost of the server, not of the SDK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        executor = latencyMillis > 0 ? Executors.newCachedThreadPool(r -> {
            threadsStarted.incrementAndGet();
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        }) : null;
        server.setExecutor(executor);
        server.createContext("/api/v1/flows/tasks", this::handle);
        server.createContext("/oauth2/token", this::token);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        int concurrent = inFlight.incrementAndGet();
        int status = 200;
        try {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            byte[] body;
            if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/.complete")) {
                exchange.getRequestBody().readAllBytes();
                long retryAfter = limiter.applyAsLong(arrived);
                if (retryAfter > 0) {
                    status = 429;
                    exchange.getResponseHeaders().add("Retry-After", Long.toString(retryAfter));
                    body = "{\"code\":429,\"message\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8);
                } else {
                    String id = path.substring("/api/v1/flows/tasks/".length(), path.length() - "/.complete".length());
                    body = ("{\"id\":\"" + id + "\",\"status\":\"completed\",\"variables\":{}}")
                            .getBytes(StandardCharsets.UTF_8);
                }
            } else if (path.length() > "/api/v1/flows/tasks/".length()) {
                body = oneTask;
            } else {
                body = page(uri.getRawQuery());
            }
            if (record) {
                log.add(new long[] {arrived, concurrent, status, "POST".equals(exchange.getRequestMethod()) ? 1 : 0});
            }
            if (latencyMillis > 0) {
                try {
                    Thread.sleep(latencyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            tokenRequests.incrementAndGet();
            byte[] body = TOKEN_ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 200 : 405, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    private byte[] page(String query) {
        long start = 1;
        long count = 100;
        long after = -1;
        if (query != null) {
            for (String kv : query.split("&")) {
                String[] p = kv.split("=", 2);
                if (p[0].equals("startIndex")) {
                    start = Long.parseLong(p[1]);
                } else if (p[0].equals("count")) {
                    count = Long.parseLong(p[1]);
                } else if (p[0].equals("filter")) {
                    String f = URLDecoder.decode(p[1], StandardCharsets.UTF_8);
                    if (f.startsWith("id gt \"")) {
                        after = TaskJson.number(f.substring(7, f.length() - 1));
                    }
                }
            }
        }
        long from = after >= 0 ? after + 1 : start;
        long echo = after >= 0 ? 1 : start;
        long total = after >= 0 ? Math.max(0, size - after) : size;
        long c = count;
        if (!cachePages) {
            return TaskJson.page(from, c, size, echo, total).getBytes(StandardCharsets.UTF_8);
        }
        return pages.computeIfAbsent(from + "/" + c + "/" + echo, k -> TaskJson.page(from, c, size, echo, total)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The API root, as given to {@code FlowsClient.builder().baseUrl(...)}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    @Override
    public void close() {
        server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
