package io.flowsdk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The cheapest HTTP/1.1 server there is, for measuring a client: it reads a request head (no body)
 * up to the blank line and answers every request on the connection with the same precomputed
 * bytes (status line, headers and body in one write). One thread per connection, keep-alive.
 * With the JDK's {@code HttpServer} a loopback call costs about 100 us, mostly the server's; here
 * the client's own work is most of it, so a ratio of two clients against this server is the strict one.
 */
final class CannedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final byte[] response;
    private final Thread acceptor;
    private volatile boolean closed;

    CannedServer(byte[] json) throws IOException {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        response = new byte[head.length + json.length];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(json, 0, response, head.length, json.length);
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "canned-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "canned-server");
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
