package io.flowsdk.client.internal.http;

import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsInterruptedException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.internal.ClientContext;
import io.flowsdk.client.internal.ClientState;
import io.flowsdk.client.internal.Futures;
import io.flowsdk.client.internal.Secrets;
import io.flowsdk.client.internal.time.TimeSource;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs calls: attempts, waits between them, and the outcome. The blocking form runs on the
 * caller's thread; the asynchronous one on OkHttp's asynchronous calls with scheduled waits, so
 * that no thread is held while a request is in flight or a retry is due. Both drive the same
 * {@link Exchange}, so they follow the same rules: a token per attempt, {@link RetryDecision},
 * one retry with a fresh token after a 401 when the authenticator allows it, the per-attempt and
 * total timeouts, interrupts, and {@code close()}.
 */
public final class Transport {
    private static final AtomicLong CALL_IDS = new AtomicLong();

    private final ClientContext ctx;

    public Transport(ClientContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Sends the call, retrying per the policy, and returns the value of its successful answer.
     * Blocks the calling thread, which also runs the waits between attempts.
     *
     * @throws IllegalStateException if the client is closed (nothing is sent)
     * @throws FlowsException        for every failure of the call: an error status, an I/O failure, a
     *                               malformed answer, an interrupt ({@link FlowsInterruptedException}, the
     *                               thread's interrupt flag kept), the client closed during the call
     */
    public <T> Result<T> send(CallSpec<T> spec) {
        Exchange<T> x = new Exchange<>(spec);
        ctx.state().add(x);
        try {
            for (;;) {
                Step<T> step = x.attemptBlocking();
                if (step.result != null) {
                    return x.succeeded(step.result);
                }
                if (step.failure != null) {
                    throw x.failed(step.failure);
                }
                try {
                    if (ctx.time().sleep(step.pause, ctx.state().closedSignal())) {
                        throw x.failed(x.closed(null));
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw x.failed(x.interrupted());
                }
            }
        } finally {
            ctx.state().remove(x);
        }
    }

    /**
     * The non-blocking form of {@link #send}: returns at once; the future completes with what
     * {@code send} returns or fails with what it throws (unwrapped). Cancelling the future
     * cancels the request in flight and any retry still to come.
     *
     * @throws IllegalStateException at once, not through the future, if the client is closed
     */
    public <T> CompletableFuture<Result<T>> sendAsync(CallSpec<T> spec) {
        return new AsyncRun<>(new Exchange<>(spec)).start();
    }

    /** What to do after one attempt: return, throw, or wait and try again. */
    private record Step<T>(Result<T> result, FlowsException failure, Duration pause) {
        static <T> Step<T> done(Result<T> result) {
            return new Step<>(result, null, null);
        }

        static <T> Step<T> fail(FlowsException failure) {
            return new Step<>(null, failure, null);
        }

        static <T> Step<T> retryAfter(Duration wait) {
            return new Step<>(null, null, wait);
        }
    }

    /**
     * One call and its attempts: builds each attempt's request (with that attempt's token) and
     * decides, from the answer or failure of an attempt, whether the call is over or is tried
     * again, and after how long.
     */
    private final class Exchange<T> implements ResponseHandler.Attempt, ClientState.Abortable {
        final CallSpec<T> spec;
        final long callId = CALL_IDS.incrementAndGet();
        final long start;
        final long deadline;
        final AtomicBoolean ended = new AtomicBoolean();
        int attempt;
        boolean authRetried;
        /** After a 401: the token it rejected and the exception to throw if the next token is the same. */
        String rejectedToken;
        FlowsException rejection;
        int lastStatus;
        long attemptStart;
        volatile Call current;
        String token;
        SendState sendState;

        Exchange(CallSpec<T> spec) {
            ctx.state().checkOpen();
            this.spec = spec;
            this.start = ctx.time().nanoTime();
            this.deadline = ctx.totalTimeout() == null ? Long.MAX_VALUE : start + ctx.totalTimeout().toNanos();
            ctx.observer().callStarted(spec, callId);
        }

        /** One blocking attempt, from the token to the decision. */
        Step<T> attemptBlocking() {
            if (ctx.state().isClosed()) {
                return Step.fail(closed(null));
            }
            if (Thread.currentThread().isInterrupted()) {
                return Step.fail(interrupted());
            }
            String t;
            try {
                t = spec.authenticated() ? ctx.auth().token() : null;
            } catch (FlowsException e) {
                // close() ended the token request this call waited for: the call ended because of close()
                return Step.fail(ctx.state().isClosed() && !(e instanceof FlowsInterruptedException) ? closed(null) : e);
            }
            if (sameTokenAgain(t)) {
                return Step.fail(rejection);
            }
            Call call = newCall(t);
            InterruptWatchdog.Watch watch = InterruptWatchdog.watch(call);
            try (Response response = call.execute()) {
                return onResponse(response);
            } catch (IOException e) {
                // an interrupt shows as whatever I/O failure it caused: the watchdog's cancel ("Canceled"), or
                // okio's own check before a read or write ("interrupted") before the watchdog saw it
                boolean interrupt = isInterrupt(e);
                if (interrupt) {
                    Thread.currentThread().interrupt();
                }
                return onFailure(e, call, interrupt);
            } catch (Exception e) {
                // OkHttp (Kotlin) throws InterruptedException, undeclared, when an interrupted thread needs a
                // new connection; it also clears the flag. Anything else here is a bug of ours: let it through.
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return attemptFailed(Step.fail(interrupted()), e);
                }
                throw (RuntimeException) e;
            } finally {
                watch.close();
                ctx.http().attemptEnded(call);
            }
        }

        /**
         * Whether the retry after a 401 would carry the token the 401 rejected: then it is not sent,
         * and the 401 stands.
         */
        boolean sameTokenAgain(String next) {
            if (rejection == null) {
                return false;
            }
            boolean same = java.util.Objects.equals(next, rejectedToken);
            if (!same) {
                rejection = null;
                rejectedToken = null;
            }
            return same;
        }

        /** The next attempt's call, not yet started. */
        Call newCall(String token) {
            attempt++;
            this.token = token;
            // the token may go only where it belongs: the API's origin, or for the token request its own URL
            sendState = new SendState(spec.authenticated() ? ctx.baseUrl() : spec.url(), token, spec.secrets());
            Request.Builder b = new Request.Builder()
                    .url(spec.url())
                    .headers(spec.headers())
                    .header("Accept", "application/json")
                    .header("User-Agent", ctx.userAgent());
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            b.method(spec.method(), spec.body() == null ? null : RequestBody.create(spec.body(), spec.bodyType()));
            ctx.observer().attemptStarted(spec, callId, attempt, b);
            Call call = ctx.http().newCall(b.build(), sendState);
            call.timeout().timeout(attemptTimeoutNanos(), TimeUnit.NANOSECONDS);
            current = call;
            attemptStart = ctx.time().nanoTime();
            return call;
        }

        /** @throws IOException if reading the body failed: the caller passes it to {@link #onFailure} */
        Step<T> onResponse(Response response) throws IOException {
            int status = response.code();
            lastStatus = status;
            if (status >= 200 && status < 300) {
                try {
                    T value = spec.handler().success(response, this);
                    return attemptEnded(Step.done(new Result<>(status, value, callId)), status, null);
                } catch (FlowsException e) {
                    return attemptEnded(Step.fail(e), status, e);
                }
            }
            String errorText = Secrets.redact(Bodies.readCapped(response.body(), Bodies.MAX_ERROR_BODY_BYTES), token);
            Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), ctx.time().clock());
            FlowsException failure = spec.handler().failure(response, errorText, retryAfter, this);
            ctx.observer().attemptEnded(spec, callId, attempt, status, ctx.time().nanoTime() - attemptStart, failure);
            if (status == 401 && spec.authenticated() && !authRetried && ctx.auth().retryAfterUnauthorized(token)) {
                authRetried = true; // a 401 means the request was not processed: safe to repeat once, any method
                rejectedToken = token;
                rejection = failure;
                return retry(Duration.ZERO, status, failure, false);
            }
            Duration wait = RetryDecision.next(policyAttempt(), ctx.retryPolicy(), spec.idempotent(),
                    RetryDecision.Failure.STATUS, status, retryAfter, ctx.random().getAsDouble(), nanosLeft());
            return wait == null ? Step.fail(failure) : retry(wait, status, failure, retryAfter != null);
        }

        /**
         * @param cancelledByCaller whether the caller cancelled the call: never retried. A call whose
         *                          timeout fired is cancelled by OkHttp: that is a timeout, retried like
         *                          any I/O failure.
         */
        Step<T> onFailure(IOException e, Call call, boolean cancelledByCaller) {
            if (ctx.state().isClosed()) {
                return attemptFailed(Step.fail(closed(e)), e);
            }
            if (cancelledByCaller || (call.isCanceled() && !isTimeout(e))) {
                if (Thread.currentThread().isInterrupted()) {
                    return attemptFailed(Step.fail(interrupted()), e);
                }
                return attemptFailed(Step.fail(transportFailure(e, false)), e);
            }
            RetryDecision.Failure kind = isRedirectLoop(e) ? RetryDecision.Failure.FINAL
                    : sendState.sent ? RetryDecision.Failure.SENT : RetryDecision.Failure.NOT_SENT;
            FlowsException failure = transportFailure(e, RetryDecision.isRetryable(spec.idempotent(), kind, 0));
            ctx.observer().attemptEnded(spec, callId, attempt, 0, ctx.time().nanoTime() - attemptStart, failure);
            Duration wait = RetryDecision.next(policyAttempt(), ctx.retryPolicy(), spec.idempotent(), kind, 0, null,
                    ctx.random().getAsDouble(), nanosLeft());
            return wait == null ? Step.fail(failure) : retry(wait, 0, failure, false);
        }

        private Step<T> retry(Duration wait, int status, FlowsException failure, boolean retryAfterHeader) {
            ctx.observer().retryScheduled(spec, callId, attempt, status, failure, wait, retryAfterHeader);
            return Step.retryAfter(wait);
        }

        private Step<T> attemptEnded(Step<T> step, int status, Throwable failure) {
            ctx.observer().attemptEnded(spec, callId, attempt, status, ctx.time().nanoTime() - attemptStart, failure);
            return step;
        }

        private Step<T> attemptFailed(Step<T> step, Throwable cause) {
            return attemptEnded(step, 0, step.failure != null ? step.failure : cause);
        }

        /** The attempt count the retry policy sees: the one extra attempt after a 401 does not use up a retry. */
        private int policyAttempt() {
            return authRetried ? attempt - 1 : attempt;
        }

        Result<T> succeeded(Result<T> result) {
            if (ended.compareAndSet(false, true)) {
                ctx.observer().callEnded(spec, callId, result.statusCode(), ctx.time().nanoTime() - start, attempt, null);
            }
            return result;
        }

        FlowsException failed(FlowsException failure) {
            if (ended.compareAndSet(false, true)) {
                ctx.observer().callEnded(spec, callId, lastStatus, ctx.time().nanoTime() - start, attempt, failure);
            }
            return failure;
        }

        void cancelCurrent() {
            Call c = current;
            if (c != null) {
                c.cancel();
            }
        }

        /**
         * {@code close()} during a blocking call: cancels the attempt in flight; the calling thread
         * then finds the client closed. (An asynchronous call registers its {@code AsyncRun}.)
         */
        @Override
        public void abort() {
            cancelCurrent();
        }

        FlowsException interrupted() {
            return new FlowsInterruptedException(spec.method() + " " + path());
        }

        /** @param cause how the attempt in flight ended when close() cancelled it ("Socket closed"), or null */
        FlowsException closed(IOException cause) {
            InterruptedIOException why = new InterruptedIOException("the FlowsClient was closed");
            if (cause != null) {
                why.initCause(cause);
            }
            return new FlowsTransportException(spec.method(), path(), why, false);
        }

        private FlowsTransportException transportFailure(IOException e, boolean retryable) {
            String message = e.getMessage();
            if (token != null && message != null && message.contains(token)) {
                return new FlowsTransportException(spec.method(), path(), new IOException(Secrets.redact(message, token)),
                        retryable);
            }
            return new FlowsTransportException(spec.method(), path(), e, retryable);
        }

        private long nanosLeft() {
            return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - ctx.time().nanoTime();
        }

        private long attemptTimeoutNanos() {
            Duration t = ctx.attemptTimeout();
            long perAttempt = t == null || t.isZero() ? Long.MAX_VALUE : t.toNanos();
            if (deadline == Long.MAX_VALUE) {
                return perAttempt == Long.MAX_VALUE ? 0 : perAttempt;
            }
            return Math.min(perAttempt, Math.max(1, nanosLeft()));
        }

        @Override
        public String method() {
            return spec.method();
        }

        @Override
        public String path() {
            return spec.url().encodedPath();
        }

        @Override
        public String token() {
            return token;
        }

        @Override
        public long maxResponseBytes() {
            return ctx.maxResponseBytes();
        }
    }

    /** Drives an {@link Exchange} with {@code enqueue} and scheduled retries, completing a future. */
    private final class AsyncRun<T> implements Callback, ClientState.Abortable {
        final Exchange<T> x;
        final CompletableFuture<Result<T>> future = new CompletableFuture<>();
        volatile TimeSource.Cancellable timer;

        AsyncRun(Exchange<T> x) {
            this.x = x;
        }

        CompletableFuture<Result<T>> start() {
            ctx.state().add(this);
            future.whenComplete((r, t) -> {
                ctx.state().remove(this);
                if (future.isCancelled()) {
                    x.failed(x.transportFailure(new InterruptedIOException("cancelled"), false));
                    stop();
                }
            });
            attempt();
            return future;
        }

        void attempt() {
            if (future.isDone()) {
                return;
            }
            if (ctx.state().isClosed()) {
                fail(x.closed(null));
                return;
            }
            CompletableFuture<String> token;
            try {
                token = x.spec.authenticated() ? ctx.auth().tokenAsync() : CompletableFuture.completedFuture(null);
            } catch (FlowsException e) {
                fail(e);
                return;
            }
            if (token.isDone() && !token.isCompletedExceptionally()) {
                send(token.join());
            } else {
                token.whenComplete((t, failure) -> {
                    if (failure != null && ctx.state().isClosed()) {
                        fail(x.closed(null)); // close() ended the token request first
                    } else if (failure != null) {
                        Throwable f = Futures.unwrap(failure);
                        fail(f instanceof FlowsException fe ? fe : new FlowsException("no token: " + f, f));
                    } else {
                        send(t);
                    }
                });
            }
        }

        private void send(String token) {
            if (x.sameTokenAgain(token)) {
                fail(x.rejection);
                return;
            }
            Call call = x.newCall(token);
            if (future.isDone()) {
                call.cancel();
                ctx.http().attemptEnded(call);
                return;
            }
            call.enqueue(this);
        }

        @Override
        public void onResponse(Call call, Response response) {
            ctx.http().attemptEnded(call); // the network interceptors are done with it: the answer's headers are here
            Step<T> step;
            try (response) {
                step = x.onResponse(response);
            } catch (IOException e) {
                step = x.onFailure(e, call, future.isCancelled());
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
                return;
            } catch (Error e) { // never leave the future pending, whatever happens on OkHttp's thread
                future.completeExceptionally(e);
                throw e;
            }
            proceed(step);
        }

        @Override
        public void onFailure(Call call, IOException e) {
            ctx.http().attemptEnded(call);
            proceed(x.onFailure(e, call, future.isCancelled()));
        }

        private void proceed(Step<T> step) {
            if (step.result != null) {
                future.complete(x.succeeded(step.result));
            } else if (step.failure != null) {
                fail(step.failure);
            } else {
                timer = ctx.time().schedule(step.pause, () -> {
                    try {
                        ctx.executor().execute(this::attempt);
                    } catch (RejectedExecutionException closed) {
                        fail(x.closed(null)); // the executor refuses work only once the client is closed
                    }
                });
                if (ctx.state().isClosed()) {
                    abort(); // close() ran while this attempt was being answered: no retry may outlive it
                } else if (future.isDone()) {
                    stop();
                }
            }
        }

        private void fail(FlowsException failure) {
            future.completeExceptionally(x.failed(failure));
        }

        @Override
        public void abort() {
            fail(x.closed(null));
            stop();
        }

        private void stop() {
            TimeSource.Cancellable t = timer;
            if (t != null) {
                t.cancel();
            }
            x.cancelCurrent();
        }
    }

    /**
     * Whether a blocking attempt failed because its thread was interrupted: the flag is set, or
     * okio reports an interrupt ({@code InterruptedIOException("interrupted")}).
     */
    private static boolean isInterrupt(IOException e) {
        return Thread.currentThread().isInterrupted()
                || (e instanceof InterruptedIOException && "interrupted".equals(e.getMessage()));
    }

    /** A read/connect timeout, or OkHttp's call timeout ({@code InterruptedIOException("timeout")}). */
    private static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    }

    /** OkHttp gives up after 20 redirects; repeating the call would only repeat the loop. */
    private static boolean isRedirectLoop(IOException e) {
        return e instanceof ProtocolException && e.getMessage() != null
                && e.getMessage().startsWith("Too many follow-up requests");
    }
}
