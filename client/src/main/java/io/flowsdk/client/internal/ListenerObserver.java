package io.flowsdk.client.internal;

import io.flowsdk.client.FlowsListener;
import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.event.AttemptEnded;
import io.flowsdk.client.event.AttemptStarted;
import io.flowsdk.client.event.CallEnded;
import io.flowsdk.client.event.CallInfo;
import io.flowsdk.client.event.CallStarted;
import io.flowsdk.client.event.IterationEnded;
import io.flowsdk.client.event.IterationStarted;
import io.flowsdk.client.event.Outcome;
import io.flowsdk.client.event.PageFetched;
import io.flowsdk.client.event.PartialResult;
import io.flowsdk.client.event.RetryScheduled;
import io.flowsdk.client.event.TokenFetchFailed;
import io.flowsdk.client.event.TokenFetchReason;
import io.flowsdk.client.event.TokenFetched;
import io.flowsdk.client.internal.http.CallSpec;
import io.flowsdk.client.internal.paging.IterationObserver;
import io.flowsdk.client.internal.time.TimeSource;
import okhttp3.Request;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what the core observes into {@link FlowsListener} events: builds each event once, hands
 * it to every listener in order, and keeps a listener's exception from reaching the call.
 *
 * <p>It also holds the promises of {@code FlowsListener}'s documentation that the transport
 * alone does not: per call, events are delivered one at a time (under the call's lock), an attempt
 * still open when its call ends (cancelled, client closed) is ended first, and nothing of a call
 * is delivered after its {@code callEnded} (OkHttp's late failure of a cancelled request, an
 * attempt that started as the call was cancelled).
 */
public final class ListenerObserver implements Observer {
    static final Logger LOG = Logger.getLogger(FlowsListener.class.getName());
    private static final AtomicLong ITERATION_IDS = new AtomicLong();
    /** What the SDK sends itself, or what HTTP reserves: never set by a listener. */
    private static final Set<String> RESERVED = Set.of("authorization", "proxy-authorization", "user-agent", "accept",
            "accept-encoding", "content-type", "content-length", "content-encoding", "transfer-encoding", "host",
            "connection", "cookie", "expect", "te", "upgrade", "keep-alive", "proxy-connection");

    private final FlowsListener[] listeners;
    private final AtomicBoolean[] threwReported;
    private final AtomicBoolean[] headerReported;
    private final TimeSource time;
    private final BooleanSupplier clientClosed;
    private final Map<Long, CallState> calls = new ConcurrentHashMap<>();

    /** The events of one call so far; its lock orders them. */
    private static final class CallState {
        final CallInfo info;
        int openAttempt;
        long attemptStart;
        boolean ended;

        CallState(CallInfo info) {
            this.info = info;
        }
    }

    /**
     * @param listeners    at least one
     * @param time         the client's time (durations of synthesised attempt ends, iterations)
     * @param clientClosed whether the client is closed (transport failures are then cancellations)
     */
    public ListenerObserver(List<FlowsListener> listeners, TimeSource time, BooleanSupplier clientClosed) {
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("no listeners: use Observer.NONE");
        }
        this.listeners = listeners.toArray(new FlowsListener[0]);
        this.threwReported = flags(listeners.size());
        this.headerReported = flags(listeners.size());
        this.time = time;
        this.clientClosed = clientClosed;
    }

    private static AtomicBoolean[] flags(int n) {
        AtomicBoolean[] a = new AtomicBoolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = new AtomicBoolean();
        }
        return a;
    }

    // ---- calls ----

    @Override
    public void callStarted(CallSpec<?> call, long callId) {
        CallInfo info = new CallInfo(callId, call.operation(), call.method(),
                call.pathTemplate() == null ? "" : call.pathTemplate(), call.url().host(), call.url().port(),
                call.iterationId());
        CallState state = new CallState(info);
        calls.put(callId, state);
        synchronized (state) {
            fire(FlowsListener::callStarted, new CallStarted(info), "callStarted");
        }
    }

    @Override
    public void attemptStarted(CallSpec<?> call, long callId, int attempt, Request.Builder request) {
        CallState state = calls.get(callId);
        if (state == null) {
            return;
        }
        synchronized (state) {
            if (state.ended) {
                return;
            }
            state.openAttempt = attempt;
            state.attemptStart = time.nanoTime();
            AttemptStarted event = new AttemptStarted(state.info, attempt);
            fire(FlowsListener::attemptStarted, event, "attemptStarted");
            addHeaders(call, event, request);
        }
    }

    @Override
    public void attemptEnded(CallSpec<?> call, long callId, int attempt, int status, long nanos, Throwable failure) {
        CallState state = calls.get(callId);
        if (state == null) {
            return;
        }
        synchronized (state) {
            if (state.ended || state.openAttempt != attempt) {
                return;
            }
            state.openAttempt = 0;
            fire(FlowsListener::attemptEnded, new AttemptEnded(state.info, attempt, status, Duration.ofNanos(nanos),
                    Outcomes.of(status, failure, clientClosed.getAsBoolean()), classOf(failure)), "attemptEnded");
        }
    }

    @Override
    public void retryScheduled(CallSpec<?> call, long callId, int failedAttempt, int status, Throwable failure,
                               Duration delay, boolean retryAfterHeader) {
        CallState state = calls.get(callId);
        if (state == null) {
            return;
        }
        synchronized (state) {
            if (state.ended) {
                return;
            }
            fire(FlowsListener::retryScheduled, new RetryScheduled(state.info, failedAttempt,
                    Outcomes.retryReason(status, failure), status, delay, retryAfterHeader), "retryScheduled");
        }
    }

    @Override
    public void callEnded(CallSpec<?> call, long callId, int status, long nanos, int attempts, Throwable failure) {
        CallState state = calls.remove(callId);
        if (state == null) {
            return;
        }
        Outcome outcome = Outcomes.of(status, failure, clientClosed.getAsBoolean());
        synchronized (state) {
            if (state.ended) {
                return;
            }
            if (state.openAttempt != 0) {
                fire(FlowsListener::attemptEnded, new AttemptEnded(state.info, state.openAttempt, 0,
                        Duration.ofNanos(time.nanoTime() - state.attemptStart), outcome, classOf(failure)),
                        "attemptEnded");
                state.openAttempt = 0;
            }
            state.ended = true;
            fire(FlowsListener::callEnded, new CallEnded(state.info, status, Duration.ofNanos(nanos), attempts, outcome,
                    classOf(failure)), "callEnded");
        }
    }

    /** {@return calls started and not yet ended; for tests} */
    int callsInProgress() {
        return calls.size();
    }

    // ---- headers ----

    private void addHeaders(CallSpec<?> call, AttemptStarted event, Request.Builder request) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                Map<String, String> headers = listeners[i].attemptHeaders(event);
                if (headers == null || headers.isEmpty()) {
                    continue;
                }
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    String name = h.getKey();
                    if (name == null || h.getValue() == null || RESERVED.contains(name.toLowerCase(Locale.ROOT))
                            || call.headers().get(name) != null) {
                        headerRefused(i, name, "reserved, already set, or null");
                        continue;
                    }
                    try {
                        request.header(name, h.getValue());
                    } catch (IllegalArgumentException invalid) {
                        headerRefused(i, name, "not a valid HTTP header name or value");
                    }
                }
            } catch (Throwable t) {
                listenerFailed(i, "attemptHeaders", t);
            }
        }
    }

    private void headerRefused(int i, String name, String why) {
        if (headerReported[i].compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "FlowsListener " + listeners[i].getClass().getName() + ": header '" + name
                    + "' not sent (" + why + "); later refused headers of this listener are not logged");
        }
    }

    // ---- iterations ----

    @Override
    public IterationObserver iteration(String operation, String pathTemplate, int pageSize, int parallelism) {
        return new Iteration(ITERATION_IDS.incrementAndGet(), operation, pathTemplate, pageSize, parallelism);
    }

    /** One iteration's events; its lock orders them (the end may come from another thread). */
    private final class Iteration implements IterationObserver {
        final long id;
        final String operation;
        final String pathTemplate;
        final int pageSize;
        final int parallelism;
        boolean started;
        boolean ended;
        long startNanos;
        int pages;
        long items;

        Iteration(long id, String operation, String pathTemplate, int pageSize, int parallelism) {
            this.id = id;
            this.operation = operation;
            this.pathTemplate = pathTemplate;
            this.pageSize = pageSize;
            this.parallelism = parallelism;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public synchronized void started() {
            if (started) {
                return;
            }
            started = true;
            startNanos = time.nanoTime();
            fire(FlowsListener::iterationStarted, new IterationStarted(id, operation, pathTemplate, pageSize,
                    parallelism), "iterationStarted");
        }

        @Override
        public synchronized void page(long startIndex, int pageItems, Long totalResults, int inFlight) {
            if (!started || ended) {
                return;
            }
            pages++;
            items += pageItems;
            fire(FlowsListener::pageFetched, new PageFetched(id, operation, pages, startIndex, pageItems,
                    totalResults == null ? OptionalLong.empty() : OptionalLong.of(totalResults), inFlight),
                    "pageFetched");
        }

        @Override
        public synchronized void ended(Throwable failure, boolean cancelled) {
            if (!started || ended) {
                return;
            }
            ended = true;
            Outcome outcome = failure != null ? Outcomes.of(0, failure, clientClosed.getAsBoolean())
                    : cancelled ? Outcome.CANCELLED : Outcome.SUCCESS;
            fire(FlowsListener::iterationEnded, new IterationEnded(id, operation, items, pages,
                    Duration.ofNanos(time.nanoTime() - startNanos), outcome, classOf(failure)), "iterationEnded");
        }
    }

    // ---- tokens, partial results ----

    @Override
    public void tokenFetched(TokenFetchReason reason, Duration took, Duration lifetime) {
        fire(FlowsListener::tokenFetched, new TokenFetched(reason, took, lifetime), "tokenFetched");
    }

    @Override
    public void tokenFetchFailed(TokenFetchReason reason, Duration took, Throwable failure,
                                 boolean previousTokenValid) {
        AuthenticationException auth = failure instanceof AuthenticationException a ? a : null;
        fire(FlowsListener::tokenFetchFailed, new TokenFetchFailed(reason, took, failure.getClass(),
                auth == null ? null : auth.error(), auth == null ? 0 : auth.statusCode(), previousTokenValid),
                "tokenFetchFailed");
    }

    @Override
    public void partialResult(long callId, String operation, int statusCode, int succeeded, int failed) {
        fire(FlowsListener::partialResult, new PartialResult(callId, operation, statusCode, succeeded, failed),
                "partialResult");
    }

    // ---- delivery ----

    /** Hands {@code event} to every listener; {@code deliver} is a method reference, so nothing is allocated. */
    private <E> void fire(BiConsumer<FlowsListener, E> deliver, E event, String name) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                deliver.accept(listeners[i], event);
            } catch (Throwable t) {
                listenerFailed(i, name, t);
            }
        }
    }

    private void listenerFailed(int i, String method, Throwable t) {
        if (t instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        if (threwReported[i].compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "FlowsListener " + listeners[i].getClass().getName() + " threw from " + method
                    + "; the call went on. Later exceptions of this listener are not logged.", t);
        }
    }

    private static Class<? extends Throwable> classOf(Throwable failure) {
        return failure == null ? null : failure.getClass();
    }

    @Override
    public String toString() {
        return "ListenerObserver{" + listeners.length + " listeners, " + calls.size() + " calls in progress}";
    }
}
