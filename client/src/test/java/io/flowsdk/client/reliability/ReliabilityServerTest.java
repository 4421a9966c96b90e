package io.flowsdk.client.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * One WireMock server per test class (started with {@link Support#startServer()}), reset before
 * each test, and the suite's running figures printed when the class ends.
 */
abstract class ReliabilityServerTest {
    static WireMockServer server;

    @BeforeAll
    static void startServer() {
        server = Support.startServer();
    }

    @AfterAll
    static void stopServerAndReport(TestInfo info) {
        server.stop();
        System.out.println("[reliability] after " + info.getTestClass().map(Class::getSimpleName).orElse("?") + ": "
                + Support.figures());
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
    }
}
