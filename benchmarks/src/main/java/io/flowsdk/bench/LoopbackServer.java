package io.flowsdk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server (the JDK's own, no dependencies) standing for the API:
 * <ul>
 *   <li>{@code GET /api/v1/flows/tasks?startIndex=&count=}: a SCIM list page of {@link TaskJson}
 *       tasks out of {@code size}, generated from {@code startIndex} on the fly, or cached per
 *       (startIndex, count) when {@code cachePages};</li>
 *   <li>{@code GET /api/v1/flows/tasks/{id}}: one task (the same bytes whatever the id).</li>
 * </ul>
 * Every answer waits {@code latencyMillis} first, standing for network and server time. With
 * {@code latencyMillis == 0} requests are answered on the server's dispatcher thread (no
 * hand-off), otherwise on a thread each, so that slow answers overlap.
 */
final class LoopbackServer implements AutoCloseable {
    static final String TOKEN = "bench-token-0123456789";

    private final HttpServer server;
    private final ExecutorService executor;
    private final long size;
    private final int latencyMillis;
    private final boolean cachePages;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private final byte[] oneTask = TaskJson.task(42).getBytes(StandardCharsets.UTF_8);

    LoopbackServer(long size, int latencyMillis, boolean cachePages) throws IOException {
        this.size = size;
        this.latencyMillis = latencyMillis;
        this.cachePages = cachePages;
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK and add ~40 ms to every answer, a cost of the server, not of the SDK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        executor = latencyMillis > 0 ? Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        }) : null;
        server.setExecutor(executor);
        server.createContext("/api/v1/flows/tasks", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            byte[] body;
            if (path.length() > "/api/v1/flows/tasks/".length()) {
                body = oneTask;
            } else {
                body = page(uri.getRawQuery());
            }
            if (latencyMillis > 0) {
                try {
                    Thread.sleep(latencyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
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
        if (query != null) {
            for (String kv : query.split("&")) {
                String[] p = kv.split("=", 2);
                if (p[0].equals("startIndex")) {
                    start = Long.parseLong(p[1]);
                } else if (p[0].equals("count")) {
                    count = Long.parseLong(p[1]);
                }
            }
        }
        if (!cachePages) {
            return TaskJson.page(start, count, size).getBytes(StandardCharsets.UTF_8);
        }
        long s = start;
        long c = count;
        return pages.computeIfAbsent(s + "/" + c, k -> TaskJson.page(s, c, size).getBytes(StandardCharsets.UTF_8));
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
