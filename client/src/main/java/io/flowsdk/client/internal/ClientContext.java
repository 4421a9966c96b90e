package io.flowsdk.client.internal;

import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.internal.auth.Authenticator;
import io.flowsdk.client.internal.http.HttpClients;
import io.flowsdk.client.internal.time.TimeSource;
import okhttp3.HttpUrl;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * What one client's parts share: settings, the HTTP clients, the JSON codec, time, randomness,
 * authentication, listeners and the open/closed state. Built once by {@code FlowsClient} and
 * handed to the parts that need it; nothing in it changes after that.
 *
 * @param baseUrl          the API root; paths are appended to it
 * @param http             the OkHttp clients calls go through
 * @param json             the client's JSON configuration
 * @param time             clock, monotonic time, waits and timers
 * @param random           numbers in [0, 1) for jitter
 * @param executor         runs short tasks off the caller's thread (retries due, a token provider's call);
 *                         it queues without bound, so it refuses work only once the client is closed
 * @param retryPolicy      when to try again
 * @param attemptTimeout   the longest one attempt may take
 * @param totalTimeout     the longest one call may take, retries and waits included; null for none
 * @param userAgent        the {@code User-Agent} header
 * @param auth             where tokens come from
 * @param observer         where events go
 * @param maxResponseBytes the most bytes a successful answer may hold
 * @param state            open or closed, and the calls in progress
 */
public record ClientContext(HttpUrl baseUrl, HttpClients http, JsonCodec json, TimeSource time, DoubleSupplier random,
                            Executor executor, RetryPolicy retryPolicy, Duration attemptTimeout, Duration totalTimeout,
                            String userAgent, Authenticator auth, Observer observer, long maxResponseBytes,
                            ClientState state) {

    /** {@return this context with another retry policy (a bulk run's calls leave retrying to the run)} */
    public ClientContext withRetryPolicy(RetryPolicy policy) {
        return new ClientContext(baseUrl, http, json, time, random, executor, policy, attemptTimeout, totalTimeout,
                userAgent, auth, observer, maxResponseBytes, state);
    }

    /** {@return this context with another authenticator (the one built on the unauthenticated context)} */
    public ClientContext withAuth(Authenticator auth) {
        return new ClientContext(baseUrl, http, json, time, random, executor, retryPolicy, attemptTimeout, totalTimeout,
                userAgent, auth, observer, maxResponseBytes, state);
    }
}
