package io.flowsdk.client.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * A minimal HTTP/1.1 server on a raw socket, for answers WireMock cannot produce (a
 * {@code Content-Length} longer than the body): reads one request per connection, writes the
 * bytes {@code script} gives for the n-th request (0-based), then closes.
 */
final class RawServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    final List<String> requestLines = new CopyOnWriteArrayList<>();

    RawServer(IntFunction<String> script) throws IOException {
        socket = new ServerSocket(0);
        thread = new Thread(() -> {
            int n = 0;
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    String head = readRequest(s.getInputStream());
                    requestLines.add(head.lines().findFirst().orElse(""));
                    OutputStream out = s.getOutputStream();
                    out.write(script.apply(n++).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    // closed
                }
            }
        }, "raw-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            buf.write(b);
            String s = buf.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                int len = 0;
                for (String line : s.split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        len = Integer.parseInt(line.substring(15).strip());
                    }
                }
                in.readNBytes(len);
                return s;
            }
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
