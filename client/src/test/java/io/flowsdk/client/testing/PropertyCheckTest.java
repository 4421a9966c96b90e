package io.flowsdk.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyCheckTest {

    @Test
    void theSameSeedPropertyAndTryGiveTheSameInput() {
        List<Long> first = draws(42, "p");
        assertEquals(first, draws(42, "p"));
        assertNotEquals(first, draws(43, "p"), "another seed, other inputs");
        assertNotEquals(first, draws(42, "q"), "another property, other inputs");
    }

    private static List<Long> draws(long seed, String property) {
        List<Long> out = new ArrayList<>();
        PropertyCheck.forAll(seed, property, 20, r -> r.anyLong(), out::add);
        return out;
    }

    @Test
    void theSeedComesFromTheSystemPropertyWhenSet() {
        assertEquals(42L, SeededRandom.seedFrom("42"));
        assertEquals(-7L, SeededRandom.seedFrom(" -7 "));
        assertNotEquals(SeededRandom.seedFrom(null), SeededRandom.seedFrom(""), "unset: a fresh random seed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeededRandom.seedFrom("abc"));
        assertTrue(e.getMessage().contains("flows.test.seed"), e.getMessage());
    }

    @Test
    void aFailureNamesTheSeedTheCountAndTheShortestFailingInput() {
        IllegalStateException boom = new IllegalStateException("boom");
        AssertionError e = assertThrows(AssertionError.class, () -> PropertyCheck.forAll(1234, "lengths", 50,
                r -> r.string(20, () -> 'x'), s -> {
                    if (s.length() >= 3) {
                        throw s.length() == 3 ? boom : new IllegalStateException("longer");
                    }
                }));
        assertTrue(e.getMessage().startsWith("lengths: "), e.getMessage());
        assertTrue(e.getMessage().contains("seed 1234, replay with -Dflows.test.seed=1234"), e.getMessage());
        assertTrue(e.getMessage().contains(": \"xxx\""), "the shortest failing input: " + e.getMessage());
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().matches("(?s)lengths: [1-9][0-9]* of 50 tries failed.*"), e.getMessage());
    }

    @Test
    void aPassingPropertyRunsEveryTry() {
        int[] runs = {0};
        PropertyCheck.forAll(7, "count", 123, r -> r.nextInt(10), i -> runs[0]++);
        assertEquals(123, runs[0]);
    }

    @Test
    void inputsAreShownWithControlCharactersEscaped() {
        assertEquals("\"a\\\"\\\\\\u0000\\ud83d\"", PropertyCheck.show("a\"\\\u0000\uD83D"));
        assertEquals("x\\u000ay", PropertyCheck.show(new StringBuilder("x\ny")));
    }

    @Test
    void generatorsStayInTheirRanges() {
        BigInteger min = BigInteger.TEN.pow(30).negate();
        BigInteger max = BigInteger.TEN.pow(30);
        boolean small = false;
        boolean large = false;
        for (int i = 0; i < 2000; i++) {
            SeededRandom r = SeededRandom.forTry(99, "ranges", i);
            BigInteger b = r.bigIntegerBetween(min, max);
            assertTrue(b.compareTo(min) >= 0 && b.compareTo(max) <= 0, b.toString());
            small |= b.abs().compareTo(BigInteger.valueOf(1000)) < 0;
            large |= b.abs().compareTo(BigInteger.TEN.pow(25)) > 0;
            long l = r.longBetween(Long.MAX_VALUE - 2, Long.MAX_VALUE);
            assertTrue(l >= Long.MAX_VALUE - 2, Long.toString(l));
            int n = r.intBetween(-3, 3);
            assertTrue(n >= -3 && n <= 3);
            assertTrue(Double.isFinite(r.anyFiniteDouble()));
        }
        assertTrue(small && large, "small and large magnitudes both come up");
    }
}
