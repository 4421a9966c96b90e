package io.flowsdk.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A WireMock server that pages over N generated tasks at GET /api/v1/flows/tasks, honouring startIndex/count. */
final class PagedTasksServer implements AutoCloseable {
    final WireMockServer server;
    volatile int size;
    volatile int delayMillis;
    /** The delay of every page but the first, when not negative. */
    volatile int laterPagesDelayMillis = -1;
    /** When set, each page after the first is held until this many such pages wait at once. */
    volatile java.util.concurrent.CountDownLatch gate;

    PagedTasksServer(int size) {
        this.size = size;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(64).extensions(new Pager()));
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/v1/flows/tasks")).willReturn(aResponse().withTransformers("pager")));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/v1";
    }

    FlowsClient client() {
        return FlowsClient.builder().baseUrl(baseUrl()).bearerToken("test-token")
                .retryPolicy(RetryPolicy.none()).build();
    }

    /** @return the requests in the order they arrived (WireMock lists the newest first) */
    List<LoggedRequest> requests() {
        List<LoggedRequest> newestFirst = server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .collect(Collectors.toList());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Pager implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "pager";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            long start = param(event, "startIndex", 1);
            long count = param(event, "count", 100);
            java.util.concurrent.CountDownLatch g = gate;
            if (g != null && start > 1) {
                g.countDown();
                try {
                    if (!g.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        return aResponse().withStatus(503).build();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            StringBuilder sb = new StringBuilder("{\"Resources\":[");
            int n = 0;
            for (long i = Math.max(1, start); i <= size && n < count; i++, n++) {
                if (n > 0) {
                    sb.append(',');
                }
                sb.append("{\"id\":\"t-").append(i).append("\",\"displayName\":\"Task ").append(i)
                  .append("\",\"status\":\"pending\"}");
            }
            sb.append("],\"itemsPerPage\":").append(n).append(",\"startIndex\":").append(start)
              .append(",\"totalResults\":").append(size).append('}');
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withFixedDelay(start > 1 && laterPagesDelayMillis >= 0 ? laterPagesDelayMillis : delayMillis)
                    .withBody(sb.toString()).build();
        }

        private long param(ServeEvent e, String name, long dflt) {
            QueryParameter p = e.getRequest().queryParameter(name);
            return p.isPresent() ? Long.parseLong(p.firstValue()) : dflt;
        }
    }
}
