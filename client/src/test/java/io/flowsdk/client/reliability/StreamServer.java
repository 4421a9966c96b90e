package io.flowsdk.client.reliability;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An HTTP/1.1 server on raw sockets for answers WireMock cannot give: bodies generated while
 * they are written (hundreds of megabytes without holding them, so it runs in a small heap),
 * answers that never come, and exact counts of what arrived. One request per connection; every
 * answer closes it. {@code handler} decides the answer of each request, on the connection's thread.
 */
final class StreamServer implements AutoCloseable {
    /** One request as it arrived; {@code seq} counts from 0 in arrival order. */
    record Request(int seq, String method, String target, Map<String, String> headers, String body) {
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        /** The first value of a query parameter, decoded, or null. */
        String query(String name) {
            int q = target.indexOf('?');
            if (q < 0) {
                return null;
            }
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String n = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (n.equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        long longQuery(String name) {
            return Long.parseLong(query(name));
        }

        /** The header's value (names are case-insensitive), or null. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Writes the answer to one request; the connection is closed afterwards. */
    @FunctionalInterface
    interface Reply {
        void write(OutputStream out, InputStream in) throws IOException;
    }

    /** Writes a body of any size without holding it. */
    @FunctionalInterface
    interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final Function<Request, Reply> handler;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stream-server-connection");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger seq = new AtomicInteger();
    private final AtomicInteger disconnects = new AtomicInteger();
    private final Object arrivals = new Object();

    StreamServer(Function<Request, Reply> handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "stream-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/api/v1";
    }

    /** {@return the requests so far, in arrival order} */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    int count() {
        return requests.size();
    }

    /** {@return how many held answers ended because the client closed the connection} */
    int disconnects() {
        return disconnects.get();
    }

    /** Waits (a bounded time, for a fact rather than a duration) until {@code n} requests have arrived. */
    boolean awaitRequests(int n, Duration atMost) throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        synchronized (arrivals) {
            while (requests.size() < n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(arrivals, left);
            }
        }
        return true;
    }

    /** Waits (bounded) until {@code n} held answers have seen their client go away. */
    boolean awaitDisconnects(int n, Duration atMost) throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        synchronized (arrivals) {
            while (disconnects.get() < n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(arrivals, left);
            }
        }
        return true;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                connections.execute(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            Request r = read(in);
            if (r == null) {
                return;
            }
            synchronized (arrivals) {
                requests.add(r);
                arrivals.notifyAll();
            }
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
            handler.apply(r).write(out, in);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the client went away (a cancelled call, a body refused half-way) or the server closed
        } finally {
            open.remove(s);
        }
    }

    private Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        while (matched < 4 && (b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        if (matched < 4) {
            return null;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        int length = headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length")) : 0;
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Request(seq.getAndIncrement(), requestLine[0], requestLine[1], headers, body);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
        connections.shutdownNow();
    }

    // ---- answers ----

    static Reply json(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return bytes(status, Map.of("Content-Type", "application/json"), bytes);
    }

    static Reply bytes(int status, Map<String, String> headers, byte[] body) {
        return streamed(status, headers, body.length, out -> out.write(body));
    }

    /**
     * @param contentLength the body's length, or -1 to send it chunked
     */
    static Reply streamed(int status, Map<String, String> headers, long contentLength, BodyWriter body) {
        return (out, in) -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " " + reason(status) + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append(contentLength >= 0 ? "Content-Length: " + contentLength : "Transfer-Encoding: chunked")
                    .append("\r\nConnection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (contentLength >= 0) {
                body.write(out);
            } else {
                OutputStream chunked = new ChunkedOutputStream(out);
                body.write(chunked);
                chunked.close();
            }
        };
    }

    /** Never answers: waits until the client closes the connection (a cancelled call) or the server closes. */
    Reply hold() {
        return (out, in) -> {
            try {
                while (in.read() != -1) {
                    // a well-behaved client sends nothing more
                }
            } finally {
                synchronized (arrivals) {
                    disconnects.incrementAndGet();
                    arrivals.notifyAll();
                }
            }
        };
    }

    private static String reason(int status) {
        return status < 300 ? "OK" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error";
    }

    /** Writes {@code prefix}, then {@code unit} until {@code total} bytes (prefix included) are written, then {@code suffix}. */
    static BodyWriter repeated(String prefix, String unit, long total, String suffix) {
        return out -> {
            byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
            byte[] u = unit.getBytes(StandardCharsets.UTF_8);
            byte[] block = new byte[Math.max(u.length, (64 * 1024 / u.length) * u.length)];
            for (int i = 0; i < block.length; i += u.length) {
                System.arraycopy(u, 0, block, i, u.length);
            }
            out.write(p);
            long units = Math.max(0, total - p.length) / u.length;
            long perBlock = block.length / u.length;
            for (; units >= perBlock; units -= perBlock) {
                out.write(block);
            }
            out.write(block, 0, (int) (units * u.length));
            out.write(suffix.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** HTTP/1.1 chunked transfer coding. */
    private static final class ChunkedOutputStream extends OutputStream {
        private final OutputStream out;

        ChunkedOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(b, off, len);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void close() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
