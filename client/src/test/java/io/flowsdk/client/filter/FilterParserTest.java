package io.flowsdk.client.filter;

import static io.flowsdk.client.filter.Filter.and;
import static io.flowsdk.client.filter.Filter.co;
import static io.flowsdk.client.filter.Filter.eq;
import static io.flowsdk.client.filter.Filter.ge;
import static io.flowsdk.client.filter.Filter.gt;
import static io.flowsdk.client.filter.Filter.le;
import static io.flowsdk.client.filter.Filter.lt;
import static io.flowsdk.client.filter.Filter.ne;
import static io.flowsdk.client.filter.Filter.not;
import static io.flowsdk.client.filter.Filter.or;
import static io.flowsdk.client.filter.Filter.pr;
import static io.flowsdk.client.filter.Filter.sw;
import static io.flowsdk.client.filter.Filter.valuePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {

    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("userName eq \"bjensen\"", eq("userName", "bjensen")),
                // operators, keywords and literals ignore case; attribute names keep theirs
                Arguments.of("userName EQ \"bjensen\"", eq("userName", "bjensen")),
                Arguments.of("Username Eq \"bjensen\"", eq("Username", "bjensen")),
                Arguments.of("a NE 1 And b Co \"x\" OR c Sw \"y\"", or(and(ne("a", 1), co("b", "x")), sw("c", "y"))),
                Arguments.of("a eW \"x\"", Filter.ew("a", "x")),
                Arguments.of("a GT 1 and a gE 2 and a Lt 3 and a LE 4", and(gt("a", 1), ge("a", 2), lt("a", 3), le("a", 4))),
                Arguments.of("title PR", pr("title")),
                Arguments.of("NOT (title pr)", not(pr("title"))),
                Arguments.of("a eq TRUE", eq("a", true)),
                Arguments.of("a eq False", eq("a", false)),
                Arguments.of("a eq NULL", Filter.eqNull("a")),
                Arguments.of("a ne null", Filter.neNull("a")),
                // the grammar allows what no factory builds: ordering or containment of a boolean, number or null
                Arguments.of("approved GT true", new Filter.Comparison("approved", ComparisonOperator.GT, true)),
                Arguments.of("n co 42", new Filter.Comparison("n", ComparisonOperator.CO, 42)),
                Arguments.of("a sw null", new Filter.Comparison("a", ComparisonOperator.SW, null)),
                // numbers
                Arguments.of("n eq 42", eq("n", 42)),
                Arguments.of("n eq -42", eq("n", -42)),
                Arguments.of("n eq 0", eq("n", 0)),
                Arguments.of("n eq -0", eq("n", 0)),
                Arguments.of("n eq 1.50", eq("n", 1.5)),
                Arguments.of("n eq 1e3", eq("n", 1000)),
                Arguments.of("n eq 1E+3", eq("n", 1000)),
                Arguments.of("n eq 25E-1", eq("n", 2.5)),
                Arguments.of("n eq 1e400", eq("n", new BigDecimal("1e400"))),
                Arguments.of("n eq 123456789012345678901234567890", eq("n", new BigDecimal("123456789012345678901234567890"))),
                Arguments.of("n eq 1e999999999", eq("n", new BigDecimal("1e999999999"))),
                Arguments.of("n eq -1.5e-999999998", eq("n", new BigDecimal("-15e-999999999"))),
                Arguments.of("n eq -0.000000000000000000000000000000000000000000000001", eq("n", new BigDecimal("-1e-48"))),
                // strings with every JSON escape
                Arguments.of("s eq \"\"", eq("s", "")),
                Arguments.of("s eq \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", eq("s", "a\"b\\c/d\b\f\n\r\t")),
                Arguments.of("s eq \"\\u00e9\\u00E9\\ud83d\\ude00\"", eq("s", "\u00e9\u00e9\uD83D\uDE00")),
                Arguments.of("s eq \"caf\u00e9 \uD83D\uDE00 (and) [or] not\"", eq("s", "caf\u00e9 \uD83D\uDE00 (and) [or] not")),
                // precedence: and binds tighter than or
                Arguments.of("a pr or b pr and c pr", or(pr("a"), and(pr("b"), pr("c")))),
                Arguments.of("a pr and b pr or c pr", or(and(pr("a"), pr("b")), pr("c"))),
                Arguments.of("a pr and b pr or c pr and d pr", or(and(pr("a"), pr("b")), and(pr("c"), pr("d")))),
                Arguments.of("(a pr or b pr) and c pr", and(or(pr("a"), pr("b")), pr("c"))),
                // grouping only steers parsing
                Arguments.of("(a pr)", pr("a")),
                Arguments.of("((((a pr))))", pr("a")),
                Arguments.of("a pr and (b pr and c pr)", and(pr("a"), pr("b"), pr("c"))),
                Arguments.of("(a pr and b pr) and c pr", and(pr("a"), pr("b"), pr("c"))),
                Arguments.of("a pr or (b pr or (c pr))", or(pr("a"), pr("b"), pr("c"))),
                Arguments.of("not (a pr) and not (b pr or c pr)", and(not(pr("a")), not(or(pr("b"), pr("c"))))),
                Arguments.of("not (not (a pr))", not(not(pr("a")))),
                Arguments.of("not(a pr)", not(pr("a"))),
                // whitespace is flexible
                Arguments.of("  a\tpr \n and\r\nb   pr  ", and(pr("a"), pr("b"))),
                Arguments.of("( a pr )", pr("a")),
                Arguments.of("a eq\"x\"", eq("a", "x")),
                // keywords are valid attribute names where an attribute is expected
                Arguments.of("not pr", pr("not")),
                Arguments.of("not eq 1", eq("not", 1)),
                Arguments.of("and pr or or pr", or(pr("and"), pr("or"))),
                Arguments.of("pr pr", pr("pr")),
                Arguments.of("not[type pr]", valuePath("not", pr("type"))),
                // sub-attributes and URN prefixes
                Arguments.of("name.familyName co \"O'Malley\"", co("name.familyName", "O'Malley")),
                Arguments.of(CORE_USER + ":userName sw \"J\"", sw(CORE_USER + ":userName", "J")),
                Arguments.of(CORE_USER + ":name.givenName pr", pr(CORE_USER + ":name.givenName")),
                Arguments.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
                        eq("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "701984")),
                // value paths
                Arguments.of("emails[type eq \"work\"]", valuePath("emails", eq("type", "work"))),
                Arguments.of("emails [ type eq \"work\" ]", valuePath("emails", eq("type", "work"))),
                Arguments.of("emails[not (type eq \"work\")]", valuePath("emails", not(eq("type", "work")))),
                Arguments.of("emails[(type eq \"work\" or type eq \"home\") and value pr]",
                        valuePath("emails", and(or(eq("type", "work"), eq("type", "home")), pr("value")))),
                Arguments.of("a pr and emails[type eq \"work\"] or b pr",
                        or(and(pr("a"), valuePath("emails", eq("type", "work"))), pr("b"))),
                Arguments.of("not (emails[type pr])", not(valuePath("emails", pr("type")))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("valid")
    void parses(String input, Filter expected) {
        Filter parsed = Filter.parse(input);
        assertEquals(expected, parsed);
        assertEquals(parsed, Filter.parse(parsed.toString()), "round trip");
    }

    /** Every filter example of RFC 7644 §3.4.2.2 (Figure 3 and the examples before it), with its canonical form. */
    static Stream<Arguments> rfcExamples() {
        return Stream.of(
                Arguments.of("userName eq \"bjensen\"", null),
                Arguments.of("name.familyName co \"O'Malley\"", null),
                Arguments.of("userName sw \"J\"", null),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"", null),
                Arguments.of("title pr", null),
                Arguments.of("meta.lastModified gt \"2011-05-13T04:42:34Z\"", null),
                Arguments.of("meta.lastModified ge \"2011-05-13T04:42:34Z\"", null),
                Arguments.of("meta.lastModified lt \"2011-05-13T04:42:34Z\"", null),
                Arguments.of("meta.lastModified le \"2011-05-13T04:42:34Z\"", null),
                Arguments.of("title pr and userType eq \"Employee\"", null),
                Arguments.of("title pr or userType eq \"Intern\"", null),
                Arguments.of("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"", null),
                Arguments.of("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")", null),
                Arguments.of("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")", null),
                Arguments.of("userType eq \"Employee\" and (emails.type eq \"work\")",
                        "userType eq \"Employee\" and emails.type eq \"work\""),
                Arguments.of("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]", null),
                Arguments.of("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]", null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rfcExamples")
    void rfc7644Examples(String input, String canonical) {
        Filter parsed = Filter.parse(input);
        assertEquals(canonical == null ? input : canonical, parsed.toString());
        assertEquals(parsed, Filter.parse(parsed.toString()));
        assertEquals(parsed.hashCode(), Filter.parse(parsed.toString()).hashCode());
    }

    @Test
    void rfcExampleAsTree() {
        assertEquals(
                or(valuePath("emails", and(eq("type", "work"), co("value", "@example.com"))),
                        valuePath("ims", and(eq("type", "xmpp"), co("value", "@foo.com")))),
                Filter.parse("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]"));
        assertEquals(
                and(ne("userType", "Employee"), not(or(co("emails", "example.com"), co("emails.value", "example.org")))),
                Filter.parse("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")"));
    }

    static Stream<Arguments> malformed() {
        String deepParens = "(".repeat(10_000) + "a pr" + ")".repeat(10_000);
        String deepNots = "not (".repeat(100) + "a pr" + ")".repeat(100);
        String deepBrackets = "a[" + "(".repeat(200) + "b pr" + ")".repeat(200) + "]";
        return Stream.of(
                Arguments.of("", 0, "empty filter"),
                Arguments.of("   ", 3, "blank filter"),
                Arguments.of("userName", 8, "expected operator after attribute 'userName'"),
                Arguments.of("(status)", 7, "expected operator after attribute 'status'"),
                Arguments.of("userName eq", 11, "expected value after operator 'eq'"),
                Arguments.of("userName eq ", 12, "expected value after operator 'eq'"),
                Arguments.of("userName eq )", 12, "expected value after operator 'eq' but found ')'"),
                Arguments.of("userName eq (\"x\")", 12, "expected value"),
                Arguments.of("userName xx \"a\"", 9, "unknown operator 'xx' after attribute 'userName'"),
                Arguments.of("userName equals \"a\"", 9, "unknown operator 'equals'"),
                Arguments.of("userName \"eq\" \"x\"", 9, "expected operator after attribute 'userName' but found a string"),
                Arguments.of("userName eq \"abc", 12, "unterminated string"),
                Arguments.of("userName eq \"\\", 12, "unterminated string"),
                Arguments.of("userName eq \"a\\qb\"", 14, "invalid escape '\\\\q'"),
                Arguments.of("userName eq \"\\u12G4\"", 13, "invalid unicode escape"),
                Arguments.of("userName eq \"\\u12\"", 13, "invalid unicode escape"),
                Arguments.of("userName eq \"\\u00", 13, "invalid unicode escape"),
                Arguments.of("userName eq \"a\nb\"", 14, "control character U+000A must be escaped"),
                Arguments.of("userName eq bjensen", 12, "invalid value 'bjensen'"),
                Arguments.of("userName eq 01", 12, "invalid value '01'"),
                Arguments.of("userName eq 1.", 12, "invalid value '1.'"),
                Arguments.of("userName eq 1e", 12, "invalid value '1e'"),
                Arguments.of("userName eq +1", 12, "invalid value '+1'"),
                Arguments.of("userName ge -", 12, "invalid value '-'"),
                Arguments.of("userName eq 5and b pr", 12, "invalid value '5and'"),
                Arguments.of("userName eq 1e99999999999", 12, "number out of range"),
                Arguments.of("userName eq 1e-2147483649", 12, "number out of range"),
                Arguments.of("userName eq 0e-2147483648", 12, "number out of range"),
                Arguments.of("userName eq 1e2147483647", 12, "number out of range"),
                Arguments.of("userName eq 10e2147483647", 12, "number out of range"),
                Arguments.of("userName eq 1e1000000000", 12, "number out of range"),
                Arguments.of("userName eq 1e-1000000000", 12, "number out of range"),
                Arguments.of("title pr \"x\"", 9, "expected 'and', 'or' or end of filter but found a string"),
                Arguments.of("title pr pr", 9, "expected 'and', 'or' or end of filter but found 'pr'"),
                Arguments.of("userName eq \"x\" junk", 16, "expected 'and', 'or' or end of filter but found 'junk'"),
                Arguments.of("a eq true false", 10, "but found 'false'"),
                Arguments.of("title pr and", 12, "expected attribute path, '(' or 'not' but found end of filter"),
                Arguments.of("title pr or", 11, "expected attribute path"),
                Arguments.of("title pr and )", 13, "expected attribute path, '(' or 'not' but found ')'"),
                Arguments.of("()", 1, "expected attribute path, '(' or 'not' but found ')'"),
                Arguments.of("(title pr", 9, "expected 'and', 'or' or ')' to close the '(' at position 0 but found end of filter"),
                Arguments.of("a pr and (b pr or c pr", 22, "to close the '(' at position 9"),
                Arguments.of("(a pr] ", 5, "expected 'and', 'or' or ')'"),
                Arguments.of("title pr)", 8, "unbalanced ')'"),
                Arguments.of("emails[type eq \"work\"", 21, "expected 'and', 'or' or ']' to close the '[' at position 6"),
                Arguments.of("emails[type eq \"work\"]]", 22, "unbalanced ']'"),
                Arguments.of("emails[type eq \"work\")", 21, "expected 'and', 'or' or ']'"),
                Arguments.of("emails type eq \"work\"]", 7, "unknown operator 'type' after attribute 'emails'"),
                Arguments.of("emails[]", 7, "expected attribute path, '(' or 'not' but found ']'"),
                Arguments.of("[type eq \"x\"]", 0, "expected attribute path, '(' or 'not' but found '['"),
                Arguments.of("a[b[c pr]]", 3, "a value path must not contain another value path"),
                Arguments.of("a[not (b[c pr])]", 8, "a value path must not contain another value path"),
                Arguments.of("emails[type eq \"work\"].value eq \"x\"", 22, "expected 'and', 'or' or end of filter but found '.value'"),
                Arguments.of("not title pr", 4, "expected '(' after 'not' but found 'title'"),
                Arguments.of("not", 3, "expected '(' after 'not' but found end of filter"),
                Arguments.of("1abc pr", 0, "invalid attribute path '1abc'"),
                Arguments.of("a..b pr", 0, "invalid attribute path 'a..b'"),
                Arguments.of("a.b.c pr", 0, "invalid attribute path 'a.b.c'"),
                Arguments.of("_a eq 1", 0, "invalid attribute path '_a'"),
                Arguments.of("x pr and caf\u00e9 pr", 9, "invalid attribute path 'caf\u00e9'"),
                Arguments.of("a\u0001 pr", 0, "invalid attribute path 'a\\u0001'"),
                Arguments.of(CORE_USER + ": pr", 0, "invalid attribute path"),
                Arguments.of("urn:userName pr", 0, "invalid attribute path 'urn:userName'"),
                Arguments.of(deepParens, 64, "nested too deeply"),
                Arguments.of(deepNots, 64 * 5 + 4, "nested too deeply"),
                Arguments.of(deepBrackets, 65, "nested too deeply"),
                Arguments.of("(".repeat(10_000), 64, "nested too deeply"),
                Arguments.of("a[".repeat(10_000), 3, "a value path must not contain another value path"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void rejectsMalformed(String input, int position, String reason) {
        FilterParseException e = assertThrows(FilterParseException.class, () -> Filter.parse(input));
        String message = e.getMessage();
        assertTrue(message.contains(reason), () -> "message '" + message + "' should contain '" + reason + "'");
        assertEquals(position, e.position(), message);
        assertTrue(message.endsWith(" at position " + position), message);
        assertTrue(e instanceof IllegalArgumentException);
    }

    @Test
    void treeDeeperThan64LevelsFromFewerParenthesesIsAParseError() {
        // 64 levels of parentheses, but each and/or adds a level of the tree: 65 levels in all
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            sb.append(i % 2 == 0 ? "a pr and (" : "b pr or (");
        }
        sb.append("c pr and d pr").append(")".repeat(64)); // innermost group is an 'and' inside an 'or'
        String ok = sb.toString().replace("c pr and d pr", "c pr");
        assertEquals(64, depth(Filter.parse(ok)), "exactly 64 levels is fine");
        FilterParseException e = assertThrows(FilterParseException.class, () -> Filter.parse(sb.toString()));
        assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage());
    }

    private static int depth(Filter f) {
        return FilterValues.depth(f);
    }

    @Test
    void exampleMessage() {
        FilterParseException e = assertThrows(FilterParseException.class, () -> Filter.parse("status \"pending\""));
        assertEquals("expected operator after attribute 'status' but found a string at position 7", e.getMessage());
        assertEquals(7, e.position());
    }

    @Test
    void nullIsNotAFilter() {
        assertThrows(NullPointerException.class, () -> Filter.parse(null));
    }
}
