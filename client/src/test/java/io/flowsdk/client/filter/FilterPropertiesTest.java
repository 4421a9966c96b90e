package io.flowsdk.client.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowsdk.client.testing.PropertyCheck;
import io.flowsdk.client.testing.SeededRandom;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the filter grammar over random inputs: {@code parse(f.toString())} equals
 * {@code f}, equality is equality of the canonical rendering, and the parser fails on anything
 * only with a {@link FilterParseException} that says where.
 *
 * <p>Each run draws new inputs from one seed, shown in the test's name and in every failure;
 * {@code -Dflows.test.seed=N} replays a run.
 */
class FilterPropertiesTest {
    private static final String SEEDS = "io.flowsdk.client.testing.SeededRandom#runSeeds";

    /** Shapes the round-trip generator must produce often enough (each in more than 5% of the tries). */
    private static final Map<String, Predicate<String>> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("value path", r -> r.contains("]"));
        SHAPES.put("not", r -> r.contains("not ("));
        SHAPES.put("or inside and", r -> r.contains(" and ("));
        SHAPES.put("urn prefix", r -> r.contains("urn:"));
        SHAPES.put("escape", r -> r.contains("\\"));
        SHAPES.put("date-time", r -> r.matches("(?s).*\"[0-9]{4}-[0-9]{2}-[0-9]{2}T.*"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void parseOfRenderingEqualsTheFilter(long seed) {
        int tries = 2000;
        Map<String, Integer> seen = new LinkedHashMap<>();
        PropertyCheck.forAll(seed, "parseOfRenderingEqualsTheFilter", tries, FilterGenerators::filter, filter -> {
            String rendered = filter.toString();
            Filter parsed = Filter.parse(rendered);
            assertEquals(filter, parsed, rendered);
            assertEquals(filter.hashCode(), parsed.hashCode(), rendered);
            assertEquals(rendered, parsed.toString(), "rendering is stable");
            SHAPES.forEach((shape, test) -> seen.merge(shape, test.test(rendered) ? 1 : 0, Integer::sum));
        });
        SHAPES.keySet().forEach(shape -> assertTrue(seen.get(shape) * 100 > tries * 5,
                "the generator must produce '" + shape + "' in more than 5% of the tries, got " + seen.get(shape)
                        + " of " + tries + " (" + SeededRandom.replayHint(seed) + ")"));
    }

    record Pair(Filter a, Filter b) {}

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void equalsAgreesWithHashCodeAndCanonicalString(long seed) {
        PropertyCheck.forAll(seed, "equalsAgreesWithHashCodeAndCanonicalString", 1000,
                r -> new Pair(FilterGenerators.smallFilter(r), FilterGenerators.smallFilter(r)), pair -> {
                    Filter a = pair.a();
                    Filter b = pair.b();
                    assertEquals(a, a);
                    assertNotEquals(null, a);
                    boolean equal = a.equals(b);
                    assertEquals(equal, b.equals(a), "symmetric");
                    assertEquals(equal, a.toString().equals(b.toString()), "equal exactly when the canonical strings are");
                    if (equal) {
                        assertEquals(a.hashCode(), b.hashCode());
                    }
                    // rebuilding through the parser gives an equal filter with an equal hash
                    Filter rebuilt = Filter.parse(a.toString());
                    assertEquals(a.hashCode(), rebuilt.hashCode());
                });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void randomTokenSoupEitherParsesAndRoundTripsOrIsAParseError(long seed) {
        PropertyCheck.forAll(seed, "randomTokenSoupEitherParsesAndRoundTripsOrIsAParseError", 2000,
                FilterGenerators::tokenSoup, FilterPropertiesTest::parsesOrFailsCleanly);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void mutatedFiltersEitherParseAndRoundTripOrAreParseErrors(long seed) {
        PropertyCheck.forAll(seed, "mutatedFiltersEitherParseAndRoundTripOrAreParseErrors", 1000,
                FilterGenerators::mutation, m -> parsesOrFailsCleanly(m.apply()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void arbitraryStringsNeverFailBadly(long seed) {
        PropertyCheck.forAll(seed, "arbitraryStringsNeverFailBadly", 500,
                FilterGenerators::anyString, FilterPropertiesTest::parsesOrFailsCleanly);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void dateTimeValuesEqualTheirRenderedString(long seed) {
        PropertyCheck.forAll(seed, "dateTimeValuesEqualTheirRenderedString", 200,
                FilterGenerators::dateTimeSince1970, dateTime -> {
                    Filter built = Filter.gt("due", dateTime);
                    Filter parsed = Filter.parse(built.toString());
                    assertEquals(built, parsed);
                    String literal = (String) ((Filter.Comparison) parsed).value();
                    assertEquals(dateTime.toInstant(), OffsetDateTime.parse(literal).toInstant(), "no precision lost");
                    assertEquals(dateTime.getOffset(), OffsetDateTime.parse(literal).getOffset(), "offset kept");
                });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void numbersRoundTripWithoutLosingValue(long seed) {
        PropertyCheck.forAll(seed, "numbersRoundTripWithoutLosingValue", 300, FilterGenerators::number, number -> {
            Filter built = Filter.eq("n", number);
            Filter parsed = Filter.parse(built.toString());
            assertEquals(built, parsed);
            assertEquals(0, number.compareTo((BigDecimal) ((Filter.Comparison) parsed).value()));
        });
    }

    /** Either a filter that round-trips, or a FilterParseException that says where; nothing else. */
    private static void parsesOrFailsCleanly(String input) {
        Filter parsed;
        try {
            parsed = Filter.parse(input);
        } catch (FilterParseException e) {
            assertTrue(e.position() >= 0 && e.position() <= input.length(), e.getMessage());
            assertTrue(e.getMessage().endsWith(" at position " + e.position()), e.getMessage());
            return;
        }
        assertEquals(parsed, Filter.parse(parsed.toString()), input);
    }
}
