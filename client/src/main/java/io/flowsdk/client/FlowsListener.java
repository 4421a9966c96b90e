package io.flowsdk.client;

import io.flowsdk.client.event.AttemptEnded;
import io.flowsdk.client.event.AttemptStarted;
import io.flowsdk.client.event.CallEnded;
import io.flowsdk.client.event.CallStarted;
import io.flowsdk.client.event.IterationEnded;
import io.flowsdk.client.event.IterationStarted;
import io.flowsdk.client.event.PageFetched;
import io.flowsdk.client.event.PartialResult;
import io.flowsdk.client.event.RetryScheduled;
import io.flowsdk.client.event.TokenFetchFailed;
import io.flowsdk.client.event.TokenFetched;
import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * Receives what a {@link FlowsClient} does: calls and their attempts, retries, token requests,
 * pages and iterations, partial results. Register one or more with
 * {@link FlowsClient.Builder#listener(FlowsListener)}; every method has an empty default, so
 * implement only what you need (and a later version may add events without breaking you). The
 * modules {@code flows-micrometer} and {@code flows-opentelemetry} provide listeners for metrics
 * and traces.
 *
 * <pre>{@code
 * FlowsClient client = FlowsClient.builder()
 *         .baseUrl("https://acme.example.com/api/v1")
 *         .bearerToken(token)
 *         .listener(new FlowsListener() {
 *             @Override
 *             public void callEnded(CallEnded e) {
 *                 log.info("{} {} -> {} in {} ms, {} attempts", e.call().operation(), e.call().pathTemplate(),
 *                         e.statusCode(), e.duration().toMillis(), e.attempts());
 *             }
 *         })
 *         .build();
 * // client.tasks().get("task-1") logs: tasks.get /flows/tasks/{id} -> 200 in 12 ms, 1 attempts
 * }</pre>
 *
 * <h2>Order of events</h2>
 * For one call:
 * <pre>
 * callStarted
 *   ( attemptStarted, attemptHeaders, attemptEnded [retryScheduled] )  once per attempt
 * callEnded                                                            exactly once, last
 * [partialResult]                                                      flows().cancel answered 207
 * </pre>
 * Every {@code attemptStarted} is followed by exactly one {@code attemptEnded} before
 * {@code callEnded}, also when the call is cancelled or the client closed while the attempt was
 * in flight (the attempt then ends with {@link io.flowsdk.client.event.Outcome#CANCELLED}).
 * {@code retryScheduled} follows the {@code attemptEnded} of the attempt it retries. Nothing of a
 * call is reported after its {@code callEnded}. A call that fails before its first attempt (no
 * token could be obtained, the thread was interrupted) has {@code callStarted} and
 * {@code callEnded} only, with 0 attempts.
 *
 * <p>With client credentials, the token request is itself a call (operation
 * {@code oauth2.token}, path template {@code /oauth2/token}) with all the events above, followed
 * by {@code tokenFetched} or {@code tokenFetchFailed}. It happens inside the call that needed the
 * token, between that call's {@code callStarted} (after a 401: its {@code retryScheduled}) and
 * its next {@code attemptStarted}; a refresh ahead of expiry runs beside the call that triggered
 * it, which does not wait for it.
 *
 * <p>For one iteration over a list:
 * <pre>
 * iterationStarted                      at the first hasNext()
 *   ( page call's events, pageFetched )  once per page, pages in list order
 * iterationEnded                        exactly once, last
 * </pre>
 * Page calls are ordinary calls (operation {@code tasks.list} or {@code flows.list}) whose
 * {@link io.flowsdk.client.event.CallInfo#iterationId()} names the iteration. With
 * {@code parallelism(n)} up to n of them are in flight at once, so their events interleave;
 * {@code pageFetched} still comes in list order, when the iteration takes the page in. Requests
 * still in flight when an iteration ends are cancelled and their {@code callEnded} comes before
 * {@code iterationEnded}. {@code firstPage()} and {@code count()} are single calls, not
 * iterations.
 *
 * <h2>Threads</h2>
 * Events are delivered synchronously, on the thread where they happen, to the listeners in the
 * order they were registered:
 * <ul>
 *   <li>Blocking calls: every event on the caller's thread.</li>
 *   <li>Asynchronous calls ({@code getAsync}, ...): {@code callStarted} on the caller's thread; an
 *       attempt starts on the caller's thread (the first one, when the token is at hand), on the
 *       thread that delivered the token, or on one of the client's {@code flows-async} threads (a
 *       retry); {@code attemptEnded} and {@code retryScheduled} on an OkHttp thread;
 *       {@code callEnded} on an OkHttp thread, or on the thread that cancelled the future or
 *       closed the client.</li>
 *   <li>Iterations: {@code iterationStarted} and {@code pageFetched} on the consuming thread (the
 *       one calling {@code hasNext()}); {@code iterationEnded} there too, or on the thread that
 *       closed the stream or iterator, or on the JDK's cleaner thread for an iterator dropped
 *       unfinished and garbage collected.</li>
 *   <li>{@code tokenFetched} and {@code tokenFetchFailed}: on the thread that completed the token
 *       request (an OkHttp thread, or the caller's thread when the request failed at once).</li>
 *   <li>{@code partialResult}: on the caller's thread, or for {@code cancelAsync} on the thread that
 *       completed the future.</li>
 * </ul>
 * Different calls report concurrently, so a listener must be thread-safe. The events of one call
 * never overlap: each is delivered after the previous one returned.
 *
 * <h2>Rules for listeners</h2>
 * Be quick and do not block: the call waits for you (blocking calls) or an OkHttp thread does.
 * Do not call the client from a listener. An exception a listener throws is caught and never
 * breaks or changes the call; the first one of each listener is logged through
 * {@code java.util.logging} (logger {@code io.flowsdk.client.FlowsListener}, level
 * {@code WARNING}), later ones are dropped silently.
 *
 * <h2>Cost</h2>
 * A client without listeners builds no events and allocates nothing for them. With listeners,
 * each event is built once and handed to all of them.
 */
public interface FlowsListener {
    /**
     * A call begins.
     *
     * @param event the call
     */
    default void callStarted(CallStarted event) {
    }

    /**
     * An attempt is about to be sent; {@link #attemptHeaders(AttemptStarted)} follows.
     *
     * @param event the attempt
     */
    default void attemptStarted(AttemptStarted event) {
    }

    /**
     * Headers to add to this attempt's request, for example W3C trace context
     * ({@code traceparent}). Called right after {@link #attemptStarted(AttemptStarted)}, on every
     * attempt, retries included. The default adds none.
     *
     * <p>A listener cannot replace what the SDK sends: headers named {@code Authorization},
     * {@code Proxy-Authorization}, {@code User-Agent}, {@code Accept}, {@code Accept-Encoding},
     * {@code Content-Type}, {@code Content-Length}, {@code Content-Encoding},
     * {@code Transfer-Encoding}, {@code Host}, {@code Connection}, {@code Cookie}, {@code Expect},
     * {@code TE}, {@code Upgrade}, or any header the call already carries, are ignored, and so are
     * names and values that are not valid in HTTP; the first such header of each listener is logged
     * like an exception. When two listeners add the same header, the later one's value is sent.
     *
     * @param attempt the attempt, as passed to {@code attemptStarted}
     * @return header names and values to add; empty (or null) for none
     */
    default @Nullable Map<String, String> attemptHeaders(AttemptStarted attempt) {
        return Map.of();
    }

    /**
     * An attempt ended, with an answer or without.
     *
     * @param event the attempt's end
     */
    default void attemptEnded(AttemptEnded event) {
    }

    /**
     * The attempt that just ended will be repeated after a delay.
     *
     * @param event the retry
     */
    default void retryScheduled(RetryScheduled event) {
    }

    /**
     * A call ended, successfully or not.
     *
     * @param event the call's end
     */
    default void callEnded(CallEnded event) {
    }

    /**
     * The client obtained a new access token (client credentials).
     *
     * @param event the token request's result, without the token
     */
    default void tokenFetched(TokenFetched event) {
    }

    /**
     * A token request failed (client credentials).
     *
     * @param event the failure
     */
    default void tokenFetchFailed(TokenFetchFailed event) {
    }

    /**
     * An iteration over a list sends its first request.
     *
     * @param event the iteration
     */
    default void iterationStarted(IterationStarted event) {
    }

    /**
     * An iteration took in a page.
     *
     * @param event the page
     */
    default void pageFetched(PageFetched event) {
    }

    /**
     * An iteration ended.
     *
     * @param event the iteration's end
     */
    default void iterationEnded(IterationEnded event) {
    }

    /**
     * A call succeeded only in part ({@code flows().cancel} answered 207).
     *
     * @param event the partial result
     */
    default void partialResult(PartialResult event) {
    }
}
