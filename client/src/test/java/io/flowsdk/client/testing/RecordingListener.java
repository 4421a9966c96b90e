package io.flowsdk.client.testing;

import io.flowsdk.client.FlowsListener;
import io.flowsdk.client.event.AttemptEnded;
import io.flowsdk.client.event.AttemptStarted;
import io.flowsdk.client.event.CallEnded;
import io.flowsdk.client.event.CallInfo;
import io.flowsdk.client.event.CallStarted;
import io.flowsdk.client.event.IterationEnded;
import io.flowsdk.client.event.IterationStarted;
import io.flowsdk.client.event.PageFetched;
import io.flowsdk.client.event.PartialResult;
import io.flowsdk.client.event.RetryScheduled;
import io.flowsdk.client.event.TokenFetchFailed;
import io.flowsdk.client.event.TokenFetched;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records every event with the thread it came on, in arrival order, and can add headers to
 * attempts. Thread-safe.
 */
public class RecordingListener implements FlowsListener {
    /** One event as delivered. */
    public record Seen(String name, Object event, String thread) {
        @Override
        public String toString() {
            return name + "@" + thread + " " + event;
        }
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Function<AttemptStarted, Map<String, String>> headers = a -> Map.of();

    /** Adds the headers {@code fn} returns to every attempt. */
    public RecordingListener withHeaders(Function<AttemptStarted, Map<String, String>> fn) {
        this.headers = fn;
        return this;
    }

    private void add(String name, Object event) {
        seen.add(new Seen(name, event, Thread.currentThread().getName()));
    }

    /** {@return everything recorded so far, in order} */
    public List<Seen> all() {
        return new ArrayList<>(seen);
    }

    /** {@return the names of the events recorded so far, in order} */
    public List<String> names() {
        return seen.stream().map(Seen::name).collect(Collectors.toList());
    }

    /** {@return the events of one type, in order} */
    public <E> List<E> of(Class<E> type) {
        return seen.stream().map(Seen::event).filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** {@return the events of one call (by its callId), names in order} */
    public List<String> namesOfCall(long callId) {
        return seen.stream().filter(s -> callOf(s.event) == callId).map(Seen::name).collect(Collectors.toList());
    }

    /** {@return the events of the calls of one operation, names in order} */
    public List<String> namesOfOperation(String operation) {
        return seen.stream().filter(s -> infoOf(s.event) != null && infoOf(s.event).operation().equals(operation))
                .map(Seen::name).collect(Collectors.toList());
    }

    /** {@return the call of a call event, or null} */
    public static CallInfo infoOf(Object event) {
        if (event instanceof CallStarted e) {
            return e.call();
        }
        if (event instanceof AttemptStarted e) {
            return e.call();
        }
        if (event instanceof AttemptEnded e) {
            return e.call();
        }
        if (event instanceof RetryScheduled e) {
            return e.call();
        }
        if (event instanceof CallEnded e) {
            return e.call();
        }
        return null;
    }

    private static long callOf(Object event) {
        CallInfo info = infoOf(event);
        if (info != null) {
            return info.callId();
        }
        return event instanceof PartialResult p ? p.callId() : -1;
    }

    public void clear() {
        seen.clear();
    }

    @Override
    public void callStarted(CallStarted event) {
        add("callStarted", event);
    }

    @Override
    public void attemptStarted(AttemptStarted event) {
        add("attemptStarted", event);
    }

    @Override
    public Map<String, String> attemptHeaders(AttemptStarted attempt) {
        return headers.apply(attempt);
    }

    @Override
    public void attemptEnded(AttemptEnded event) {
        add("attemptEnded", event);
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        add("retryScheduled", event);
    }

    @Override
    public void callEnded(CallEnded event) {
        add("callEnded", event);
    }

    @Override
    public void tokenFetched(TokenFetched event) {
        add("tokenFetched", event);
    }

    @Override
    public void tokenFetchFailed(TokenFetchFailed event) {
        add("tokenFetchFailed", event);
    }

    @Override
    public void iterationStarted(IterationStarted event) {
        add("iterationStarted", event);
    }

    @Override
    public void pageFetched(PageFetched event) {
        add("pageFetched", event);
    }

    @Override
    public void iterationEnded(IterationEnded event) {
        add("iterationEnded", event);
    }

    @Override
    public void partialResult(PartialResult event) {
        add("partialResult", event);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Seen s : seen) {
            sb.append('\n').append(s);
        }
        return sb.toString();
    }
}
