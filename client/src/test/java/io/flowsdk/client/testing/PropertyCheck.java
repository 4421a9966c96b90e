package io.flowsdk.client.testing;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over random inputs drawn with {@link SeededRandom}. Every try runs, so a
 * failure reports how many tries failed and the shortest failing input (a cheap stand-in for
 * shrinking), with the seed that replays the run.
 *
 * <pre>{@code
 * @ParameterizedTest(name = "seed {0}")
 * @MethodSource("io.flowsdk.client.testing.SeededRandom#runSeeds")
 * void roundTrip(long seed) {
 *     PropertyCheck.forAll(seed, "roundTrip", 2000, FilterGenerators::filter, f -> assertEquals(f, Filter.parse(f.toString())));
 * }
 * }</pre>
 */
public final class PropertyCheck {
    private PropertyCheck() {}

    /**
     * Checks {@code property} on {@code tries} inputs.
     *
     * @param seed the run's seed ({@link SeededRandom#runSeed()})
     * @param name the property's name; with the seed and the try number it fixes each input
     * @param tries how many inputs
     * @param generator draws one input
     * @param property throws (an assertion error or anything else) when the input breaks the property
     * @throws AssertionError naming the seed, the number of failed tries and the shortest failing input
     */
    public static <T> void forAll(long seed, String name, int tries, Function<SeededRandom, T> generator, Consumer<? super T> property) {
        int failed = 0;
        int smallestTry = -1;
        String smallestInput = null;
        Throwable smallestCause = null;
        for (int i = 0; i < tries; i++) {
            T input = generator.apply(SeededRandom.forTry(seed, name, i));
            try {
                property.accept(input);
            } catch (Exception | AssertionError | StackOverflowError e) {
                failed++;
                String shown = show(input);
                if (smallestInput == null || shown.length() < smallestInput.length()) {
                    smallestTry = i;
                    smallestInput = shown;
                    smallestCause = e;
                }
            }
        }
        if (failed > 0) {
            throw new AssertionError(name + ": " + failed + " of " + tries + " tries failed (" + SeededRandom.replayHint(seed)
                    + "). Shortest failing input, try " + smallestTry + ": " + smallestInput
                    + "\n  failure: " + smallestCause, smallestCause);
        }
    }

    /**
     * An input as it appears in a failure message: a string as a Java-like literal, anything else
     * as its {@code toString()}; either way control characters and lone surrogates are escaped.
     */
    public static String show(Object input) {
        return input instanceof String s ? quote(s) : escape(String.valueOf(input), false);
    }

    private static String quote(String s) {
        return '"' + escape(s, true) + '"';
    }

    private static String escape(String s, boolean quotes) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quotes && (c == '"' || c == '\\')) {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }
}
