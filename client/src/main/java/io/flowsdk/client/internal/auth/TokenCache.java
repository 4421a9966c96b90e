package io.flowsdk.client.internal.auth;

import io.flowsdk.client.error.AuthenticationException;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsInterruptedException;
import io.flowsdk.client.event.TokenFetchReason;
import io.flowsdk.client.internal.Futures;
import io.flowsdk.client.internal.Observer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One access token, shared by every call of a client: fetched when first needed, reused, and
 * replaced ahead of its expiry. All times come from the injected clock and every token request
 * from the injected fetch function, so the rules below are testable on virtual time without HTTP.
 *
 * <p>The rules, for a token fetched at {@code t0} that lives {@code L} (its {@code expires_in}):
 * <ul>
 *   <li><b>Lifetime.</b> It expires at {@code t0 + L}, counted from when the request was started
 *       (the server's clock starts somewhere in between, so this errs on the early side).
 *       {@code expires_in} missing: {@code L} = {@link #DEFAULT_LIFETIME}; 0 or negative: the token
 *       goes to the calls that were waiting for it but is not kept; more than {@link #MAX_LIFETIME}:
 *       capped there.</li>
 *   <li><b>Refresh ahead.</b> From {@code expiry - min(refreshBefore, L/2)} on, the first call to
 *       come starts a fetch and every call, that one included, keeps getting the old token without
 *       waiting.</li>
 *   <li><b>Single flight.</b> At most one fetch is in flight; every call that needs a token while
 *       there is no valid one waits for that fetch (blocking: the thread waits; asynchronous: the
 *       future chains on it).</li>
 *   <li><b>Failure while the old token is valid.</b> Not reported: the old token keeps being used
 *       until it expires, and no new fetch starts before {@link #COOL_DOWN} has passed (30 s, as in
 *       Azure Identity), so a failing token endpoint is not hammered. After expiry the next call
 *       fetches again (no cool-down then: there is nothing to fall back on) and gets its failure.</li>
 *   <li><b>Failure without a valid token.</b> Reported to every call that waited for that fetch;
 *       the next call tries again.</li>
 *   <li><b>401.</b> {@link #invalidate(String)} forgets the token if it is the one rejected (a call
 *       that used an older token changes nothing), and lifts the cool-down.</li>
 * </ul>
 */
public final class TokenCache {
    /** After a failed refresh, no new one starts for this long while the old token is valid. */
    public static final Duration COOL_DOWN = Duration.ofSeconds(30);
    /** The lifetime assumed when the token answer has no (numeric) {@code expires_in}. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** The longest lifetime believed; also keeps instants far from overflow. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(365);

    private final Clock clock;
    private final Supplier<CompletableFuture<AccessToken>> fetch;
    private final Duration refreshBefore;
    private final Duration coolDown;
    private final Observer observer;

    private final Object lock = new Object();
    /** The token to hand out, or null. Written under the lock; read without it on the fast path. */
    private volatile Cached current;
    /** The fetch in flight, completed with its token's value or an AuthenticationException. Guarded by lock. */
    private CompletableFuture<String> inFlight;
    /** No refresh-ahead before this instant (the cool-down after a failure), or null. Guarded by lock. */
    private Instant quietUntil;
    /** For listeners: why a fetch started while there is no token would be needed. Guarded by lock. */
    private TokenFetchReason absentBecause = TokenFetchReason.INITIAL;

    private record Cached(String value, Instant refreshAt, Instant expiresAt) {
    }

    /** What one caller does: take {@code serve} at once, or wait for {@code pending}; maybe start it. */
    private record Plan(String serve, CompletableFuture<String> pending, boolean start, Instant startedAt,
                        TokenFetchReason reason) {
    }

    /**
     * @param clock         the client's clock
     * @param fetch         starts one token request and returns its future at once (it must not block:
     *                      asynchronous callers invoke it); fails with any exception, reported as
     *                      {@link AuthenticationException}
     * @param refreshBefore how long before expiry the token is replaced (halved lifetime if shorter)
     */
    public TokenCache(Clock clock, Supplier<CompletableFuture<AccessToken>> fetch, Duration refreshBefore) {
        this(clock, fetch, refreshBefore, COOL_DOWN, Observer.NONE);
    }

    /** @param observer told of every fetch's success or failure (never the token) */
    public TokenCache(Clock clock, Supplier<CompletableFuture<AccessToken>> fetch, Duration refreshBefore,
                      Observer observer) {
        this(clock, fetch, refreshBefore, COOL_DOWN, observer);
    }

    TokenCache(Clock clock, Supplier<CompletableFuture<AccessToken>> fetch, Duration refreshBefore,
               Duration coolDown) {
        this(clock, fetch, refreshBefore, coolDown, Observer.NONE);
    }

    private TokenCache(Clock clock, Supplier<CompletableFuture<AccessToken>> fetch, Duration refreshBefore,
                       Duration coolDown, Observer observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.refreshBefore = Objects.requireNonNull(refreshBefore, "refreshBefore");
        this.coolDown = Objects.requireNonNull(coolDown, "coolDown");
        if (refreshBefore.isNegative() || coolDown.isNegative()) {
            throw new IllegalArgumentException("refreshBefore and coolDown must not be negative");
        }
    }

    /**
     * @return a valid token, waiting for a fetch when there is none
     * @throws AuthenticationException   if the fetch this call waited for failed
     * @throws FlowsInterruptedException if the thread was interrupted while it waited (flag kept)
     */
    public String get() {
        Plan plan = plan();
        if (plan.start) {
            launch(plan.pending, plan.startedAt, plan.reason);
        }
        if (plan.serve != null) {
            return plan.serve;
        }
        try {
            return plan.pending.get();
        } catch (ExecutionException e) {
            throw (AuthenticationException) e.getCause(); // pending futures fail with nothing else
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowsInterruptedException("waiting for an access token"); // the fetch goes on for the others
        }
    }

    /**
     * @return a future of a valid token; never blocks on a fetch. Cancelling it does not cancel the
     *         fetch, which other calls may be waiting for.
     */
    public CompletableFuture<String> getAsync() {
        Plan plan = plan();
        if (plan.start) {
            launch(plan.pending, plan.startedAt, plan.reason);
        }
        if (plan.serve != null) {
            return CompletableFuture.completedFuture(plan.serve);
        }
        CompletableFuture<String> mine = new CompletableFuture<>();
        plan.pending.whenComplete((value, failure) -> {
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(value);
            }
        });
        return mine;
    }

    /**
     * A request with {@code rejectedToken} was answered 401: forget it if it is the current token.
     *
     * @param rejectedToken the token the request carried
     */
    public void invalidate(String rejectedToken) {
        if (rejectedToken == null) {
            return;
        }
        synchronized (lock) {
            Cached c = current;
            if (c != null && c.value.equals(rejectedToken)) {
                current = null;
                quietUntil = null;
                absentBecause = TokenFetchReason.REJECTED;
            }
        }
    }

    private Plan plan() {
        Cached c = current;
        Instant now = clock.instant();
        if (c != null && now.isBefore(c.refreshAt)) {
            return new Plan(c.value, null, false, null, null);
        }
        synchronized (lock) {
            c = current;
            if (c != null && now.isBefore(c.expiresAt)) {
                boolean due = !now.isBefore(c.refreshAt) && inFlight == null
                        && (quietUntil == null || !now.isBefore(quietUntil));
                if (due) {
                    inFlight = new CompletableFuture<>();
                    return new Plan(c.value, inFlight, true, now, TokenFetchReason.REFRESH_AHEAD);
                }
                return new Plan(c.value, null, false, null, null);
            }
            if (c != null) {
                absentBecause = TokenFetchReason.EXPIRED;
            }
            current = null;
            if (inFlight != null) {
                return new Plan(null, inFlight, false, null, null);
            }
            inFlight = new CompletableFuture<>();
            return new Plan(null, inFlight, true, now, absentBecause);
        }
    }

    private void launch(CompletableFuture<String> pending, Instant startedAt, TokenFetchReason reason) {
        CompletableFuture<AccessToken> request;
        try {
            request = Objects.requireNonNull(fetch.get(), "the fetch function returned null");
        } catch (Throwable t) {
            settle(pending, startedAt, reason, null, t);
            if (t instanceof Error) {
                throw (Error) t;
            }
            return;
        }
        request.whenComplete((token, failure) -> settle(pending, startedAt, reason, token, failure));
    }

    private void settle(CompletableFuture<String> pending, Instant startedAt, TokenFetchReason reason,
                        AccessToken token, Throwable failure) {
        AuthenticationException error = null;
        boolean stillValid;
        Duration took;
        synchronized (lock) {
            if (inFlight == pending) {
                inFlight = null;
            }
            Instant now = clock.instant();
            if (failure == null && token == null) {
                failure = new NullPointerException("the fetch completed without a token");
            }
            if (failure == null) {
                Cached fresh = cacheable(token, startedAt);
                absentBecause = TokenFetchReason.EXPIRED; // the next fetch without a token: this one is gone
                if (fresh != null) {
                    current = fresh;
                    quietUntil = null;
                } else if (validAt(now)) {
                    quietUntil = now.plus(coolDown); // an unusable answer is no better than a failure
                }
            } else {
                error = authenticationFailure(failure);
                if (validAt(now)) {
                    quietUntil = now.plus(coolDown);
                }
            }
            stillValid = validAt(now);
            took = Duration.between(startedAt, now);
        }
        // state first, then listeners and waiters: a waiter that asks again at once sees the new state
        if (error != null) {
            observer.tokenFetchFailed(reason, took, error, stillValid);
        } else {
            Duration life = lifetime(token);
            observer.tokenFetched(reason, took, life.isNegative() ? Duration.ZERO : life);
        }
        if (error != null) {
            pending.completeExceptionally(error);
        } else {
            pending.complete(token.value());
        }
    }

    private boolean validAt(Instant now) {
        Cached c = current;
        return c != null && now.isBefore(c.expiresAt);
    }

    private Cached cacheable(AccessToken token, Instant startedAt) {
        Duration life = lifetime(token);
        if (life.isZero() || life.isNegative()) {
            return null;
        }
        Duration half = life.dividedBy(2);
        Duration margin = refreshBefore.compareTo(half) < 0 ? refreshBefore : half;
        Instant expiresAt = startedAt.plus(life);
        return new Cached(token.value(), expiresAt.minus(margin), expiresAt);
    }

    /** {@return the lifetime the cache gives the token: its {@code expires_in}, or the default, capped} */
    private static Duration lifetime(AccessToken token) {
        Duration life = token.expiresIn() == null ? DEFAULT_LIFETIME : token.expiresIn();
        return life.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : life;
    }

    private static AuthenticationException authenticationFailure(Throwable failure) {
        Throwable t = Futures.unwrap(failure);
        if (t instanceof AuthenticationException) {
            return (AuthenticationException) t;
        }
        int status = t instanceof FlowsApiException ? ((FlowsApiException) t).statusCode() : 0;
        // the cause's own message stays in the cause: this text must be safe whatever the fetch threw
        return new AuthenticationException("could not obtain an access token (" + t.getClass().getSimpleName()
                + ", see the cause)", null, null, status, t);
    }

    @Override
    public String toString() {
        Cached c = current;
        return c == null ? "TokenCache{no token}"
                : "TokenCache{token valid until " + c.expiresAt + ", refresh from " + c.refreshAt + "}";
    }
}
