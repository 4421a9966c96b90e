package io.flowsdk.client.internal.http;

import io.flowsdk.client.error.FlowsException;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;

/**
 * Reads the answer of one attempt: the value of a 2xx, or the exception a non-2xx stands for.
 * The API's JSON endpoints and the OAuth token endpoint differ only here.
 *
 * @param <T> the value of a successful answer
 */
public interface ResponseHandler<T> {
    /**
     * @return the value of a 2xx answer
     * @throws IOException   if reading the body failed (an I/O failure of the attempt, retried like one)
     * @throws FlowsException if the body is not what was promised ({@code MalformedResponseException})
     */
    T success(Response response, Attempt attempt) throws IOException;

    /**
     * @param errorText  the start of the body (at most 64 KiB), with the call's token masked; may be null
     * @param retryAfter the server's {@code Retry-After}, or null
     * @return the exception the answer stands for, thrown if the attempt is not retried
     */
    FlowsException failure(Response response, String errorText, Duration retryAfter, Attempt attempt);

    /** What a handler may need to know about the attempt it reads. */
    interface Attempt {
        /** {@return the HTTP method sent} */
        String method();

        /** {@return the path sent, percent-encoded, without the query} */
        String path();

        /** {@return the token sent with the attempt, to be masked in anything quoted from the answer; may be null} */
        String token();

        /** {@return the most bytes a successful answer may hold} */
        long maxResponseBytes();
    }
}
