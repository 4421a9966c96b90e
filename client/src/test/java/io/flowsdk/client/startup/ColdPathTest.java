package io.flowsdk.client.startup;

import com.sun.net.httpserver.HttpServer;
import io.flowsdk.client.FlowsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A program's first call pays for every class the SDK loads on its way (each one read from the
 * jar and verified): a blocking {@code get} must not load what only other calls need. The SDK's
 * classes are loaded afresh in a class loader of their own, the call is made there, and the
 * loader is asked which classes it loaded (also those the verifier loaded to check the code).
 */
class ColdPathTest {
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/flows/tasks/t-1", exchange -> {
            byte[] body = "{\"id\":\"t-1\",\"status\":\"pending\",\"created\":\"2026-01-01T00:00:00Z\",\"variables\":{\"a\":1}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBlockingGetLoadsNeitherTheOtherResourceNorListingWaitingBulkOrTheTimer() throws Exception {
        try (FreshSdkLoader loader = new FreshSdkLoader()) {
            @SuppressWarnings("unchecked")
            Function<String, String> probe = (Function<String, String>) loader
                    .loadClass(BlockingGetProbe.class.getName()).getDeclaredConstructor().newInstance();
            String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";

            assertEquals("t-1", probe.apply(baseUrl));

            // the call ran on the fresh classes, not on the ones this test class sees
            assertTrue(loader.loaded("io.flowsdk.client.FlowsClient"));
            assertTrue(loader.loaded("io.flowsdk.client.Tasks"));
            assertTrue(loader.loaded("io.flowsdk.client.model.Task"));
            List<String> notNeeded = List.of(
                    "io.flowsdk.client.Flows",                           // the other resource
                    "io.flowsdk.client.model.FlowInstance",
                    "io.flowsdk.client.Query",                           // listing
                    "io.flowsdk.client.internal.ListEndpoint",
                    "io.flowsdk.client.internal.ListEnvelope",
                    "io.flowsdk.client.internal.paging.PagingEngine",
                    "io.flowsdk.client.model.TasksList",
                    "io.flowsdk.client.internal.Waiter",                 // await
                    "io.flowsdk.client.internal.bulk.BulkRun",           // bulk
                    "io.flowsdk.client.internal.time.SystemTime$Timer",  // the timer thread of waits
                    "io.flowsdk.client.internal.ListenerObserver");      // listeners: none registered
            assertAll(notNeeded.stream().map(name -> () -> assertFalse(loader.loaded(name), name + " was loaded")));
        }
    }

    /** Loads the SDK's classes (and the probe) itself, everything else from the test's class path. */
    private static final class FreshSdkLoader extends URLClassLoader {
        FreshSdkLoader() {
            super(new URL[] {location(FlowsClient.class), location(BlockingGetProbe.class)},
                    ColdPathTest.class.getClassLoader());
        }

        private static URL location(Class<?> c) {
            return c.getProtectionDomain().getCodeSource().getLocation();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.flowsdk.client.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }
}
