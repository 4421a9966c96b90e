package io.flowsdk.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cheapest HTTP/1.1 server there is, for measuring a client: it reads a request head (no body)
 * up to the blank line and answers every request on the connection with the same precomputed
 * bytes (status line, headers and body in one write). One thread per connection, keep-alive.
 * With the JDK's {@code HttpServer} a loopback call costs about 100 us, mostly the server's; here
 * the client's own work is most of it, so a ratio of two clients against this server is the strict one.
 *
 * <p>Built with a token answer, it also serves a client credentials token endpoint: a request whose
 * head starts with {@code POST /oauth2/token} gets that answer (its body is skipped). Heads are
 * then parsed (method, path, {@code Content-Length}); without one they are not looked at.
 */
final class CannedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final byte[] response;
    private final byte[] tokenResponse;
    /** Requests answered with the token answer. */
    final AtomicInteger tokenRequests = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    CannedServer(byte[] json) throws IOException {
        this(json, null);
    }

    /** @param tokenJson the answer to {@code POST /oauth2/token}, or null for a server that parses no head */
    CannedServer(byte[] json, byte[] tokenJson) throws IOException {
        response = answer(json);
        tokenResponse = tokenJson == null ? null : answer(tokenJson);
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "canned-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static byte[] answer(byte[] json) {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + json.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(json, 0, all, head.length, json.length);
        return all;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> {
                    if (tokenResponse == null) {
                        serve(s);
                    } else {
                        serveParsing(s);
                    }
                }, "canned-server");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[8192];
            int matched = 0;   // how much of "\r\n\r\n" was just seen
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                            ? matched + 1 : (b == '\r' ? 1 : 0);
                    if (matched == 4) {
                        out.write(response);
                        out.flush();
                        matched = 0;
                    }
                }
            }
        } catch (IOException ignored) {
            // client went away
        }
    }

    private void serveParsing(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            StringBuilder head = new StringBuilder();
            for (int b; (b = in.read()) >= 0; ) {
                head.append((char) b);
                int n = head.length();
                if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
                        && head.charAt(n - 4) == '\r') {
                    String h = head.toString();
                    head.setLength(0);
                    in.skipNBytes(contentLength(h));
                    out.write(h.startsWith("POST /oauth2/token ") ? tokenResponse : response);
                    out.flush();
                    if (h.startsWith("POST /oauth2/token ")) {
                        tokenRequests.incrementAndGet();
                    }
                }
            }
        } catch (IOException ignored) {
            // client went away
        }
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                return Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }

    /** The API root, as given to {@code FlowsClient.builder().baseUrl(...)}. */
    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/api/v1";
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
