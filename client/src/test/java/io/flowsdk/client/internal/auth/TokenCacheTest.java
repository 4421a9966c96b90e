package io.flowsdk.client.internal.auth;

import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.ServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache's rules on virtual time, with a fetch function the test completes by hand: no HTTP, no sleeps. */
class TokenCacheTest {
    private final TestClock clock = new TestClock();
    private final Fetches fetches = new Fetches();
    private final List<Thread> threads = new ArrayList<>();

    /** Every fetch the cache starts, as a future the test completes. */
    static final class Fetches implements Supplier<CompletableFuture<AccessToken>> {
        final List<CompletableFuture<AccessToken>> started = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<AccessToken> get() {
            CompletableFuture<AccessToken> f = new CompletableFuture<>();
            started.add(f);
            return f;
        }

        int count() {
            return started.size();
        }

        CompletableFuture<AccessToken> last() {
            return started.get(started.size() - 1);
        }

        void succeed(String token, long expiresInSeconds) {
            last().complete(new AccessToken(token, Duration.ofSeconds(expiresInSeconds), null));
        }
    }

    private TokenCache cache(Duration refreshBefore) {
        return new TokenCache(clock, fetches, refreshBefore);
    }

    private TokenCache cache() {
        return cache(Duration.ofSeconds(60));
    }

    /** A cache holding {@code t1}, fetched now, living {@code lifetime} seconds. */
    private TokenCache warm(long lifetime) {
        TokenCache c = cache();
        CompletableFuture<String> first = c.getAsync();
        fetches.succeed("t1", lifetime);
        assertEquals("t1", first.join());
        return c;
    }

    @AfterEach
    void joinThreads() throws InterruptedException {
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(t.isAlive(), "thread left hanging: " + t.getName());
        }
    }

    // ------------------------------------------------------------------ cold cache, single flight

    @Test
    void aColdCacheFetchesOnceAndThenReusesTheToken() {
        TokenCache c = cache();
        CompletableFuture<String> first = c.getAsync();
        assertFalse(first.isDone(), "nothing to hand out before the fetch completes");
        assertEquals(1, fetches.count());
        fetches.succeed("t1", 3600);
        assertEquals("t1", first.join());
        for (int i = 0; i < 10; i++) {
            clock.advanceSeconds(300);
            assertEquals("t1", c.get());
        }
        assertEquals(1, fetches.count());
    }

    @Test
    void sixtyFourThreadsOnAColdCacheCauseOneFetch() throws Exception {
        TokenCache c = cache();
        List<String> got = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 64; i++) {
            Thread t = new Thread(() -> got.add(c.get()), "caller-" + i);
            threads.add(t);
            t.start();
        }
        awaitAllWaitingIn("get");
        assertEquals(1, fetches.count());
        fetches.succeed("t1", 3600);
        joinThreads();
        assertEquals(64, got.size());
        assertTrue(got.stream().allMatch("t1"::equals), got.toString());
        assertEquals(1, fetches.count());
    }

    @Test
    void sixtyFourThreadsOnAnExpiredCacheCauseOneFetch() throws Exception {
        TokenCache c = warm(3600);
        clock.advanceSeconds(3600);
        List<String> got = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 64; i++) {
            Thread t = new Thread(() -> got.add(c.get()), "caller-" + i);
            threads.add(t);
            t.start();
        }
        awaitAllWaitingIn("get");
        assertEquals(2, fetches.count());
        fetches.succeed("t2", 3600);
        joinThreads();
        assertEquals(64, got.size());
        assertTrue(got.stream().allMatch("t2"::equals), got.toString());
        assertEquals(2, fetches.count());
    }

    @Test
    void sixtyFourAsyncCallersCauseOneFetchAndNoneBlocks() {
        TokenCache c = cache();
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            futures.add(c.getAsync()); // on this one thread: it would deadlock if getAsync waited
        }
        assertEquals(1, fetches.count());
        assertTrue(futures.stream().noneMatch(CompletableFuture::isDone));
        fetches.succeed("t1", 3600);
        assertTrue(futures.stream().allMatch(f -> "t1".equals(f.join())));
        assertEquals(1, fetches.count());
    }

    @Test
    void cancellingOneAsyncCallerDoesNotCancelTheSharedFetch() {
        TokenCache c = cache();
        CompletableFuture<String> a = c.getAsync();
        CompletableFuture<String> b = c.getAsync();
        a.cancel(true);
        assertFalse(fetches.last().isCancelled());
        fetches.succeed("t1", 3600);
        assertEquals("t1", b.join());
        assertEquals("t1", c.get());
        assertEquals(1, fetches.count());
    }

    // ------------------------------------------------------------------ refresh ahead

    @Test
    void inTheRefreshWindowOneCallerRefreshesAndEveryoneKeepsTheOldToken() {
        TokenCache c = warm(3600);
        clock.advanceSeconds(3539);
        assertEquals("t1", c.get());
        assertEquals(1, fetches.count(), "before the window: no refresh");

        clock.advanceSeconds(1); // 60 s before expiry
        assertEquals("t1", c.get());
        assertEquals(2, fetches.count(), "the first call in the window starts the refresh");
        for (int i = 0; i < 20; i++) {
            assertEquals("t1", c.get());
            CompletableFuture<String> async = c.getAsync();
            assertTrue(async.isDone(), "served at once, not chained on the refresh");
            assertEquals("t1", async.join());
        }
        assertEquals(2, fetches.count(), "one refresh in flight at a time");

        fetches.succeed("t2", 3600);
        assertEquals("t2", c.get());
        clock.advanceSeconds(3539);
        assertEquals("t2", c.get());
        assertEquals(2, fetches.count());
    }

    @Test
    void aRefreshThatFailsInTheWindowIsNotReportedAndTheOldTokenServesUntilExpiry() {
        TokenCache c = warm(3600);
        clock.advanceSeconds(3545);
        assertEquals("t1", c.get());
        fetches.last().completeExceptionally(new AuthenticationException("down", null, null, 503, null));
        assertEquals("t1", c.get(), "the failure is not the caller's problem while t1 is valid");
        clock.advanceSeconds(54); // 1 s before expiry
        assertEquals("t1", c.get());
        assertEquals("t1", c.getAsync().join());
    }

    @Test
    void afterAFailedRefreshNoNewAttemptBeforeTheCoolDown() {
        TokenCache c = warm(3600);
        clock.advanceSeconds(3540);
        c.get();
        assertEquals(2, fetches.count());
        fetches.last().completeExceptionally(new AuthenticationException("down", null, null, 503, null));

        clock.advanceSeconds(29);
        for (int i = 0; i < 50; i++) {
            assertEquals("t1", c.get());
        }
        assertEquals(2, fetches.count(), "cool-down: the failing endpoint is not asked again");

        clock.advanceSeconds(1); // 30 s after the failure, t1 still valid
        assertEquals("t1", c.get());
        assertEquals(3, fetches.count(), "after the cool-down the next call tries again");
        fetches.succeed("t2", 3600);
        assertEquals("t2", c.get());
    }

    @Test
    void theCoolDownIsThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), TokenCache.COOL_DOWN);
    }

    @Test
    void aRefreshFailureSurfacesOnlyAfterExpiryAndThenFromANewAttempt() {
        TokenCache c = warm(3600);
        clock.advanceSeconds(3590); // late in the window: the cool-down would end after expiry
        c.get();
        fetches.last().completeExceptionally(new AuthenticationException("first", null, null, 503, null));
        assertEquals("t1", c.get());

        clock.advanceSeconds(10); // expired; the cool-down (until 3620) does not apply without a valid token
        CompletableFuture<String> waiting = c.getAsync();
        assertEquals(3, fetches.count(), "a new attempt, not the remembered failure");
        assertFalse(waiting.isDone());
        AuthenticationException second = new AuthenticationException("second", "invalid_client", null, 401, null);
        fetches.last().completeExceptionally(second);
        ExecutionException e = assertThrows(ExecutionException.class, waiting::get);
        assertSame(second, e.getCause());
    }

    @Test
    void aRefreshThatSucceedsAfterExpiryReleasesTheWaiters() {
        TokenCache c = warm(3600);
        clock.advanceSeconds(3550);
        c.get(); // refresh starts, stays in flight
        clock.advanceSeconds(60); // t1 expired while the refresh is still running
        CompletableFuture<String> waiting = c.getAsync();
        assertFalse(waiting.isDone(), "t1 is expired: wait for the refresh");
        assertEquals(2, fetches.count(), "and join the one in flight");
        fetches.succeed("t2", 3600);
        assertEquals("t2", waiting.join());
    }

    // ------------------------------------------------------------------ failures without a valid token

    @Test
    void aFailedFetchOnAColdCacheFailsEveryWaiterAndTheNextCallTriesAgain() {
        TokenCache c = cache();
        CompletableFuture<String> a = c.getAsync();
        CompletableFuture<String> b = c.getAsync();
        AuthenticationException failure = new AuthenticationException("refused", "invalid_client", null, 401, null);
        fetches.last().completeExceptionally(failure);
        assertSame(failure, assertThrows(ExecutionException.class, a::get).getCause());
        assertSame(failure, assertThrows(ExecutionException.class, b::get).getCause());
        assertSame(failure, assertThrows(AuthenticationException.class, () -> {
            CompletableFuture<String> again = c.getAsync();
            assertEquals(2, fetches.count(), "no cool-down without a token to fall back on");
            fetches.last().completeExceptionally(failure);
            throw (RuntimeException) assertThrows(ExecutionException.class, again::get).getCause();
        }));
    }

    @Test
    void blockingCallersGetTheAuthenticationExceptionItself() throws Exception {
        TokenCache c = cache();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                c.get();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        threads.add(t);
        t.start();
        awaitAllWaitingIn("get");
        AuthenticationException failure = new AuthenticationException("refused", "invalid_client", "bad secret", 401,
                null);
        fetches.last().completeExceptionally(failure);
        t.join();
        assertSame(failure, thrown.get());
    }

    @Test
    void otherFailuresOfTheFetchBecomeAuthenticationExceptions() {
        TokenCache c = cache();
        CompletableFuture<String> io = c.getAsync();
        IOException cause = new IOException("connection reset");
        fetches.last().completeExceptionally(cause);
        AuthenticationException e = assertInstanceOf(AuthenticationException.class,
                assertThrows(ExecutionException.class, io::get).getCause());
        assertSame(cause, e.getCause());
        assertEquals(0, e.statusCode());
        assertNull(e.error());

        CompletableFuture<String> http = c.getAsync();
        fetches.last().completeExceptionally(new ServerException(503, "POST", "/oauth2/token", null, null, null, null));
        e = assertInstanceOf(AuthenticationException.class, assertThrows(ExecutionException.class, http::get).getCause());
        assertEquals(503, e.statusCode());
    }

    @Test
    void aFetchFunctionThatThrowsOrReturnsNullFailsTheCallNotTheCache() {
        Supplier<CompletableFuture<AccessToken>> throwing = () -> {
            throw new IllegalStateException("no transport");
        };
        TokenCache c = new TokenCache(clock, throwing, Duration.ofSeconds(60));
        AuthenticationException e = assertThrows(AuthenticationException.class, c::get);
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertThrows(AuthenticationException.class, c::get, "and again: nothing is stuck in flight");

        TokenCache nulls = new TokenCache(clock, () -> null, Duration.ofSeconds(60));
        assertThrows(AuthenticationException.class, nulls::get);
        assertInstanceOf(AuthenticationException.class,
                assertThrows(ExecutionException.class, () -> nulls.getAsync().get()).getCause());
    }

    @Test
    void anInterruptedWaiterGivesUpAloneAndKeepsItsInterruptFlag() throws Exception {
        TokenCache c = cache();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                c.get();
            } catch (Throwable e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        threads.add(t);
        CompletableFuture<String> other = c.getAsync();
        t.start();
        awaitAllWaitingIn("get");
        t.interrupt();
        t.join();
        // an interrupt, like every interrupt of a blocking call: not an authentication failure
        assertInstanceOf(io.flowsdk.client.error.FlowsInterruptedException.class, thrown.get());
        assertTrue(thrown.get().getMessage().contains("interrupted"), thrown.get().getMessage());
        assertTrue(flag.get());
        fetches.succeed("t1", 3600);
        assertEquals("t1", other.join());
        assertEquals(1, fetches.count());
    }

    // ------------------------------------------------------------------ 401

    @Test
    void invalidatingTheCurrentTokenMakesTheNextCallFetch() {
        TokenCache c = warm(3600);
        c.invalidate("t1");
        CompletableFuture<String> next = c.getAsync();
        assertFalse(next.isDone());
        assertEquals(2, fetches.count());
        fetches.succeed("t2", 3600);
        assertEquals("t2", next.join());
    }

    @Test
    void invalidatingAnOlderTokenOrNullChangesNothing() {
        TokenCache c = warm(3600);
        c.invalidate("t0");
        c.invalidate(null);
        assertEquals("t1", c.get());
        assertEquals(1, fetches.count());
    }

    @Test
    void manyCallsRejectedWithTheSameTokenCauseOneFetch() {
        TokenCache c = warm(3600);
        List<CompletableFuture<String>> retries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            c.invalidate("t1"); // each call saw its own 401
            retries.add(c.getAsync());
        }
        assertEquals(2, fetches.count());
        fetches.succeed("t2", 3600);
        assertTrue(retries.stream().allMatch(f -> "t2".equals(f.join())));
        c.invalidate("t1"); // a late 401 for the old token does not throw away the new one
        assertEquals("t2", c.get());
        assertEquals(2, fetches.count());
    }

    @Test
    void invalidationLiftsTheCoolDown() {
        TokenCache c = warm(3600);
        clock.advanceSeconds(3550);
        c.get();
        fetches.last().completeExceptionally(new AuthenticationException("down", null, null, 503, null));
        c.invalidate("t1");
        CompletableFuture<String> next = c.getAsync();
        assertEquals(3, fetches.count(), "no token left: fetch at once");
        fetches.succeed("t2", 3600);
        assertEquals("t2", next.join());
    }

    @Test
    void invalidationWhileARefreshIsInFlightJoinsThatRefresh() {
        TokenCache c = warm(3600);
        clock.advanceSeconds(3550);
        c.get();
        c.invalidate("t1");
        CompletableFuture<String> next = c.getAsync();
        assertEquals(2, fetches.count());
        fetches.succeed("t2", 3600);
        assertEquals("t2", next.join());
    }

    // ------------------------------------------------------------------ lifetimes

    @Test
    void aShortLivedTokenIsRefreshedAtHalfItsLifetime() {
        TokenCache c = warm(60); // refreshBefore 60 s would mean "always": half of 60 s is used
        clock.advanceSeconds(29);
        assertEquals("t1", c.get());
        assertEquals(1, fetches.count());
        clock.advanceSeconds(1);
        assertEquals("t1", c.get());
        assertEquals(2, fetches.count());
    }

    @Test
    void halfTheLifetimeAppliesBelowTwiceRefreshBefore() {
        TokenCache c = warm(100); // min(60, 50) = 50
        clock.advanceSeconds(49);
        c.get();
        assertEquals(1, fetches.count());
        clock.advanceSeconds(1);
        c.get();
        assertEquals(2, fetches.count());
    }

    @Test
    void aCustomRefreshBeforeIsHonoured() {
        TokenCache c = cache(Duration.ofMinutes(10));
        CompletableFuture<String> first = c.getAsync();
        fetches.succeed("t1", 3600);
        first.join();
        clock.advanceSeconds(2999);
        c.get();
        assertEquals(1, fetches.count());
        clock.advanceSeconds(1);
        c.get();
        assertEquals(2, fetches.count());
    }

    @Test
    void refreshBeforeZeroMeansTheTokenIsReplacedOnlyWhenItExpires() {
        TokenCache c = cache(Duration.ZERO);
        CompletableFuture<String> first = c.getAsync();
        fetches.succeed("t1", 3600);
        first.join();
        clock.advanceSeconds(3599);
        assertEquals("t1", c.get());
        assertEquals(1, fetches.count());
        clock.advanceSeconds(1);
        assertFalse(c.getAsync().isDone());
        assertEquals(2, fetches.count());
    }

    @Test
    void theLifetimeCountsFromWhenTheRequestStarted() {
        TokenCache c = cache();
        CompletableFuture<String> first = c.getAsync();
        clock.advanceSeconds(20); // a slow token endpoint
        fetches.succeed("t1", 100);
        first.join();
        clock.advanceSeconds(29); // 49 s after the start: before the refresh point (100 - 50)
        c.get();
        assertEquals(1, fetches.count());
        clock.advanceSeconds(1); // 50 s after the start
        c.get();
        assertEquals(2, fetches.count());
    }

    @Test
    void withoutExpiresInTheTokenIsTakenToLiveFiveMinutes() {
        assertEquals(Duration.ofMinutes(5), TokenCache.DEFAULT_LIFETIME);
        TokenCache c = cache();
        CompletableFuture<String> first = c.getAsync();
        fetches.last().complete(new AccessToken("t1", null, null));
        first.join();
        clock.advanceSeconds(239);
        c.get();
        assertEquals(1, fetches.count());
        clock.advanceSeconds(1); // 300 - 60
        assertEquals("t1", c.get());
        assertEquals(2, fetches.count());
        clock.advanceSeconds(60); // 300: expired, the refresh is still in flight
        assertFalse(c.getAsync().isDone());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -3600, Long.MIN_VALUE})
    void aTokenThatIsAlreadyExpiredGoesToItsWaitersButIsNotKept(long expiresIn) {
        TokenCache c = cache();
        CompletableFuture<String> a = c.getAsync();
        CompletableFuture<String> b = c.getAsync();
        fetches.last().complete(new AccessToken("t1", Duration.ofSeconds(expiresIn), null));
        assertEquals("t1", a.join());
        assertEquals("t1", b.join());
        CompletableFuture<String> next = c.getAsync();
        assertFalse(next.isDone());
        assertEquals(2, fetches.count());
        fetches.succeed("t2", 3600);
        assertEquals("t2", next.join());
    }

    @Test
    void anExpiredAnswerToARefreshKeepsTheOldTokenAndCoolsDown() {
        TokenCache c = warm(3600);
        clock.advanceSeconds(3550);
        c.get();
        fetches.last().complete(new AccessToken("t2", Duration.ZERO, null));
        assertEquals("t1", c.get());
        clock.advanceSeconds(29);
        assertEquals("t1", c.get());
        assertEquals(2, fetches.count());
    }

    @ParameterizedTest
    @ValueSource(longs = {31_536_000_000L, Long.MAX_VALUE})
    void aHugeLifetimeIsCappedAtOneYearWithoutOverflow(long expiresIn) {
        assertEquals(Duration.ofDays(365), TokenCache.MAX_LIFETIME);
        TokenCache c = cache();
        CompletableFuture<String> first = c.getAsync();
        fetches.succeed("t1", expiresIn);
        first.join();
        clock.advance(Duration.ofDays(365).minusSeconds(61));
        assertEquals("t1", c.get());
        assertEquals(1, fetches.count());
        clock.advanceSeconds(1);
        assertEquals("t1", c.get());
        assertEquals(2, fetches.count());
    }

    // ------------------------------------------------------------------ text

    @Test
    void toStringNeverShowsTheToken() {
        TokenCache c = cache();
        assertFalse(c.toString().contains("secret-token"));
        CompletableFuture<String> f = c.getAsync();
        fetches.succeed("secret-token-123", 3600);
        f.join();
        assertFalse(c.toString().contains("secret-token"), c.toString());
        assertFalse(new AccessToken("secret-token-123", null, "read").toString().contains("secret-token"));
    }

    @Test
    void everyFailureIsAFlowsException() {
        TokenCache c = cache();
        CompletableFuture<String> f = c.getAsync();
        fetches.last().completeExceptionally(new OutOfMemoryError("simulated"));
        assertInstanceOf(FlowsException.class, assertThrows(ExecutionException.class, f::get).getCause());
    }

    // ------------------------------------------------------------------ events for listeners

    /** The token events a cache reports, as "reason outcome took lifetime/valid". */
    static final class TokenEvents implements io.flowsdk.client.internal.Observer {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void tokenFetched(io.flowsdk.client.event.TokenFetchReason reason, Duration took, Duration lifetime) {
            seen.add(reason + " ok " + took.toSeconds() + "s life=" + lifetime.toSeconds() + "s");
        }

        @Override
        public void tokenFetchFailed(io.flowsdk.client.event.TokenFetchReason reason, Duration took,
                                     Throwable failure, boolean previousTokenValid) {
            seen.add(reason + " failed " + took.toSeconds() + "s " + failure.getClass().getSimpleName() + " valid="
                    + previousTokenValid);
        }
    }

    @Test
    void everyFetchIsReportedWithItsReasonDurationAndLifetime() {
        TokenEvents events = new TokenEvents();
        TokenCache c = new TokenCache(clock, fetches, Duration.ofSeconds(60), events);
        CompletableFuture<String> first = c.getAsync();
        clock.advanceSeconds(2);
        fetches.last().completeExceptionally(new ServerException(503, "POST", "/oauth2/token", null, null, null, null));
        assertThrows(ExecutionException.class, first::get);
        CompletableFuture<String> second = c.getAsync();             // no token yet: INITIAL again
        fetches.succeed("t1", 3600);
        assertEquals("t1", second.join());
        clock.advanceSeconds(3545);                                  // refresh window
        assertEquals("t1", c.get());
        fetches.last().completeExceptionally(new AuthenticationException("down", null, null, 503, null));
        clock.advanceSeconds(30);                                    // cool-down over, t1 still valid
        assertEquals("t1", c.get());
        fetches.last().complete(new AccessToken("t2", null, null)); // no expires_in: the default lifetime
        c.invalidate("t2");                                          // a 401
        CompletableFuture<String> third = c.getAsync();
        fetches.last().complete(new AccessToken("t3", Duration.ofDays(1000), null)); // capped
        assertEquals("t3", third.join());
        clock.advance(TokenCache.MAX_LIFETIME);                      // expired
        CompletableFuture<String> fourth = c.getAsync();
        fetches.succeed("t4", 0);                                    // handed out, not kept
        assertEquals("t4", fourth.join());

        assertEquals(List.of("INITIAL failed 2s AuthenticationException valid=false",
                "INITIAL ok 0s life=3600s",
                "REFRESH_AHEAD failed 0s AuthenticationException valid=true",
                "REFRESH_AHEAD ok 0s life=" + TokenCache.DEFAULT_LIFETIME.toSeconds() + "s",
                "REJECTED ok 0s life=" + TokenCache.MAX_LIFETIME.toSeconds() + "s",
                "EXPIRED ok 0s life=0s"), events.seen);
    }

    /** Spins (no sleep) until every started thread is parked inside {@code TokenCache.<method>}. */
    private void awaitAllWaitingIn(String method) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING && inCache(t, method))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("threads did not all reach TokenCache." + method);
            }
            Thread.onSpinWait();
        }
    }

    private static boolean inCache(Thread t, String method) {
        return Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().equals(TokenCache.class.getName())
                && f.getMethodName().equals(method));
    }
}
