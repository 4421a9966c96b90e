package io.flowsdk.client.testing;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * A random source for property tests that can always be replayed. Each test run has one seed: the
 * system property {@value #SEED_PROPERTY} when it is set (to replay a failure), a fresh random one
 * otherwise (so every run explores new inputs). Each try of each property draws from its own
 * generator derived from (run seed, property name, try number), so a try gives the same input
 * whatever ran before it.
 */
public final class SeededRandom {
    /** The system property that fixes the run's seed: {@code -Dflows.test.seed=...}. */
    public static final String SEED_PROPERTY = "flows.test.seed";

    private static final long RUN_SEED = seedFrom(System.getProperty(SEED_PROPERTY));

    private final SplittableRandom random;

    private SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** @return this run's seed */
    public static long runSeed() {
        return RUN_SEED;
    }

    /** The run's seed as a one-element source for {@code @MethodSource}, so it shows in the test's name. */
    public static LongStream runSeeds() {
        return LongStream.of(RUN_SEED);
    }

    /** How to replay a run: the flag to pass to Maven. */
    public static String replayHint(long seed) {
        return "seed " + seed + ", replay with -D" + SEED_PROPERTY + "=" + seed;
    }

    static long seedFrom(String property) {
        if (property == null || property.isBlank()) {
            return ThreadLocalRandom.current().nextLong();
        }
        try {
            return Long.parseLong(property.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + " must be a long, got '" + property + "'", e);
        }
    }

    /** A generator for one try of one property. */
    public static SeededRandom forTry(long runSeed, String property, int tryNumber) {
        long h = runSeed;
        h = h * 0x9E3779B97F4A7C15L + property.hashCode();
        h = h * 0x9E3779B97F4A7C15L + tryNumber;
        return new SeededRandom(h);
    }

    /** A generator for a fixed seed (tests of the generators themselves). */
    public static SeededRandom of(long seed) {
        return new SeededRandom(seed);
    }

    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    /** @return true with probability {@code p} */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** @return a uniform int in [0, bound) */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** @return a uniform int in [min, max], both included */
    public int intBetween(int min, int max) {
        return (int) longBetween(min, max);
    }

    /** @return a uniform long in [min, max], both included */
    public long longBetween(long min, long max) {
        if (max == Long.MAX_VALUE) {
            return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
        }
        return random.nextLong(min, max + 1);
    }

    /** @return any long, with 0, ±1 and the extremes now and then */
    public long anyLong() {
        return chance(0.1) ? pick(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE) : random.nextLong();
    }

    /**
     * Any finite double: the extremes and the awkward small ones now and then, otherwise random
     * bit patterns (every magnitude) or short decimals (values people write).
     */
    public double anyFiniteDouble() {
        int kind = nextInt(10);
        if (kind == 0) {
            return pick(0.0, -0.0, 1.0, -1.0, 0.1, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                    Double.MAX_VALUE, -Double.MAX_VALUE);
        }
        if (kind < 6) {
            double d;
            do {
                d = Double.longBitsToDouble(random.nextLong());
            } while (!Double.isFinite(d));
            return d;
        }
        return (random.nextLong(-1_000_000_000L, 1_000_000_000L)) / Math.pow(10, nextInt(8));
    }

    /**
     * A BigInteger in [min, max]: half the time uniform over the range, half the time with a
     * random number of digits (so small values come up too), and the bounds and 0 now and then.
     */
    public BigInteger bigIntegerBetween(BigInteger min, BigInteger max) {
        if (chance(0.05)) {
            BigInteger edge = pick(min, max, BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate());
            if (edge.compareTo(min) >= 0 && edge.compareTo(max) <= 0) {
                return edge;
            }
        }
        BigInteger span = max.subtract(min).add(BigInteger.ONE);
        if (nextBoolean()) {
            return min.add(randomBits(span.bitLength() + 16).mod(span));
        }
        BigInteger magnitude = randomBits(1 + nextInt(span.bitLength()));
        BigInteger candidate = nextBoolean() ? magnitude : magnitude.negate();
        return candidate.compareTo(min) < 0 || candidate.compareTo(max) > 0 ? min.add(candidate.abs().mod(span)) : candidate;
    }

    private BigInteger randomBits(int bits) {
        byte[] bytes = new byte[(bits + 7) / 8 + 1];
        for (int i = 1; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return new BigInteger(bytes).shiftRight(bytes.length * 8 - 8 - bits);
    }

    @SafeVarargs
    public final <T> T pick(T... options) {
        return options[nextInt(options.length)];
    }

    public <T> T pick(List<T> options) {
        return options.get(nextInt(options.size()));
    }

    /**
     * Picks an index by weight: {@code weighted(4, 1)} gives 0 four times as often as 1.
     *
     * @return the chosen index
     */
    public int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** @return one of the characters of {@code chars} */
    public char charFrom(String chars) {
        return chars.charAt(nextInt(chars.length()));
    }

    /** @return any UTF-16 char, lone surrogates and controls included; ASCII twice as often as its share */
    public char anyChar() {
        return chance(0.4) ? (char) nextInt(0x80) : (char) nextInt(0x10000);
    }

    /** @return a string of 0 to {@code maxLength} chars, each from {@code next} (empty now and then) */
    public String string(int maxLength, Supplier<Character> next) {
        int length = chance(0.05) ? 0 : intBetween(0, maxLength);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(next.get());
        }
        return sb.toString();
    }

    /** @return a list of {@code min} to {@code max} elements, each from {@code next} */
    public <T> List<T> listOf(int min, int max, Supplier<T> next) {
        int size = intBetween(min, max);
        java.util.ArrayList<T> out = new java.util.ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(next.get());
        }
        return out;
    }
}
