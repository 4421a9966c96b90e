package io.flowsdk.client.internal;

import io.flowsdk.client.error.BadRequestException;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.ForbiddenException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.error.UnauthorizedException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Maps a non-2xx answer to the exception tree: the one place that knows which status is which. */
public final class Exceptions {
    private Exceptions() {
    }

    /**
     * @param body    the start of the body, the token already masked
     * @param headers the response headers (values with the token masked)
     */
    public static FlowsApiException forStatus(int status, String method, String path, String body, Duration retryAfter,
                                              Map<String, List<String>> headers, String token) {
        // the body text is redacted already, but JSON escapes (\/, \u003d) can hide the token until it is parsed
        ErrorBody e = ErrorBody.parse(body).redact(token);
        switch (status) {
            case 400:
                return new BadRequestException(status, method, path, e.code(), e.message(), e.status(), body, headers);
            case 401:
                return new UnauthorizedException(status, method, path, e.code(), e.message(), e.status(), body, headers);
            case 403:
                return new ForbiddenException(status, method, path, e.code(), e.message(), e.status(), body, headers);
            case 404:
                return new NotFoundException(status, method, path, e.code(), e.message(), e.status(), body, headers);
            case 429:
                return new RateLimitedException(status, method, path, e.code(), e.message(), e.status(), body,
                        retryAfter, headers);
            default:
                if (status >= 500 && status <= 599) {
                    return new ServerException(status, method, path, e.code(), e.message(), e.status(), body, headers);
                }
                return new FlowsApiException(status, method, path, e.code(), e.message(), e.status(), body, headers);
        }
    }
}
