package io.flowsdk.client;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long the client waits before trying a failed call again. Immutable.
 *
 * <p>What is retried (the same for every policy): a GET on an I/O failure (connection refused or
 * reset, timeout, answer cut off) and on 429, 502, 503 and 504; a POST only when the connection
 * failed before the request was sent, and on 429 — a POST that may have reached the server is
 * never sent twice. {@code maxAttempts} counts the first try, so {@code maxAttempts(1)} is
 * {@link #none()}.
 *
 * <p>The wait before attempt {@code n + 1} is, without {@code Retry-After}, "equal jitter":
 * {@code b = min(maxBackoff, initialBackoff * 2^(n-1))}, wait {@code b/2 + random(0, b/2)}.
 * With a {@code Retry-After} header (seconds or HTTP date) the wait is what the server asked
 * for; when that is longer than {@link #maxRetryAfter()} (or than the time left before the
 * client's total timeout), the call fails at once with a {@code RateLimitedException} carrying
 * {@code retryAfter()}.
 *
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.defaults().toBuilder().maxAttempts(5).build();
 * }</pre>
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
    }

    /** {@return 3 attempts, backoff from 100 ms up to 2 s, {@code Retry-After} honoured up to 60 s} */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** {@return a policy that never retries (one attempt)} */
    public static RetryPolicy none() {
        return NONE;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from this policy} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxRetryAfter = maxRetryAfter;
        return b;
    }

    /** {@return the most attempts of one call, the first included} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return the base of the exponential backoff} */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** {@return the ceiling of the exponential backoff} */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** {@return the longest {@code Retry-After} the client will wait; longer ones fail fast} */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The backoff before the next attempt, ignoring {@code Retry-After}.
     *
     * @param failedAttempt the attempt that just failed, 1-based
     * @param random        a number in [0, 1), from the caller's random source
     * @return the wait
     */
    public Duration backoff(int failedAttempt, double random) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("failedAttempt must be >= 1, was " + failedAttempt);
        }
        long initial = initialBackoff.toNanos();
        long cap = maxBackoff.toNanos();
        long base = initial;
        for (int i = 1; i < failedAttempt && base < cap; i++) {
            base = base > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : base * 2;
        }
        base = Math.min(base, cap);
        long half = base / 2;
        return Duration.ofNanos(half + (long) ((base - half) * Math.max(0.0, Math.min(random, 1.0))));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof RetryPolicy)) {
            return false;
        }
        RetryPolicy p = (RetryPolicy) o;
        return maxAttempts == p.maxAttempts && initialBackoff.equals(p.initialBackoff)
                && maxBackoff.equals(p.maxBackoff) && maxRetryAfter.equals(p.maxRetryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "}";
    }

    /** Builds a {@link RetryPolicy}; every setter checks its argument at once. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private Duration maxRetryAfter = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * Sets the most attempts of one call.
         *
         * @param maxAttempts the most attempts of one call, the first included; at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the base of the exponential backoff.
         *
         * @param initialBackoff the base of the exponential backoff; zero or more
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * Sets the ceiling of the exponential backoff.
         *
         * @param maxBackoff the ceiling of the exponential backoff; zero or more
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Sets the longest {@code Retry-After} the client waits for.
         *
         * @param maxRetryAfter the longest {@code Retry-After} to wait for; longer ones fail fast
         *                      with {@code RateLimitedException}
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalArgumentException if {@code initialBackoff > maxBackoff}
         */
        public RetryPolicy build() {
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalArgumentException("initialBackoff (" + initialBackoff
                        + ") must not exceed maxBackoff (" + maxBackoff + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + d);
            }
            return d;
        }
    }
}
