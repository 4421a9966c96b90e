package io.flowsdk.client.filter;

import io.flowsdk.client.testing.PropertyCheck;
import io.flowsdk.client.testing.SeededRandom;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Random filters, filter strings and filter values for {@link FilterPropertiesTest} (and the query descriptors' round trip). */
public final class FilterGenerators {
    private static final ComparisonOperator[] OPERATORS = ComparisonOperator.values();
    private static final String NAME_FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String NAME_REST = NAME_FIRST + "0123456789-_";
    /** Names that are keywords elsewhere in the grammar, or odd but legal. */
    private static final List<String> TRICKY_NAMES = List.of("not", "NOT", "and", "or", "Or", "pr", "eq", "true", "null", "$ref");
    private static final List<String> PREFIXES = List.of("", "", "", "urn:ietf:params:scim:schemas:core:2.0:User:",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:", "urn:x:y:", "URN:Example:Schema-1.0:");
    private static final String AWKWARD_CHARS = "\"\\/\n\t\u0000\u001f\u007f\u2028a \u00e9\uD83D\uDE00()[]";
    private static final List<String> TOKENS = List.of("a", "b.c", "urn:x:y:z", "emails", "eq", "EQ", "ne", "co", "gt", "pr",
            "and", "AND", "or", "not", "(", ")", "[", "]", "\"x\"", "\"", "\\", "\"\\u00e9\"", "\"\\q\"", "1", "-1.5e3",
            "01", "true", "null", "nil", ".", ":", "\u0000", "\u00e9");
    private static final List<String> SPACES = List.of("", " ", "  ", "\t", "\n");
    private static final String MUTATION_CHARS = "()[]\"\\ a1.:\u0000n";
    private static final BigInteger TEN_POW_30 = BigInteger.TEN.pow(30);
    private static final BigInteger TEN_POW_40 = BigInteger.TEN.pow(40);

    private FilterGenerators() {}

    /** Filter trees up to four levels deep, with value paths, negations and mixed and/or. */
    public static Filter filter(SeededRandom r) {
        return tree(r, 4, true);
    }

    private static Filter tree(SeededRandom r, int depth, boolean allowValuePath) {
        if (depth == 0) {
            return leaf(r);
        }
        switch (r.weighted(4, 2, 2, 1, 1)) {
            case 0:
                return leaf(r);
            case 1:
                return new Filter.And(r.listOf(2, 4, () -> tree(r, depth - 1, allowValuePath)));
            case 2:
                return new Filter.Or(r.listOf(2, 4, () -> tree(r, depth - 1, allowValuePath)));
            case 3:
                return new Filter.Not(tree(r, depth - 1, allowValuePath));
            default:
                return allowValuePath ? new Filter.ValuePath(attributePath(r), tree(r, depth - 1, false)) : leaf(r);
        }
    }

    private static Filter leaf(SeededRandom r) {
        return r.weighted(1, 4) == 0
                ? Filter.pr(attributePath(r))
                : new Filter.Comparison(attributePath(r), r.pick(OPERATORS), value(r));
    }

    public static String attributePath(SeededRandom r) {
        String sub = r.nextBoolean() ? "" : "." + name(r);
        return r.pick(PREFIXES) + name(r) + sub;
    }

    private static String name(SeededRandom r) {
        if (r.weighted(6, 1) == 1) {
            return r.pick(TRICKY_NAMES);
        }
        return r.charFrom(NAME_FIRST) + r.string(8, () -> r.charFrom(NAME_REST));
    }

    /** Any comparison value: strings (awkward, arbitrary, plain), numbers of every kind, booleans, date-times, null. */
    static Object value(SeededRandom r) {
        if (r.chance(0.07)) {
            return null;
        }
        switch (r.weighted(5, 2, 2, 2, 1, 2)) {
            case 0:
                switch (r.nextInt(3)) {
                    case 0:
                        return wellFormed(r.string(10, () -> r.charFrom(AWKWARD_CHARS)));
                    case 1:
                        return wellFormed(r.string(12, r::anyChar));
                    default:
                        return r.string(6, () -> r.charFrom(NAME_FIRST));
                }
            case 1:
                return r.anyLong();
            case 2:
                return r.anyFiniteDouble();
            case 3:
                return new BigDecimal(r.bigIntegerBetween(TEN_POW_30.negate(), TEN_POW_30), r.intBetween(-500, 500));
            case 4:
                return r.nextBoolean();
            default:
                long seconds = r.chance(0.05) ? r.pick(-62_000_000_000L, 0L, 250_000_000_000L)
                        : r.longBetween(-62_000_000_000L, 250_000_000_000L);
                return dateTime(r, seconds);
        }
    }

    /** Date-times from 1970 to the year 9891, any precision down to nanoseconds, any offset. */
    public static OffsetDateTime dateTimeSince1970(SeededRandom r) {
        return dateTime(r, r.longBetween(0L, 250_000_000_000L));
    }

    private static OffsetDateTime dateTime(SeededRandom r, long epochSeconds) {
        int nanos = r.chance(0.1) ? 0 : r.intBetween(0, 999_999_999);
        int offsetMinutes = r.chance(0.05) ? r.pick(-18 * 60, 0, 18 * 60) : r.intBetween(-18 * 60, 18 * 60);
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds, nanos), ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }

    /** Decimals up to 40 digits with scales from small to nearly a billion (both directions). */
    static BigDecimal number(SeededRandom r) {
        int scale = r.nextBoolean() ? r.intBetween(-100_000, 100_000) : r.intBetween(-999_999_000, 999_999_000);
        return new BigDecimal(r.bigIntegerBetween(TEN_POW_40.negate(), TEN_POW_40), scale);
    }

    /**
     * Small filters over two attributes and values that are equal after canonicalisation
     * ({@code 1}, {@code 1.0}, {@code 1.00}), so equal and unequal pairs both come up often.
     */
    static Filter smallFilter(SeededRandom r) {
        Filter level1 = smallLevel1(r);
        return r.nextBoolean() ? level1 : new Filter.And(List.of(level1, smallLevel1(r)));
    }

    private static Filter smallLevel1(SeededRandom r) {
        switch (r.nextInt(4)) {
            case 0:
                return smallLeaf(r);
            case 1:
                return Filter.not(smallLeaf(r));
            case 2:
                return new Filter.And(List.of(smallLeaf(r), smallLeaf(r)));
            default:
                return new Filter.Or(List.of(smallLeaf(r), smallLeaf(r)));
        }
    }

    private static Filter smallLeaf(SeededRandom r) {
        String attribute = r.pick("a", "b");
        if (r.nextBoolean()) {
            return Filter.pr(attribute);
        }
        Object value = r.chance(0.2) ? null : r.pick((Object) "x", 1L, 1.0, new BigDecimal("1.00"), true);
        return new Filter.Comparison(attribute, r.pick(ComparisonOperator.EQ, ComparisonOperator.NE), value);
    }

    /** Up to twelve filter tokens (valid, invalid and half-valid) with random spacing. */
    static String tokenSoup(SeededRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = r.intBetween(0, 12);
        for (int i = 0; i < n; i++) {
            sb.append(r.pick(TOKENS)).append(r.pick(SPACES));
        }
        return sb.toString();
    }

    /** A rendered filter with one character inserted or removed somewhere. */
    record Mutation(Filter filter, char c, int at, boolean insert) {
        String apply() {
            String s = filter.toString();
            return insert ? s.substring(0, at) + c + s.substring(at) : s.substring(0, at) + s.substring(Math.min(s.length(), at + 1));
        }

        @Override
        public String toString() {
            String what = insert ? "insert " + PropertyCheck.show(String.valueOf(c)) + " at " + at : "remove at " + at;
            return what + " of " + PropertyCheck.show(filter.toString()) + ": " + PropertyCheck.show(apply());
        }
    }

    static Mutation mutation(SeededRandom r) {
        Filter f = filter(r);
        int length = f.toString().length();
        boolean insert = r.nextBoolean();
        int at = r.intBetween(0, insert ? length : length - 1);
        return new Mutation(f, r.charFrom(MUTATION_CHARS), at, insert);
    }

    /** Any string of up to 64 chars (now and then up to 255), any UTF-16 content. */
    static String anyString(SeededRandom r) {
        return r.string(r.chance(0.1) ? 255 : 64, r::anyChar);
    }

    /**
     * The string without unpaired UTF-16 surrogates: filters refuse those (they cannot be sent),
     * which LoneSurrogateTest covers; here values must be valid text.
     */
    static String wellFormed(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
