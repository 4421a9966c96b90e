package io.flowsdk.client.internal.http;

/**
 * The status and decoded value of a successful answer (the status matters for 207).
 *
 * @param statusCode the 2xx status
 * @param value      the decoded body
 * @param callId     the call that got it, for listeners (0 when unknown)
 * @param <T>        the value's type
 */
public record Result<T>(int statusCode, T value, long callId) {
    public Result(int statusCode, T value) {
        this(statusCode, value, 0);
    }
}
