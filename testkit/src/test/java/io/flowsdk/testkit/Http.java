package io.flowsdk.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A raw HTTP helper for tests that must see the wire, independent of the SDK client. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, HttpResponse<String> response) {
        String body() {
            return response.body();
        }

        JsonElement json() {
            return JsonParser.parseString(response.body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private Http() {}

    static Answer get(FlowsStub stub, String pathAndQuery) throws IOException, InterruptedException {
        return send(stub, "GET", pathAndQuery, null, stub.token());
    }

    static Answer post(FlowsStub stub, String pathAndQuery, String body) throws IOException, InterruptedException {
        return send(stub, "POST", pathAndQuery, body, stub.token());
    }

    static Answer send(FlowsStub stub, String method, String pathAndQuery, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stub.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r);
    }
}
