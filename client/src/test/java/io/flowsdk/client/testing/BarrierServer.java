package io.flowsdk.client.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server that answers nothing until {@code parties} requests are waiting at the same
 * time, then answers them all with {@code body}. A client that cannot have that many requests in
 * flight at once never gets an answer (its calls time out): concurrency is checked by a fact, not
 * by how long something took.
 */
public final class BarrierServer implements AutoCloseable {
    private final ServerSocket socket;
    private final CountDownLatch barrier;
    private final AtomicInteger arrived = new AtomicInteger();
    private final String body;

    public BarrierServer(int parties, String body) throws IOException {
        this.socket = new ServerSocket(0, parties * 2);
        this.barrier = new CountDownLatch(parties);
        this.body = body;
        Thread acceptor = new Thread(this::accept, "barrier-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@return how many requests have arrived} */
    public int arrived() {
        return arrived.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> serve(s), "barrier-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (readHead(in)) {
                arrived.incrementAndGet();
                barrier.countDown();
                if (!barrier.await(30, TimeUnit.SECONDS)) {
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private static boolean readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            buf.write(b);
            int n = buf.size();
            byte[] a = buf.toByteArray();
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
