package io.flowsdk.testkit.internal;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response of the fake, independent of WireMock. Not public API.
 *
 * @param status the HTTP status
 * @param headers response headers
 * @param body the body text
 */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    /**
     * Copies the headers.
     *
     * @param status see the record description
     * @param headers see the record description
     * @param body see the record description
     */
    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /**
     * A JSON response.
     *
     * @param status the status
     * @param json the body
     * @return the response
     */
    public static ApiResponse json(int status, JsonElement json) {
        return new ApiResponse(status, Map.of("Content-Type", "application/json"), Json.write(json));
    }

    /**
     * An error response with the API's error body.
     *
     * @param status the status
     * @param message the message (the status text is prefixed)
     * @return the response
     */
    public static ApiResponse error(int status, String message) {
        return json(status, Json.error(status, message));
    }

    /**
     * Returns a copy with one more header.
     *
     * @param name the header name
     * @param value its value
     * @return the new response
     */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, h, body);
    }

    /**
     * Parses the body as JSON (for tests).
     *
     * @return the body as a JSON element
     */
    public JsonElement json() {
        return com.google.gson.JsonParser.parseString(body);
    }
}
