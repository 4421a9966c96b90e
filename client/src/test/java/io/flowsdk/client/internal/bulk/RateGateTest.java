package io.flowsdk.client.internal.bulk;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateGateTest {
    private static final long S = 1_000_000_000L;
    private static final IntFunction<Duration> BACKOFF = n -> Duration.ofSeconds(n); // 1 s, 2 s, 3 s...

    @Test
    void aRateLimitPausesUntilRetryAfterAndHalvesTheLimitOnce() {
        RateGate g = new RateGate(8);
        assertEquals(8, g.limit());
        assertFalse(g.paused(0));
        long sentIn = g.epoch();
        assertEquals(2 * S, g.onRateLimited(sentIn, 0, Duration.ofSeconds(2), BACKOFF));
        assertEquals(4, g.limit());
        assertTrue(g.paused(2 * S - 1));
        assertFalse(g.paused(2 * S));
        // the other requests of the same burst (sent before the pause began) extend it, never halve again
        g.onRateLimited(sentIn, S / 2, Duration.ofSeconds(3), BACKOFF);
        g.onRateLimited(sentIn, S / 2, Duration.ofSeconds(1), BACKOFF);
        assertEquals(4, g.limit());
        assertEquals(S / 2 + 3 * S, g.pausedUntil());
    }

    @Test
    void aRateLimitOfARequestSentAfterThePauseBeganIsANewPause() {
        RateGate g = new RateGate(8);
        g.onRateLimited(g.epoch(), 10, null, BACKOFF);
        assertEquals(4, g.limit());
        assertEquals(10 + S, g.pausedUntil(), "first pause in a row: backoff(1)");
        g.onRateLimited(g.epoch(), 2 * S, null, BACKOFF);
        assertEquals(2, g.limit());
        assertEquals(2 * S + 2 * S, g.pausedUntil(), "second pause in a row: backoff(2)");
        g.onRateLimited(g.epoch(), 5 * S, null, BACKOFF);
        g.onRateLimited(g.epoch(), 8 * S, null, BACKOFF);
        assertEquals(1, g.limit(), "never below 1");
    }

    @Test
    void successesRaiseTheLimitByOnePerLimitSuccessesBackToTheMaximum() {
        RateGate g = new RateGate(8);
        g.onRateLimited(g.epoch(), 0, Duration.ZERO, BACKOFF);
        g.onRateLimited(g.epoch(), 1, Duration.ZERO, BACKOFF);
        assertEquals(2, g.limit());
        int successes = 0;
        StringBuilder limits = new StringBuilder();
        while (g.limit() < 8) {
            g.onSuccess(S);
            successes++;
            limits.append(g.limit());
        }
        assertEquals(2 + 3 + 4 + 5 + 6 + 7, successes);
        StringBuilder expected = new StringBuilder();
        for (int limit = 2; limit < 8; limit++) {
            expected.append(String.valueOf(limit).repeat(limit - 1)).append(limit + 1); // the limit-th success raises it
        }
        assertEquals(expected.toString(), limits.toString());
        for (int i = 0; i < 100; i++) {
            g.onSuccess(S);
        }
        assertEquals(8, g.limit());
    }

    @Test
    void afterAPauseTheLimitGrowsAtMostOncePerLengthOfThePause() {
        RateGate g = new RateGate(8);
        g.onRateLimited(g.epoch(), 0, Duration.ofSeconds(1), BACKOFF); // paused until 1 s, limit 4
        for (int i = 0; i < 100; i++) {
            g.onSuccess(S + S / 2);
        }
        assertEquals(4, g.limit(), "not within a second of the pause's end");
        g.onSuccess(2 * S);
        assertEquals(5, g.limit());
        for (int i = 0; i < 100; i++) {
            g.onSuccess(2 * S + S / 2);
        }
        assertEquals(5, g.limit(), "once per second");
        for (int i = 0; i < 5; i++) {
            g.onSuccess(3 * S);
        }
        assertEquals(6, g.limit(), "and only after as many successes as the limit");
    }

    @Test
    void aSuccessEndsTheSeriesOfPausesInARow() {
        RateGate g = new RateGate(4);
        g.onRateLimited(g.epoch(), 0, null, BACKOFF);
        g.onRateLimited(g.epoch(), 1, null, BACKOFF);
        assertEquals(1 + 2 * S, g.pausedUntil());
        g.onSuccess(0);
        g.onRateLimited(g.epoch(), 10 * S, null, BACKOFF);
        assertEquals(11 * S, g.pausedUntil(), "backoff(1) again");
    }
}
