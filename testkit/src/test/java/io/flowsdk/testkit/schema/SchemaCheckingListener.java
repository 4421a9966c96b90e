package io.flowsdk.testkit.schema;

import io.flowsdk.testkit.internal.AnswerListener;
import io.flowsdk.testkit.internal.ApiRequest;
import io.flowsdk.testkit.internal.ApiResponse;
import io.flowsdk.testkit.internal.Route;
import java.util.List;
import java.util.Map;

/**
 * Checks every answer of the fake against {@link PlatformSchema} and logs the outcome in
 * {@link AnswerLog}. Registered for the testkit's own test suite in
 * {@code META-INF/services/io.flowsdk.testkit.internal.AnswerListener}.
 */
public final class SchemaCheckingListener implements AnswerListener {
    /** Created by {@link java.util.ServiceLoader}. */
    public SchemaCheckingListener() {}

    @Override
    public void answered(ApiRequest request, Route route, ApiResponse response) {
        if (route.endpoint() != null && !PlatformSchema.shared().describes(route.endpoint())) {
            AnswerLog.notDescribed();
            return;
        }
        List<String> problems = PlatformSchema.shared().check(route.endpoint(), response.status(),
                header(response.headers(), "Content-Type"), response.body());
        AnswerLog.checked();
        if (!problems.isEmpty()) {
            AnswerLog.violation(request.method() + " " + request.rawPath() + " -> " + response.status() + " "
                    + abbreviate(response.body()) + "\n    " + String.join("\n    ", problems));
        }
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
