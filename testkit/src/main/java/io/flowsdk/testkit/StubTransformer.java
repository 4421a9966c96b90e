package io.flowsdk.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowsdk.testkit.internal.ApiRequest;
import io.flowsdk.testkit.internal.ApiResponse;
import io.flowsdk.testkit.internal.Route;
import io.flowsdk.testkit.internal.TokenIssuer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one WireMock extension of the stub: turns every request into an {@link ApiRequest},
 * records it, applies injected faults and hands it to the fake API.
 */
final class StubTransformer implements ResponseDefinitionTransformerV2 {
    static final String NAME = "flows-testkit";

    private final FlowsStub stub;

    StubTransformer(FlowsStub stub) {
        this.stub = stub;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest r = serveEvent.getRequest();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader h : r.getHeaders().all()) {
            headers.put(h.key(), h.values());
        }
        String body = r.getBody() == null ? "" : new String(r.getBody(), StandardCharsets.UTF_8);
        ApiRequest request = ApiRequest.of(r.getMethod().getName(), r.getUrl(), headers, body);
        Route token = TokenIssuer.route(request.rawPath());
        Route route = token != null ? token : Route.of(request.method(), request.rawPath());
        stub.record(new RecordedRequest(route.endpoint(), request.method(), request.rawPath(), request.query(),
                request.headers(), request.body(), stub.clock().instant()));

        FlowsStub.FaultEffect effect = stub.claimFault(route.endpoint());
        if (effect == null) {
            return toDefinition(stub.handle(request, route)).build();
        }
        ApiResponse handled = effect.handleFirst() ? stub.handle(request, route) : null;
        ResponseDefinitionBuilder b;
        Fault terminal = effect.terminal();
        if (terminal == null) {
            b = toDefinition(handled != null ? handled : stub.handle(request, route));
        } else {
            switch (terminal.kind) {
                case CONNECTION_RESET:
                    b = new ResponseDefinitionBuilder().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
                    break;
                case EMPTY_RESPONSE:
                    b = new ResponseDefinitionBuilder().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
                    break;
                case MALFORMED_CHUNK:
                    b = new ResponseDefinitionBuilder().withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK);
                    break;
                case RANDOM_DATA:
                    b = new ResponseDefinitionBuilder().withFault(com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE);
                    break;
                case TRUNCATED: {
                    ApiResponse full = handled != null ? handled : stub.handle(request, route);
                    String text = full.body();
                    String cut = text.substring(0, Math.max(0, Math.min(text.length() - 1, text.length() / 2)));
                    b = toDefinition(new ApiResponse(full.status(), full.headers(), cut));
                    break;
                }
                case RESPONSE:
                    b = new ResponseDefinitionBuilder().withStatus(terminal.status).withBody(terminal.body);
                    if (terminal.contentType != null) {
                        b.withHeader("Content-Type", terminal.contentType);
                    }
                    if (terminal.retryAfter != null) {
                        b.withHeader("Retry-After", terminal.retryAfter);
                    }
                    break;
                default:
                    throw new IllegalStateException("unknown fault " + terminal);
            }
        }
        if (effect.delayMillis() > 0) {
            b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, effect.delayMillis()));
        }
        return b.build();
    }

    private static ResponseDefinitionBuilder toDefinition(ApiResponse response) {
        ResponseDefinitionBuilder b = new ResponseDefinitionBuilder().withStatus(response.status()).withBody(response.body());
        response.headers().forEach(b::withHeader);
        return b;
    }
}
