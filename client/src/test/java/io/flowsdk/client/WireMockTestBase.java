package io.flowsdk.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** One WireMock server per test class, reset before each test; one client per test. */
abstract class WireMockTestBase {
    static WireMockServer wm;
    FlowsClient client;

    @BeforeAll
    static void startServer() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stopServer() {
        wm.stop();
    }

    @BeforeEach
    void resetServer() {
        wm.resetAll();
        client = WireMockSupport.client(wm);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}
