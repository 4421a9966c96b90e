package io.flowsdk.bench;

import io.flowsdk.client.internal.ListenerObserver;
import io.flowsdk.client.internal.Observer;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.internal.http.CallSpec;
import io.flowsdk.client.internal.http.ResponseHandler;
import io.flowsdk.client.internal.time.SystemTime;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU time and allocation of the events of one successful call (callStarted, attemptStarted
 * with its headers, attemptEnded, callEnded), without the network: what a listener variant adds
 * to every call, measured where load from other processes hardly matters (no I/O, no thread
 * hand-off). Run with {@code -prof gc} for the bytes allocated per call. OpenTelemetry exports
 * synchronously here: at this rate a batch processor's queue overflows and drops spans.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ObserverCostBenchmark {
    @Param({"none", "noop", "micrometer", "opentelemetry-sync"})
    public String listener;

    private final AtomicLong ids = new AtomicLong();
    private Listeners listeners;
    private Observer observer;
    private CallSpec<Object> spec;
    private Request.Builder request;

    @Setup(Level.Trial)
    public void setUp() {
        listeners = Listeners.create(listener);
        observer = listeners.listener == null ? Observer.NONE
                : new ListenerObserver(List.of(listeners.listener), new SystemTime(Clock.systemUTC()), () -> false);
        spec = new CallSpec<>("tasks.get", "/flows/tasks/{id}", "GET",
                HttpUrl.get("http://127.0.0.1:8080/api/v1/flows/tasks/t-42"), null, null, null, true, true,
                new ResponseHandler<>() {
                    @Override
                    public Object success(Response response, Attempt attempt) {
                        return null;
                    }

                    @Override
                    public FlowsException failure(Response response, String errorText, Duration retryAfter,
                                                  Attempt attempt) {
                        return null;
                    }
                }, null);
        request = new Request.Builder().url(spec.url());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        listeners.close();
    }

    @Benchmark
    public Request.Builder eventsOfOneCall() {
        long id = ids.incrementAndGet();
        observer.callStarted(spec, id);
        observer.attemptStarted(spec, id, 1, request);
        observer.attemptEnded(spec, id, 1, 200, 50_000, null);
        observer.callEnded(spec, id, 200, 60_000, 1, null);
        return request;
    }
}
