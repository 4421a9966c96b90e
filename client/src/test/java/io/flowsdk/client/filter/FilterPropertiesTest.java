package io.flowsdk.client.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Assertions;

/** Property tests: parse(toString(f)) equals f for random trees, and the parser never fails badly. */
class FilterPropertiesTest {

    @Property(tries = 2000)
    void parseOfRenderingEqualsTheFilter(@ForAll("filters") Filter filter) {
        String rendered = filter.toString();
        Filter parsed = Filter.parse(rendered);
        Assertions.assertEquals(filter, parsed, rendered);
        Assertions.assertEquals(filter.hashCode(), parsed.hashCode(), rendered);
        Assertions.assertEquals(rendered, parsed.toString(), "rendering is stable");
        // the generator must really produce the interesting shapes
        Statistics.label("value path").collect(rendered.contains("]"));
        Statistics.label("not").collect(rendered.contains("not ("));
        Statistics.label("or inside and").collect(rendered.contains(" and ("));
        Statistics.label("urn prefix").collect(rendered.contains("urn:"));
        Statistics.label("escape").collect(rendered.contains("\\"));
        Statistics.label("date-time").collect(rendered.matches("(?s).*\"[0-9]{4}-[0-9]{2}-[0-9]{2}T.*"));
        Statistics.label("value path").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("not").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("or inside and").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("urn prefix").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("escape").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("date-time").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    @Property(tries = 1000)
    void equalsAgreesWithHashCodeAndCanonicalString(@ForAll("smallFilters") Filter a, @ForAll("smallFilters") Filter b) {
        Assertions.assertEquals(a, a);
        Assertions.assertNotEquals(null, a);
        boolean equal = a.equals(b);
        Assertions.assertEquals(equal, b.equals(a), "symmetric");
        Assertions.assertEquals(equal, a.toString().equals(b.toString()), "equal exactly when the canonical strings are");
        if (equal) {
            Assertions.assertEquals(a.hashCode(), b.hashCode());
        }
        // rebuilding through the factories gives an equal filter with an equal hash
        Filter rebuilt = Filter.parse(a.toString());
        Assertions.assertEquals(a.hashCode(), rebuilt.hashCode());
    }

    @Property(tries = 2000)
    void randomTokenSoupEitherParsesAndRoundTripsOrIsAParseError(@ForAll("tokenSoup") String input) {
        checkParsesOrFailsCleanly(input);
    }

    @Property(tries = 1000)
    void mutatedFiltersEitherParseAndRoundTripOrAreParseErrors(@ForAll("filters") Filter filter,
            @ForAll("mutationChar") char c, @ForAll double where, @ForAll boolean insert) {
        String s = filter.toString();
        int at = (int) Math.floor(Math.abs(where % 1.0) * s.length());
        String mutated = insert ? s.substring(0, at) + c + s.substring(at) : s.substring(0, at) + s.substring(Math.min(s.length(), at + 1));
        checkParsesOrFailsCleanly(mutated);
    }

    @Property(tries = 500)
    void arbitraryStringsNeverFailBadly(@ForAll String input) {
        checkParsesOrFailsCleanly(input);
    }

    private static void checkParsesOrFailsCleanly(String input) {
        Filter parsed;
        try {
            parsed = Filter.parse(input);
        } catch (FilterParseException e) {
            Assertions.assertTrue(e.position() >= 0 && e.position() <= input.length(), e.getMessage());
            Assertions.assertTrue(e.getMessage().endsWith(" at position " + e.position()), e.getMessage());
            return;
        }
        Assertions.assertEquals(parsed, Filter.parse(parsed.toString()), input);
    }

    // ------------------------------------------------------------ generators

    @Provide
    Arbitrary<Filter> filters() {
        return tree(4, true);
    }

    @Provide
    Arbitrary<Filter> smallFilters() {
        Arbitrary<String> attr = Arbitraries.of("a", "b");
        Arbitrary<Filter> leaf = Arbitraries.oneOf(
                attr.map(Filter::pr),
                Combinators.combine(attr, Arbitraries.of(ComparisonOperator.EQ, ComparisonOperator.NE),
                        Arbitraries.of((Object) "x", 1L, 1.0, new BigDecimal("1.00"), true).injectNull(0.2))
                        .as(Filter.Comparison::new));
        Arbitrary<Filter> level1 = Arbitraries.oneOf(leaf, leaf.map(Filter::not),
                leaf.list().ofSize(2).map(Filter.And::new), leaf.list().ofSize(2).map(Filter.Or::new));
        return Arbitraries.oneOf(level1, level1.list().ofSize(2).map(Filter.And::new));
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.of("a", "b.c", "urn:x:y:z", "emails", "eq", "EQ", "ne", "co", "gt", "pr",
                "and", "AND", "or", "not", "(", ")", "[", "]", "\"x\"", "\"", "\\", "\"\\u00e9\"", "\"\\q\"", "1", "-1.5e3",
                "01", "true", "null", "nil", ".", ":", "\u0000", "\u00e9");
        Arbitrary<String> space = Arbitraries.of("", " ", "  ", "\t", "\n");
        return Combinators.combine(token, space).as((t, s) -> t + s).list().ofMaxSize(12)
                .map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<Character> mutationChar() {
        return Arbitraries.of('(', ')', '[', ']', '"', '\\', ' ', 'a', '1', '.', ':', '\u0000', 'n');
    }

    private Arbitrary<Filter> tree(int depth, boolean allowValuePath) {
        Arbitrary<Filter> leaf = leaf();
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> sub = Arbitraries.lazy(() -> tree(depth - 1, allowValuePath));
        Arbitrary<Filter> valuePath = allowValuePath
                ? Combinators.combine(attributePaths(), tree(depth - 1, false)).as(Filter.ValuePath::new)
                : leaf;
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(4).map(Filter.And::new)),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(4).map(Filter.Or::new)),
                Tuple.of(1, sub.map(Filter.Not::new)),
                Tuple.of(1, valuePath));
    }

    private Arbitrary<Filter> leaf() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, attributePaths().map(Filter::pr)),
                Tuple.of(4, Combinators.combine(attributePaths(), Arbitraries.of(ComparisonOperator.class), values())
                        .as(Filter.Comparison::new)));
    }

    private Arbitrary<String> attributePaths() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(
                        Arbitraries.chars().range('a', 'z').range('A', 'Z'),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                                .withChars('-', '_').ofMaxLength(8))
                        .as((first, rest) -> first + rest)),
                Tuple.of(1, Arbitraries.of("not", "NOT", "and", "or", "Or", "pr", "eq", "true", "null", "$ref")));
        Arbitrary<String> prefix = Arbitraries.of("", "", "", "urn:ietf:params:scim:schemas:core:2.0:User:",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:", "urn:x:y:", "http://example.com/s?v=2#f:");
        Arbitrary<String> sub = Arbitraries.oneOf(Arbitraries.just(""), name.map(n -> "." + n));
        return Combinators.combine(prefix, name, sub).as((p, n, s) -> p + n + s);
    }

    private Arbitrary<Object> values() {
        Arbitrary<Object> strings = Arbitraries.oneOf(
                Arbitraries.strings().withChars('"', '\\', '/', '\n', '\t', '\u0000', '\u001f', '\u007f', '\u2028', 'a', ' ',
                        '\u00e9', '\uD83D', '\uDE00', '(', ')', '[', ']').ofMaxLength(10),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().alpha().ofMaxLength(6))
                .map(s -> (Object) s);
        Arbitrary<Object> longs = Arbitraries.longs().map(l -> (Object) l);
        Arbitrary<Object> doubles = Arbitraries.doubles().filter(Double::isFinite).map(d -> (Object) d);
        Arbitrary<Object> decimals = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                Arbitraries.integers().between(-500, 500))
                .as((unscaled, scale) -> (Object) new BigDecimal(unscaled, scale));
        Arbitrary<Object> booleans = Arbitraries.of(true, false).map(b -> (Object) b);
        Arbitrary<Object> dateTimes = Combinators.combine(
                Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999).edgeCases(c -> c.add(0)),
                Arbitraries.integers().between(-18 * 60, 18 * 60))
                .as((seconds, nanos, offsetMinutes) -> (Object) OffsetDateTime.ofInstant(
                        Instant.ofEpochSecond(seconds, nanos), ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
        return Arbitraries.frequencyOf(
                Tuple.of(5, strings),
                Tuple.of(2, longs),
                Tuple.of(2, doubles),
                Tuple.of(2, decimals),
                Tuple.of(1, booleans),
                Tuple.of(2, dateTimes))
                .injectNull(0.07);
    }

    @Property(tries = 200)
    void dateTimeValuesEqualTheirRenderedString(@ForAll("dateTimesOnly") OffsetDateTime dateTime) {
        Filter built = Filter.gt("due", dateTime);
        Filter parsed = Filter.parse(built.toString());
        Assertions.assertEquals(built, parsed);
        String literal = (String) ((Filter.Comparison) parsed).value();
        Assertions.assertEquals(dateTime.toInstant(), OffsetDateTime.parse(literal).toInstant(), "no precision lost");
        Assertions.assertEquals(dateTime.getOffset(), OffsetDateTime.parse(literal).getOffset(), "offset kept");
    }

    @Provide
    Arbitrary<OffsetDateTime> dateTimesOnly() {
        return Combinators.combine(
                Arbitraries.longs().between(0L, 250_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(-18 * 60, 18 * 60))
                .as((seconds, nanos, offsetMinutes) -> OffsetDateTime.ofInstant(
                        Instant.ofEpochSecond(seconds, nanos), ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
    }

    @Property(tries = 300)
    void numbersRoundTripWithoutLosingValue(@ForAll("numbers") BigDecimal number) {
        Filter built = Filter.eq("n", number);
        Filter parsed = Filter.parse(built.toString());
        Assertions.assertEquals(built, parsed);
        Assertions.assertEquals(0, number.compareTo((BigDecimal) ((Filter.Comparison) parsed).value()));
    }

    @Provide
    Arbitrary<BigDecimal> numbers() {
        return Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)),
                Arbitraries.oneOf(Arbitraries.integers().between(-100_000, 100_000),
                        Arbitraries.integers().between(-999_999_000, 999_999_000)))
                .as(BigDecimal::new);
    }

}
