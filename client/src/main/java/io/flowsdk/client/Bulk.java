package io.flowsdk.client;

/**
 * Entry point of the bulk operations' settings:
 *
 * <pre>{@code
 * BulkResult<Task> r = client.tasks().completeAll(
 *         client.tasks().list().filter(Filter.eq("status", "pending")),
 *         Map.of("approved", true), Change.reason("bulk approval"),
 *         Bulk.options().concurrency(8).onProgress(p -> log.info("{}", p)));
 * r.orThrow();
 * }</pre>
 *
 * <p>A bulk operation ({@link Tasks#completeAll}, {@link Tasks#cancelAll}, {@link Flows#cancelAll})
 * changes many items with at most {@link BulkOptions#concurrency()} requests in flight, on the
 * client's asynchronous calls (no thread waits for a request), and returns a {@link BulkResult}
 * with the outcome of every item. The rules it follows:
 *
 * <ul>
 *   <li><b>What it iterates.</b> Given ids, each distinct id once, in order. Given a query, the
 *       query by key ({@link Query#keyset()}), so that the changes it makes cannot make it skip an
 *       item; a query pinned to a time ({@link Query#snapshot()}, {@link Query#forTime}, a
 *       partition) is iterated as it is, since the past does not change.</li>
 *   <li><b>One rate limiter per run.</b> A 429 pauses every worker: no request of the run is sent
 *       until the pause ends ({@code Retry-After} when the server sent one, else the client's
 *       {@link RetryPolicy} backoff, growing with each pause in a row). The pause also halves the
 *       concurrency (once per pause, whatever the number of 429s that arrive for requests sent
 *       before it); then the concurrency grows by one for every run of successes as long as itself,
 *       at most once per length of the last pause, back up to {@link BulkOptions#concurrency()}.</li>
 *   <li><b>Retries belong to the run.</b> The run's requests are sent without the per-call
 *       retries of the client's {@link RetryPolicy}, so a 429 is never retried by each request on
 *       its own; the run retries instead, with the policy's numbers: an item gets at most
 *       {@link RetryPolicy#maxAttempts()} attempts (429s included), a connection that failed before
 *       sending and a 502, 503 or 504 are retried after the policy's backoff, and a
 *       {@code Retry-After} longer than {@link RetryPolicy#maxRetryAfter()} fails the item and stops
 *       the run ({@link BulkResult#stoppedEarly()}).</li>
 *   <li><b>Lost answers are reconciled.</b> When an answer is lost after the request was sent (a
 *       reset, a timeout, an unreadable answer), the item is read: if its state shows the change
 *       (a task {@code completed} with the variables sent, or {@code canceled}; a flow instance
 *       {@code canceled}) it succeeded; if not, the request is sent again. Complete and cancel
 *       move an item out of its open state, so two requests can never both apply: when a request
 *       sent again is answered 400 ("already completed"), the item is read again and counts as
 *       succeeded if it shows the change. A flow cancel confirmed by reading has status code 0
 *       and no job lists (they were in the lost answer).</li>
 *   <li><b>Results, not exceptions.</b> Failures of items are collected in
 *       {@link BulkResult#failed()}; the run itself throws only for bad arguments (before anything
 *       is sent), a closed client, or an exception thrown by {@link BulkOptions#onProgress}.</li>
 *   <li><b>Stopping.</b> Interrupting the thread that runs it ends the run at once: no item is
 *       started any more, the requests in flight are cancelled (their items are in
 *       {@link BulkResult#failed()} with a {@code FlowsInterruptedException}: they may or may not
 *       have been applied), the result is returned with {@link BulkResult#stoppedEarly()} set, and
 *       the interrupt flag stays set. A failure to read the query, and a {@code Retry-After} longer
 *       than the policy accepts, stop the run the same way, except that requests in flight are
 *       finished first.</li>
 * </ul>
 */
public final class Bulk {
    /** The concurrency of a bulk run unless {@link BulkOptions#concurrency(int)} says otherwise. */
    public static final int DEFAULT_CONCURRENCY = 8;
    /** The largest concurrency {@link BulkOptions#concurrency(int)} accepts. */
    public static final int MAX_CONCURRENCY = 64;

    private Bulk() {
    }

    /**
     * Returns the default options: concurrency {@value #DEFAULT_CONCURRENCY}, no progress callback.
     *
     * @return the default options
     */
    public static BulkOptions options() {
        return BulkOptions.DEFAULTS;
    }
}
