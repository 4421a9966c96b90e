package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counting rules of fault plans, without HTTP. */
class FaultPlanTest {
    static List<Boolean> offer(FaultPlan plan, int n) {
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(plan.offer());
        }
        return out;
    }

    @Test
    void defaultIsTheNextRequestOnly() {
        FaultPlan p = new FaultPlan(Endpoint.GET_TASK, List.of(Fault.serverError()));
        assertEquals(List.of(true, false, false), offer(p, 3));
        assertTrue(p.isExhausted());
        assertEquals(1, p.appliedCount());
    }

    @Test
    void afterRequestsThenTimes() {
        FaultPlan p = new FaultPlan(Endpoint.LIST_TASKS, List.of(Fault.serverError())).afterRequests(2).times(2);
        assertEquals(List.of(false, false, true, true, false), offer(p, 5));
    }

    @Test
    void always() {
        FaultPlan p = new FaultPlan(Endpoint.LIST_TASKS, List.of(Fault.serverError())).afterRequests(1).always();
        assertEquals(List.of(false, true, true, true), offer(p, 4));
        assertFalse(p.isExhausted());
    }

    @Test
    void truncatedBodyImpliesAfterHandling() {
        assertTrue(new FaultPlan(Endpoint.GET_TASK, List.of(Fault.truncatedBody())).handlesFirst());
        assertFalse(new FaultPlan(Endpoint.GET_TASK, List.of(Fault.serverError())).handlesFirst());
    }

    @Test
    void plansOnOneEndpointQueueUp() {
        try (FlowsStub stub = new FlowsStub()) {
            stub.inject(Endpoint.GET_TASK, Fault.status(500));
            stub.inject(Endpoint.GET_TASK, Fault.status(503));
            stub.inject(Endpoint.GET_FLOW, Fault.status(502));
            assertEquals(500, stub.claimFault(Endpoint.GET_TASK).terminal().status);
            assertEquals(503, stub.claimFault(Endpoint.GET_TASK).terminal().status);
            assertEquals(null, stub.claimFault(Endpoint.GET_TASK));
            assertEquals(502, stub.claimFault(Endpoint.GET_FLOW).terminal().status);
        }
    }

    @Test
    void faultsCombine() {
        try (FlowsStub stub = new FlowsStub()) {
            stub.inject(Endpoint.GET_TASK, Fault.delay(java.time.Duration.ofMillis(100)), Fault.status(500),
                    Fault.delay(java.time.Duration.ofMillis(50)));
            FlowsStub.FaultEffect e = stub.claimFault(Endpoint.GET_TASK);
            assertEquals(150, e.delayMillis());
            assertEquals(500, e.terminal().status);
        }
    }

    @Test
    void argumentsAreChecked() {
        FaultPlan p = new FaultPlan(Endpoint.GET_TASK, List.of(Fault.serverError()));
        assertThrows(IllegalArgumentException.class, () -> p.times(0));
        assertThrows(IllegalArgumentException.class, () -> p.afterRequests(-1));
        assertThrows(IllegalArgumentException.class, () -> Fault.status(200));
        assertThrows(IllegalArgumentException.class, () -> Fault.rateLimited(-1));
        assertThrows(IllegalArgumentException.class, () -> Fault.delay(java.time.Duration.ofMillis(-1)));
        try (FlowsStub stub = new FlowsStub()) {
            assertThrows(IllegalArgumentException.class, () -> stub.inject(Endpoint.GET_TASK));
        }
    }
}
