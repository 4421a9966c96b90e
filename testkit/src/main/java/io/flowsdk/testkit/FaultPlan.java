package io.flowsdk.testkit;

import java.util.List;

/**
 * When an injected fault applies: returned by {@link FlowsStub#inject(Endpoint, Fault...)} and
 * configured fluently. A plan counts the requests to its endpoint made after it was injected;
 * by default it applies to the first one only.
 *
 * <pre>{@code
 * stub.inject(Endpoint.LIST_TASKS, Fault.status(503)).afterRequests(2).times(1); // 3rd page fails once
 * stub.inject(Endpoint.GET_TASK, Fault.connectionReset()).times(2);           // two resets, then normal
 * stub.inject(Endpoint.COMPLETE_TASK, Fault.connectionReset()).afterHandling(); // done, but answer lost
 * stub.inject(Endpoint.GET_FLOW, Fault.serverError()).always();
 * }</pre>
 *
 * <p>When several plans target one endpoint they queue up in the order they were injected: a
 * request is offered to the plans in that order, the first that applies faults it, and later
 * plans do not count it. So {@code inject(e, status(500)); inject(e, status(503));} answers 500,
 * then 503, then normally. Thread-safe.
 */
public final class FaultPlan {
    private final Endpoint endpoint;
    private final List<Fault> faults;
    private long skip;
    private long times = 1; // negative: unlimited
    private boolean afterHandling;
    private long seen;
    private long applied;

    FaultPlan(Endpoint endpoint, List<Fault> faults) {
        this.endpoint = endpoint;
        this.faults = List.copyOf(faults);
        for (Fault f : this.faults) {
            if (f.kind == Fault.Kind.TRUNCATED) {
                afterHandling = true;
            }
        }
    }

    /**
     * Lets the first {@code n} requests through normally before the fault applies: with
     * {@code afterRequests(2)} the third request is the first one faulted.
     *
     * @param n requests to let through, 0 or more
     * @return this plan
     */
    public synchronized FaultPlan afterRequests(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("afterRequests must be >= 0, got " + n);
        }
        this.skip = n;
        return this;
    }

    /**
     * Applies the fault to this many requests (after those skipped), then answers normally again.
     *
     * @param n how many requests to fault, 1 or more (default 1)
     * @return this plan
     */
    public synchronized FaultPlan times(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be >= 1, got " + n);
        }
        this.times = n;
        return this;
    }

    /**
     * Applies the fault to every request (after those skipped), until {@link FlowsStub#reset()}
     * or {@link FlowsStub#clearFaults()}.
     *
     * @return this plan
     */
    public synchronized FaultPlan always() {
        this.times = -1;
        return this;
    }

    /**
     * Lets the fake API handle the request (changing the store) before the fault replaces its
     * answer: the way to test "the server did it, but the answer was lost".
     *
     * @return this plan
     */
    public synchronized FaultPlan afterHandling() {
        this.afterHandling = true;
        return this;
    }

    /**
     * The endpoint this plan targets.
     *
     * @return the endpoint
     */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * The faults of this plan.
     *
     * @return the faults, combined as {@link Fault} describes
     */
    public List<Fault> faults() {
        return faults;
    }

    /**
     * How many requests this plan has faulted so far.
     *
     * @return the count
     */
    public synchronized long appliedCount() {
        return applied;
    }

    /**
     * Whether the plan will fault no further request.
     *
     * @return true when used up
     */
    public synchronized boolean isExhausted() {
        return times >= 0 && applied >= times;
    }

    /**
     * Counts one request to the endpoint (not faulted by an earlier plan) and says whether this
     * plan faults it.
     *
     * @return true when this plan faults it
     */
    synchronized boolean offer() {
        long index = seen++;
        boolean inWindow = index >= skip && (times < 0 || index < skip + times);
        if (inWindow) {
            applied++;
            return true;
        }
        return false;
    }

    synchronized boolean handlesFirst() {
        return afterHandling;
    }

    @Override
    public synchronized String toString() {
        return "FaultPlan[" + endpoint.name() + " " + faults + ", afterRequests=" + skip
                + ", times=" + (times < 0 ? "always" : times) + (afterHandling ? ", afterHandling" : "")
                + ", applied=" + applied + "]";
    }
}
