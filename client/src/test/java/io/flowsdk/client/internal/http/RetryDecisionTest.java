package io.flowsdk.client.internal.http;

import io.flowsdk.client.RetryPolicy;
import io.flowsdk.client.internal.http.RetryDecision.Failure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retry decision as a table: every combination of failed attempt, attempt budget, kind of
 * request, kind of failure, status (every code from 100 to 599), {@code Retry-After}, jitter and
 * time left is checked against the rules written out here independently of the implementation:
 * which failures are retried for which requests, the attempt budget, the server's wait or the
 * backoff, the {@code Retry-After} ceiling and the deadline.
 */
class RetryDecisionTest {
    private static final RetryPolicy POLICY = RetryPolicy.builder().maxAttempts(3)
            .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2))
            .maxRetryAfter(Duration.ofSeconds(60)).build();
    /** Statuses a GET (or a token request) retries. */
    private static final Set<Integer> RETRIED_IF_IDEMPOTENT = Set.of(429, 502, 503, 504);
    /** Statuses every request retries: the server refused before doing anything. */
    private static final Set<Integer> RETRIED_ALWAYS = Set.of(429);

    private static final Duration[] RETRY_AFTERS = {null, Duration.ZERO, Duration.ofSeconds(2),
            Duration.ofSeconds(60), Duration.ofSeconds(61)};
    private static final long[] NANOS_LEFT = {Long.MAX_VALUE, 0, Duration.ofMillis(60).toNanos(),
            Duration.ofSeconds(5).toNanos()};
    private static final double[] RANDOMS = {0.0, 0.5, 0.999};

    @Test
    void everyCombinationFollowsTheRules() {
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            for (boolean idempotent : new boolean[] {true, false}) {
                for (Failure failure : Failure.values()) {
                    for (int status = failure == Failure.STATUS ? 100 : 0; status <= (failure == Failure.STATUS ? 599 : 0); status++) {
                        for (Duration retryAfter : RETRY_AFTERS) {
                            for (long left : NANOS_LEFT) {
                                for (double random : RANDOMS) {
                                    Duration expected = expected(attempt, idempotent, failure, status, retryAfter, random, left);
                                    Duration actual = RetryDecision.next(attempt, POLICY, idempotent, failure, status,
                                            retryAfter, random, left);
                                    checked++;
                                    if (!java.util.Objects.equals(expected, actual) && wrong.size() < 20) {
                                        wrong.add("attempt " + attempt + (idempotent ? " GET " : " POST ") + failure
                                                + " " + status + " Retry-After " + retryAfter + " left " + left
                                                + " random " + random + ": expected " + expected + ", got " + actual);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 200_000, "the table has " + checked + " rows");
    }

    /** The rules, stated on their own. */
    private static Duration expected(int attempt, boolean idempotent, Failure failure, int status, Duration retryAfter,
                                     double random, long nanosLeft) {
        boolean retryable = switch (failure) {
            case STATUS -> RETRIED_ALWAYS.contains(status) || (idempotent && RETRIED_IF_IDEMPOTENT.contains(status));
            case NOT_SENT -> true;            // nothing reached the server: safe for every method
            case SENT -> idempotent;          // it may have been processed: only a GET is repeated
            case FINAL -> false;
        };
        if (!retryable || attempt >= 3) {
            return null;
        }
        Duration wait;
        if (failure == Failure.STATUS && retryAfter != null) {
            if (retryAfter.getSeconds() > 60) {
                return null;                  // longer than the policy accepts: fail at once
            }
            wait = retryAfter;
        } else {
            // 100 ms doubled per failed attempt, capped at 2 s; jitter keeps between half and all of it
            long base = Math.min(100L << (attempt - 1), 2000) * 1_000_000L;
            wait = Duration.ofNanos(base / 2 + (long) ((base - base / 2) * random));
        }
        return wait.toNanos() > nanosLeft ? null : wait;
    }

    @Test
    void statusesRetriedAreExactlyTheDocumentedOnes() {
        for (int status = 100; status <= 599; status++) {
            assertEquals(RETRIED_IF_IDEMPOTENT.contains(status), RetryDecision.isRetryableStatus(status, true), "GET " + status);
            assertEquals(RETRIED_ALWAYS.contains(status), RetryDecision.isRetryableStatus(status, false), "POST " + status);
        }
    }

    @Test
    void aPolicyOfOneAttemptNeverRetries() {
        RetryPolicy none = RetryPolicy.none();
        for (Failure failure : Failure.values()) {
            for (int status : new int[] {0, 429, 503}) {
                assertEquals(null, RetryDecision.next(1, none, true, failure, status, null, 0.5, Long.MAX_VALUE),
                        failure + " " + status);
            }
        }
        assertTrue(Arrays.stream(Failure.values()).anyMatch(f -> RetryDecision.isRetryable(true, f, 503)));
    }
}
