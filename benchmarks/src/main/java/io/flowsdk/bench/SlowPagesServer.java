package io.flowsdk.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server (JDK's own, no dependencies) serving GET /api/v1/flows/tasks as a SCIM
 * list of {@code size} tasks, each answer delayed by {@code latencyMillis} to stand for network
 * and server time.
 */
final class SlowPagesServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    SlowPagesServer(int size, int latencyMillis) throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK and add ~40 ms to every answer, a cost of the server, not of the SDK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.setExecutor(executor);
        server.createContext("/api/v1/flows/tasks", exchange -> {
            long start = 1;
            long count = 100;
            URI uri = exchange.getRequestURI();
            if (uri.getRawQuery() != null) {
                for (String kv : uri.getRawQuery().split("&")) {
                    String[] p = kv.split("=", 2);
                    if (p[0].equals("startIndex")) {
                        start = Long.parseLong(p[1]);
                    } else if (p[0].equals("count")) {
                        count = Long.parseLong(p[1]);
                    }
                }
            }
            byte[] body = TaskJson.page(start, count, size).getBytes(StandardCharsets.UTF_8);
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
