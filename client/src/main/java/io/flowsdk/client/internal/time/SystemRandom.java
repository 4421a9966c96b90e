package io.flowsdk.client.internal.time;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Real randomness for the jitter of waits, as {@link SystemTime} is real time: tests give the
 * client a seeded or fixed source instead. A class rather than a lambda, because the first lambda
 * of a shape costs the JVM a generated class at start-up.
 */
public final class SystemRandom implements DoubleSupplier {
    public static final SystemRandom INSTANCE = new SystemRandom();

    private SystemRandom() {
    }

    /** {@return a number in [0, 1)} */
    @Override
    public double getAsDouble() {
        return ThreadLocalRandom.current().nextDouble();
    }
}
