package io.flowsdk.client.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterBuilderTest {

    private static final Filter A = Filter.pr("a");
    private static final Filter B = Filter.pr("b");
    private static final Filter C = Filter.pr("c");
    private static final Filter D = Filter.pr("d");

    static Stream<Arguments> rendering() {
        return Stream.of(
                Arguments.of(Filter.eq("status", "pending")
                                .and(Filter.or(Filter.sw("displayName", "Approve"), Filter.co("description", "access")))
                                .and(Filter.not(Filter.pr("ended"))),
                        "status eq \"pending\" and (displayName sw \"Approve\" or description co \"access\") and not (ended pr)"),
                // every operator
                Arguments.of(Filter.eq("a", "x"), "a eq \"x\""),
                Arguments.of(Filter.ne("a", "x"), "a ne \"x\""),
                Arguments.of(Filter.co("a", "x"), "a co \"x\""),
                Arguments.of(Filter.sw("a", "x"), "a sw \"x\""),
                Arguments.of(Filter.ew("a", "x"), "a ew \"x\""),
                Arguments.of(Filter.gt("a", 1), "a gt 1"),
                Arguments.of(Filter.ge("a", 1), "a ge 1"),
                Arguments.of(Filter.lt("a", 1), "a lt 1"),
                Arguments.of(Filter.le("a", 1), "a le 1"),
                Arguments.of(Filter.pr("title"), "title pr"),
                Arguments.of(Filter.eqNull("ended"), "ended eq null"),
                Arguments.of(Filter.neNull("ended"), "ended ne null"),
                // numbers
                Arguments.of(Filter.eq("meta.revision", 42L), "meta.revision eq 42"),
                Arguments.of(Filter.eq("n", Long.MIN_VALUE), "n eq -9223372036854775808"),
                Arguments.of(Filter.eq("n", 1000L), "n eq 1000"),
                Arguments.of(Filter.eq("n", 1.5), "n eq 1.5"),
                Arguments.of(Filter.eq("n", 1.0), "n eq 1"),
                Arguments.of(Filter.eq("n", -0.0), "n eq 0"),
                Arguments.of(Filter.eq("n", 1e20), "n eq 100000000000000000000"),
                Arguments.of(Filter.eq("n", 1e-7), "n eq 0.0000001"),
                Arguments.of(Filter.eq("n", 1e300), "n eq 1E+300"),
                Arguments.of(Filter.eq("n", 1.25e-300), "n eq 1.25E-300"),
                Arguments.of(Filter.eq("n", new BigDecimal("10.500")), "n eq 10.5"),
                Arguments.of(Filter.eq("n", new BigDecimal("1E+3")), "n eq 1000"),
                Arguments.of(Filter.eq("n", new BigDecimal("0.000")), "n eq 0"),
                Arguments.of(Filter.eq("n", new BigDecimal("-12345678901234567890.123456789")),
                        "n eq -12345678901234567890.123456789"),
                // booleans
                Arguments.of(Filter.eq("active", true), "active eq true"),
                Arguments.of(Filter.ne("active", false), "active ne false"),
                // date-times: RFC 3339, seconds always written, offset kept
                Arguments.of(Filter.gt("due", OffsetDateTime.parse("2026-01-01T00:00Z")), "due gt \"2026-01-01T00:00:00Z\""),
                Arguments.of(Filter.gt("due", OffsetDateTime.parse("2026-01-01T00:00:00+00:00")), "due gt \"2026-01-01T00:00:00Z\""),
                Arguments.of(Filter.lt("due", OffsetDateTime.parse("2026-01-01T10:30:05+02:00")), "due lt \"2026-01-01T10:30:05+02:00\""),
                Arguments.of(Filter.le("due", OffsetDateTime.parse("2026-01-01T10:30:05.120-05:30")), "due le \"2026-01-01T10:30:05.12-05:30\""),
                Arguments.of(Filter.ge("due", OffsetDateTime.parse("2026-01-01T10:30:05.000000001Z")), "due ge \"2026-01-01T10:30:05.000000001Z\""),
                // instants: RFC 3339 in UTC
                Arguments.of(Filter.gt("due", Instant.parse("2026-01-01T00:00:00Z")), "due gt \"2026-01-01T00:00:00Z\""),
                Arguments.of(Filter.le("due", Instant.parse("2026-01-01T10:30:05.120Z")), "due le \"2026-01-01T10:30:05.12Z\""),
                Arguments.of(Filter.eq("due", Instant.ofEpochSecond(0, 1)), "due eq \"1970-01-01T00:00:00.000000001Z\""),
                Arguments.of(Filter.ne("due", Instant.parse("2026-01-01T00:00:00Z")), "due ne \"2026-01-01T00:00:00Z\""),
                // string escaping
                Arguments.of(Filter.eq("a", "O'Malley"), "a eq \"O'Malley\""),
                Arguments.of(Filter.eq("a", "say \"hi\""), "a eq \"say \\\"hi\\\"\""),
                Arguments.of(Filter.eq("a", "C:\\temp"), "a eq \"C:\\\\temp\""),
                Arguments.of(Filter.eq("a", "line1\nline2\ttab\r\u0000\u001f"), "a eq \"line1\\u000aline2\\u0009tab\\u000d\\u0000\\u001f\""),
                Arguments.of(Filter.eq("a", "del\u007f c1\u0085 ls\u2028"), "a eq \"del\\u007f c1\\u0085 ls\\u2028\""),
                Arguments.of(Filter.eq("a", "caf\u00e9 \uD83D\uDE00 /"), "a eq \"caf\u00e9 \uD83D\uDE00 /\""),
                Arguments.of(Filter.eq("a", ""), "a eq \"\""),
                // precedence and parentheses
                Arguments.of(Filter.and(A, B, C), "a pr and b pr and c pr"),
                Arguments.of(Filter.or(A, B, C), "a pr or b pr or c pr"),
                Arguments.of(Filter.or(Filter.and(A, B), C), "a pr and b pr or c pr"),
                Arguments.of(Filter.or(A, Filter.and(B, C)), "a pr or b pr and c pr"),
                Arguments.of(Filter.and(Filter.or(A, B), C), "(a pr or b pr) and c pr"),
                Arguments.of(Filter.and(A, Filter.or(B, C), D), "a pr and (b pr or c pr) and d pr"),
                Arguments.of(Filter.not(A), "not (a pr)"),
                Arguments.of(Filter.not(Filter.not(A)), "not (not (a pr))"),
                Arguments.of(Filter.not(Filter.and(A, B)), "not (a pr and b pr)"),
                Arguments.of(Filter.and(Filter.not(Filter.or(A, B)), C), "not (a pr or b pr) and c pr"),
                // value paths and attribute paths
                Arguments.of(Filter.valuePath("emails", Filter.eq("type", "work")), "emails[type eq \"work\"]"),
                Arguments.of(Filter.valuePath("emails", Filter.and(Filter.eq("type", "work"), Filter.co("value", "@example.com"))),
                        "emails[type eq \"work\" and value co \"@example.com\"]"),
                Arguments.of(Filter.valuePath("emails", Filter.or(A, B)).and(C), "emails[a pr or b pr] and c pr"),
                Arguments.of(Filter.sw("urn:ietf:params:scim:schemas:core:2.0:User:userName", "J"),
                        "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\""),
                Arguments.of(Filter.pr("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName"),
                        "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName pr"),
                Arguments.of(Filter.pr("members.$ref"), "members.$ref pr"),
                Arguments.of(Filter.eq("x-1_y.Z9", 1), "x-1_y.Z9 eq 1"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("rendering")
    void rendersCanonically(Filter filter, String expected) {
        assertEquals(expected, filter.toString());
        assertEquals(filter, Filter.parse(expected), "parses back to an equal filter");
    }

    @Test
    void andAndOrAreFlattenedAsTheyAreBuilt() {
        Filter flat = Filter.and(A, B, C);
        assertEquals(flat, A.and(B.and(C)));
        assertEquals(flat, A.and(B).and(C));
        assertEquals(flat, Filter.and(Filter.and(A, B), C));
        assertEquals(flat, new Filter.And(List.of(A, new Filter.And(List.of(B, C)))));
        assertEquals(List.of(A, B, C), ((Filter.And) flat).filters());
        assertEquals(Filter.or(A, B, C), A.or(B.or(C)));
        assertEquals(Filter.or(A, B, C, D), Filter.or(A, B).or(Filter.or(C, D)));
        // and does not flatten or, and vice versa
        assertEquals(2, ((Filter.And) Filter.and(A, Filter.or(B, C))).filters().size());
        assertEquals(flat.hashCode(), A.and(B.and(C)).hashCode());
    }

    @Test
    void equalityIsStructuralAndOrderSensitive() {
        assertEquals(Filter.eq("a", "x"), Filter.eq("a", "x"));
        assertNotEquals(A.and(B), B.and(A));
        assertNotEquals(A.or(B), A.and(B));
        assertNotEquals(Filter.eq("a", "x"), Filter.ne("a", "x"));
        assertNotEquals(Filter.eq("a", "x"), Filter.eq("A", "x"), "attribute names keep their case");
        assertNotEquals(Filter.eq("a", "1"), Filter.eq("a", 1));
        assertNotEquals(Filter.eq("a", "true"), Filter.eq("a", true));
        assertNotEquals(Filter.eqNull("a"), Filter.eq("a", "null"));
        assertNotEquals(Filter.not(A), A);
    }

    @Test
    void valuesAreCanonical() {
        assertEquals(Filter.eq("n", 1L), Filter.eq("n", 1.0));
        assertEquals(Filter.eq("n", 1L), Filter.eq("n", new BigDecimal("1.000")));
        assertEquals(Filter.eq("n", 1000L), Filter.eq("n", new BigDecimal("1E+3")));
        assertEquals(Filter.eq("n", 0L), Filter.eq("n", new BigDecimal("-0.00")));
        assertEquals(Filter.eq("n", 1L).hashCode(), Filter.eq("n", new BigDecimal("1.000")).hashCode());
        assertEquals(new BigDecimal("10.5"), ((Filter.Comparison) Filter.eq("n", new BigDecimal("10.50"))).value());
        OffsetDateTime due = OffsetDateTime.parse("2026-01-01T00:00Z");
        assertEquals(Filter.gt("due", due), Filter.gt("due", "2026-01-01T00:00:00Z"));
        assertEquals(Filter.gt("due", due), Filter.parse(Filter.gt("due", due).toString()));
        assertEquals("2026-01-01T00:00:00Z", ((Filter.Comparison) Filter.gt("due", due)).value());
        // the record constructor canonicalises too
        assertEquals(Filter.eq("n", 5L), new Filter.Comparison("n", ComparisonOperator.EQ, 5));
        assertEquals(Filter.eq("n", 2.5), new Filter.Comparison("n", ComparisonOperator.EQ, 2.5f));
        assertEquals(Filter.gt("due", due), new Filter.Comparison("due", ComparisonOperator.GT, due));
        assertEquals(Filter.gt("due", due), Filter.gt("due", due.toInstant()));
        assertEquals(Filter.gt("due", due), new Filter.Comparison("due", ComparisonOperator.GT, due.toInstant()));
        assertNotEquals(Filter.gt("due", OffsetDateTime.parse("2026-01-01T02:00+02:00")),
                Filter.gt("due", OffsetDateTime.parse("2026-01-01T02:00+02:00").toInstant()), "the offset is kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1abc", "_a", "-a", "a b", "a..b", "a.", ".a", "a.b.c", "a$", "$a", "é", "a\"",
        "a[", "a(b)", "urn:userName", ":a", "a:", "urn:ietf:params:scim:schemas:core:2.0:User:", "a.1b", "a\u0000",
        "x:y:name", "http://example.com/schema?v=2#x:attr"})
    void rejectsBadAttributeNamesNamingThem(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Filter.pr(name));
        String shown = name.replace("\u0000", "\\u0000").replace("\"", "\\\"");
        assertTrue(e.getMessage().contains("'" + shown + "'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Filter.eq(name, "x"));
        assertThrows(IllegalArgumentException.class, () -> Filter.valuePath(name, A));
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName", "a", "A1", "name.givenName", "x-y_z", "members.$ref", "$ref",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName", "urn:x:y:name"})
    void acceptsValidAttributePaths(String name) {
        assertEquals(name + " pr", Filter.pr(name).toString());
    }

    @Test
    void rejectsNonFiniteNumbersAndNulls() {
        assertThrows(IllegalArgumentException.class, () -> Filter.eq("n", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Filter.gt("n", Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Filter.lt("n", Double.NEGATIVE_INFINITY));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> Filter.eq("a", (String) null));
        assertTrue(npe.getMessage().contains("eqNull"), npe.getMessage());
        assertThrows(NullPointerException.class, () -> Filter.eq("a", (BigDecimal) null));
        assertThrows(NullPointerException.class, () -> Filter.gt("a", (OffsetDateTime) null));
        assertThrows(NullPointerException.class, () -> Filter.lt("a", (Instant) null));
        assertThrows(NullPointerException.class, () -> Filter.pr(null));
        assertThrows(NullPointerException.class, () -> Filter.not(null));
        assertThrows(NullPointerException.class, () -> A.and(null));
        assertThrows(NullPointerException.class, () -> Filter.and(A, B, (Filter) null));
        assertThrows(IllegalArgumentException.class,
                () -> new Filter.Comparison("a", ComparisonOperator.EQ, new Object()));
    }

    @Test
    void numbersWhoseRenderingCouldNotBeParsedAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Filter.eq("n", new BigDecimal(java.math.BigInteger.TEN, Integer.MIN_VALUE + 1)));
        assertThrows(IllegalArgumentException.class, () -> Filter.eq("n", new BigDecimal("1e-1000000000")));
        assertThrows(IllegalArgumentException.class,
                () -> Filter.eq("n", new BigDecimal(java.math.BigInteger.ONE, Integer.MAX_VALUE)));
        Filter max = Filter.eq("n", new BigDecimal("9.99e999999999"));
        assertEquals("n eq 9.99E+999999999", max.toString());
        assertEquals(max, Filter.parse(max.toString()));
        Filter min = Filter.eq("n", new BigDecimal("-1e-999999999"));
        assertEquals(min, Filter.parse(min.toString()));
    }

    @Test
    void nodesAreImmutable() {
        List<Filter> operands = new ArrayList<>(List.of(A, B));
        Filter.And and = new Filter.And(operands);
        operands.add(C);
        assertEquals(List.of(A, B), and.filters(), "defensive copy");
        assertThrows(UnsupportedOperationException.class, () -> and.filters().add(C));
        assertThrows(UnsupportedOperationException.class,
                () -> ((Filter.Or) Filter.or(A, B)).filters().remove(0));
    }

    @Test
    void andOrNeedTwoOperands() {
        assertThrows(IllegalArgumentException.class, () -> new Filter.And(List.of(A)));
        assertThrows(IllegalArgumentException.class, () -> new Filter.Or(List.of()));
    }

    @Test
    void valuePathsDoNotNest() {
        Filter inner = Filter.valuePath("b", C);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Filter.valuePath("a", inner));
        assertTrue(e.getMessage().contains("value path"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Filter.valuePath("a", Filter.not(A.and(inner))));
    }

    @Test
    void nestingIsLimitedTo64Levels() {
        Filter f = A;
        for (int i = 0; i < 64; i++) {
            f = Filter.not(f);
        }
        assertEquals(f, Filter.parse(f.toString()));
        Filter deepest = f;
        assertThrows(IllegalArgumentException.class, () -> Filter.not(deepest));
        assertThrows(IllegalArgumentException.class, () -> deepest.and(B));
        assertThrows(IllegalArgumentException.class, () -> Filter.valuePath("e", deepest));
        // alternating and/or nesting counts as well
        Filter g = A;
        for (int i = 0; i < 64; i++) {
            g = i % 2 == 0 ? Filter.or(B, g) : Filter.and(C, g);
        }
        assertEquals(g, Filter.parse(g.toString()));
        Filter last = g;
        assertTrue(last instanceof Filter.And);
        assertEquals(3, ((Filter.And) Filter.and(D, last)).filters().size(), "and into and adds no level");
        assertThrows(IllegalArgumentException.class, () -> Filter.or(D, last));
    }

    @Test
    void longFlatChainsAreFine() {
        List<Filter> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(Filter.eq("a" + i, i));
        }
        Filter f = new Filter.And(many);
        assertEquals(f, Filter.parse(f.toString()));
    }

    @Test
    void operatorTokens() {
        for (ComparisonOperator op : ComparisonOperator.values()) {
            assertEquals(op, ComparisonOperator.fromToken(op.token().toUpperCase()).orElseThrow());
            assertEquals(op.token(), op.toString());
        }
        assertTrue(ComparisonOperator.fromToken("pr").isEmpty());
        assertTrue(ComparisonOperator.fromToken(null).isEmpty());
        assertTrue(ComparisonOperator.fromToken("equals").isEmpty());
    }
}
