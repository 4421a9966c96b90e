package io.flowsdk.client.internal;

import io.flowsdk.client.error.BadRequestException;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.ForbiddenException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.RateLimitedException;
import io.flowsdk.client.error.ServerException;
import io.flowsdk.client.error.UnauthorizedException;

import java.time.Duration;

/** Maps a non-2xx answer to the exception tree: the one place that knows which status is which. */
final class Exceptions {
    private Exceptions() {
    }

    static FlowsApiException forStatus(int status, String method, String path, String body, Duration retryAfter,
                                       String token) {
        // the body text is redacted already, but JSON escapes (\/, \u003d) can hide the token until it is parsed
        ErrorBody e = ErrorBody.parse(body).redact(token);
        switch (status) {
            case 400:
                return new BadRequestException(status, method, path, e.code(), e.message(), e.status(), body);
            case 401:
                return new UnauthorizedException(status, method, path, e.code(), e.message(), e.status(), body);
            case 403:
                return new ForbiddenException(status, method, path, e.code(), e.message(), e.status(), body);
            case 404:
                return new NotFoundException(status, method, path, e.code(), e.message(), e.status(), body);
            case 429:
                return new RateLimitedException(status, method, path, e.code(), e.message(), e.status(), body,
                        retryAfter);
            default:
                if (status >= 500 && status <= 599) {
                    return new ServerException(status, method, path, e.code(), e.message(), e.status(), body);
                }
                return new FlowsApiException(status, method, path, e.code(), e.message(), e.status(), body);
        }
    }
}
