package io.flowsdk.client.filter;

import com.google.gson.JsonElement;
import io.flowsdk.client.ExpandableValue;
import org.jspecify.annotations.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A SCIM filter (<a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2">RFC 7644
 * §3.4.2.2</a>) as an immutable syntax tree, with a builder (the static factories), a renderer
 * ({@link #toString()}), a parser ({@link #parse(String)}) and an evaluator ({@link #matches(JsonElement)}).
 *
 * <pre>{@code
 * Filter f = Filter.eq("status", "pending")
 *         .and(Filter.or(Filter.sw("displayName", "Approve"), Filter.co("description", "access")))
 *         .and(Filter.not(Filter.pr("ended")));
 * f.toString();
 * // status eq "pending" and (displayName sw "Approve" or description co "access") and not (ended pr)
 *
 * Filter.gt("due", OffsetDateTime.parse("2026-01-01T00:00Z")).toString();
 * // due gt "2026-01-01T00:00:00Z"
 * Filter.valuePath("emails", Filter.eq("type", "work")).toString();
 * // emails[type eq "work"]
 * Filter.parse("userName EQ \"bjensen\"").equals(Filter.eq("userName", "bjensen")); // true
 * }</pre>
 *
 * <h2>The tree</h2>
 * A filter is one of six records: {@link Comparison} ({@code attr op value}), {@link Present}
 * ({@code attr pr}), {@link And}, {@link Or}, {@link Not} and {@link ValuePath}
 * ({@code attr[filter]}). {@code equals} and {@code hashCode} are structural and order-sensitive
 * ({@code a and b} is not equal to {@code b and a}). Nested and/or are flattened when they are
 * built, so {@code a and (b and c)} equals {@code a and b and c}; grouping parentheses only steer
 * parsing, so {@code (a pr)} equals {@code a pr}. Attribute names keep their case and are
 * compared exactly in {@code equals} (the evaluator, like SCIM, ignores their case).
 *
 * <h2>Attribute paths</h2>
 * {@code [urn ":"] ATTRNAME ["." ATTRNAME]} where {@code ATTRNAME = ALPHA *(ALPHA / DIGIT / "-" / "_")}
 * (RFC 7644 §3.10; {@code $ref} is also accepted) and the optional prefix is a schema URN
 * ({@code urn:} and at least two colon-separated segments of letters, digits, {@code . - _}), for
 * example {@code userName}, {@code meta.lastModified} or
 * {@code urn:ietf:params:scim:schemas:core:2.0:User:name.givenName}; at most 1024 characters. It is
 * the grammar {@code Query.sortBy} and {@code Query.attributes} use too. An invalid path throws
 * {@link IllegalArgumentException} naming it and the index of the first character in the way.
 *
 * <h2>Values</h2>
 * The factories take only the value types their operator makes sense for, so a filter a server
 * would refuse does not compile: {@code eq} and {@code ne} take a string, a number ({@code long},
 * {@code double}, {@link BigDecimal}), a boolean, a date-time ({@link OffsetDateTime},
 * {@link Instant}) or a status value ({@link ExpandableValue}); {@code gt}, {@code ge}, {@code lt}
 * and {@code le} take a string, a number or a date-time (ordering booleans makes no sense);
 * {@code co}, {@code sw} and {@code ew} take a string. {@code Filter.gt("approved", true)} and
 * {@code Filter.co("n", 42L)} are compile errors. {@link #parse(String)} still accepts every form
 * RFC 7644's grammar allows, {@code approved gt true} included; the evaluator refuses that one
 * when it runs.
 *
 * <p>Every comparison value is stored in its canonical wire form: a {@link String}, a
 * {@link BigDecimal} without trailing zeros, a {@link Boolean} or {@code null}. A date-time is
 * stored as the RFC 3339 string it renders as (seconds always written, offset kept, an
 * {@code Instant} in UTC), so {@code Filter.gt("due", dateTime)} equals the parsed form of its
 * own {@code toString()}. A string must be valid Unicode: an unpaired UTF-16 surrogate is refused
 * with {@link IllegalArgumentException} naming its index, as an HTTP client would send it as
 * {@code ?}. Numbers must be finite, with a decimal exponent within ±999,999,999
 * ({@link IllegalArgumentException} otherwise), and compare equal when their values do
 * ({@code 1}, {@code 1.0}, {@code 1E0}). The
 * {@code null} literal has its own factories, {@link #eqNull(String)} and {@link #neNull(String)}:
 * with one overload per value type, {@code Filter.eq("a", null)} would be ambiguous.
 *
 * <h2>Guarantees</h2>
 * {@code Filter.parse(f.toString()).equals(f)} holds for every filter. Nesting (and/or/not/value
 * path levels) is limited to 64; the number of operands of one {@code and}/{@code or} is not, and
 * building, rendering, parsing and evaluating take time linear in the filter's size. Filters are
 * immutable and therefore thread-safe; so are the parser and the evaluator, which keep no shared
 * mutable state. Only unchecked exceptions are thrown.
 */
public sealed interface Filter {

    /**
     * Parses a filter string (RFC 7644 §3.4.2.2). Operators, {@code and}, {@code or}, {@code not}
     * and the literals {@code true}, {@code false} and {@code null} are matched ignoring case;
     * attribute names keep their case. Grouping parentheses, {@code not (...)}, value paths
     * ({@code emails[type eq "work"]}) and URN-prefixed attribute paths are supported.
     *
     * @param filter the filter string, for example {@code userName sw "J" and not (title pr)}
     * @return the parsed filter
     * @throws FilterParseException if the string is not a valid filter (blank, malformed, or
     *     nested more than 64 levels deep); the message and {@link FilterParseException#position()}
     *     say where
     * @throws NullPointerException if {@code filter} is null
     */
    static Filter parse(String filter) {
        return FilterParser.parse(filter);
    }

    /**
     * Tests this filter against a JSON resource with the standard evaluator, see
     * {@link FilterEvaluator#standard()}.
     *
     * @param resource the resource, for example a task as JSON; {@code null} counts as JSON null
     * @return whether the resource matches
     * @throws IllegalArgumentException if the filter compares a boolean with an ordering or string
     *     operator ({@code gt}, {@code co}, ...), which SCIM servers reject with 400
     */
    default boolean matches(@Nullable JsonElement resource) {
        return FilterEvaluator.standard().matches(this, resource);
    }

    /**
     * Tests this filter against a model object (for example a {@code Task}) with the standard
     * evaluator: the object is first turned into JSON, see {@link FilterEvaluator#matches(Filter, Object)}.
     *
     * @param resource the model object; {@code null} counts as JSON null
     * @return whether the resource matches
     * @throws IllegalArgumentException as {@link #matches(JsonElement)}
     */
    default boolean matches(@Nullable Object resource) {
        return FilterEvaluator.standard().matches(this, resource);
    }

    /**
     * Combines this filter and another with {@code and}, flattening nested {@code and}s:
     * {@code a.and(b).and(c)} equals {@code Filter.and(a, b, c)}. Building a chain link by link,
     * {@code f = f.and(x)}, costs amortised constant time per link: the result shares its operand
     * storage with {@code this} (both stay immutable).
     *
     * @param other the other filter
     * @return {@code this and other}
     */
    default Filter and(Filter other) {
        return new And(Operands.startingWith(this, true).plus(other));
    }

    /**
     * Combines this filter and another with {@code or}, flattening nested {@code or}s. Building a
     * chain link by link, {@code f = f.or(x)}, costs amortised constant time per link.
     *
     * @param other the other filter
     * @return {@code this or other}
     */
    default Filter or(Filter other) {
        return new Or(Operands.startingWith(this, false).plus(other));
    }

    /**
     * Renders the filter in canonical form: single spaces, lower-case keywords and operators,
     * parentheses only where precedence needs them ({@code and} binds tighter than {@code or}) plus
     * the ones {@code not (...)} always has, strings as JSON literals, numbers in plain notation
     * unless very large or small.
     *
     * @return the filter string, which {@link #parse(String)} turns back into an equal filter
     */
    @Override
    String toString();

    // ---------------------------------------------------------------- factories

    /**
     * Builds {@code attributePath eq null}, which matches a missing attribute, a JSON null and an
     * empty array. This is the way to compare with {@code null}: {@code eq(attr, (String) null)}
     * throws {@link NullPointerException}.
     *
     * @param attributePath the attribute path, validated
     * @return the filter, for example {@code ended eq null}
     */
    static Filter eqNull(String attributePath) {
        return new Comparison(attributePath, ComparisonOperator.EQ, null);
    }

    /**
     * Builds {@code attributePath ne null}, which matches an attribute that has a non-null value.
     *
     * @param attributePath the attribute path, validated
     * @return the filter, for example {@code ended ne null}
     */
    static Filter neNull(String attributePath) {
        return new Comparison(attributePath, ComparisonOperator.NE, null);
    }

    /**
     * Builds {@code attributePath pr}: the attribute is present, that is, not null and not an empty
     * string, array or object.
     *
     * @param attributePath the attribute path, validated
     * @return the filter, for example {@code ended pr}
     */
    static Filter pr(String attributePath) {
        return new Present(attributePath);
    }

    /**
     * Combines two or more filters with {@code and}; nested {@code and}s are flattened.
     *
     * @param first the first filter
     * @param second the second filter
     * @param more further filters
     * @return {@code first and second and ...}
     */
    static Filter and(Filter first, Filter second, Filter... more) {
        return new And(operands(true, first, second, more));
    }

    /**
     * Combines two or more filters with {@code or}; nested {@code or}s are flattened.
     *
     * @param first the first filter
     * @param second the second filter
     * @param more further filters
     * @return {@code first or second or ...}
     */
    static Filter or(Filter first, Filter second, Filter... more) {
        return new Or(operands(false, first, second, more));
    }

    /**
     * Negates a filter; rendered as {@code not (...)}, as the RFC grammar requires.
     *
     * @param filter the filter to negate
     * @return {@code not (filter)}
     */
    static Filter not(Filter filter) {
        return new Not(filter);
    }

    /**
     * Builds a value path: matches when some value of the multi-valued attribute satisfies the
     * inner filter, whose attribute paths are relative to that value, for example
     * {@code Filter.valuePath("emails", Filter.eq("type", "work"))} renders {@code emails[type eq "work"]}.
     *
     * @param attributePath the multi-valued attribute, validated
     * @param filter the filter for one value; must not itself contain a value path (RFC 7644)
     * @return the filter
     * @throws IllegalArgumentException if the path is invalid or the inner filter has a value path
     */
    static Filter valuePath(String attributePath, Filter filter) {
        return new ValuePath(attributePath, filter);
    }

    /**
     * Builds a comparison that matches when the attribute equals the value, for example
     * {@code displayName eq "Approve"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a string, rendered as a JSON string literal (quotes, backslashes and control characters escaped); not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the string holds an unpaired UTF-16 surrogate
     */
    static Filter eq(String attributePath, String value) {
        return new Comparison(attributePath, ComparisonOperator.EQ, requireValue(value, "eq"));
    }

    /**
     * Builds a comparison that matches when the attribute equals the value, for example
     * {@code meta.revision eq 42}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an integer
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter eq(String attributePath, long value) {
        return new Comparison(attributePath, ComparisonOperator.EQ, value);
    }

    /**
     * Builds a comparison that matches when the attribute equals the value, for example
     * {@code score eq 1.5}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a finite number (NaN and infinities throw {@link IllegalArgumentException})
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the number is not finite
     */
    static Filter eq(String attributePath, double value) {
        return new Comparison(attributePath, ComparisonOperator.EQ, value);
    }

    /**
     * Builds a comparison that matches when the attribute equals the value, for example
     * {@code amount eq 10.25}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a number, stored without trailing zeros; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the exponent is beyond &plusmn;999,999,999
     */
    static Filter eq(String attributePath, BigDecimal value) {
        return new Comparison(attributePath, ComparisonOperator.EQ, requireValue(value, "eq"));
    }

    /**
     * Builds a comparison that matches when the attribute equals the value, for example
     * {@code variables.approved eq true}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a boolean
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter eq(String attributePath, boolean value) {
        return new Comparison(attributePath, ComparisonOperator.EQ, value);
    }

    /**
     * Builds a comparison that matches when the attribute equals the value, for example
     * {@code due eq "2026-01-01T00:00:00+02:00"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a date-time, stored and rendered as an RFC 3339 string literal with seconds always written and the offset kept; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter eq(String attributePath, OffsetDateTime value) {
        return new Comparison(attributePath, ComparisonOperator.EQ, requireValue(value, "eq"));
    }

    /**
     * Builds a comparison that matches when the attribute equals the value, for example
     * {@code due eq "2026-01-01T00:00:00Z"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an instant, stored and rendered as an RFC 3339 string literal in UTC ({@code Z}) with seconds always written; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter eq(String attributePath, Instant value) {
        return new Comparison(attributePath, ComparisonOperator.EQ, requireValue(value, "eq"));
    }

    /**
     * Builds a comparison that matches when the attribute equals the value, for example
     * {@code Filter.eq(TaskAttributes.STATUS, TaskStatus.PENDING)}, which renders {@code status eq "pending"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a value of an open set such as a status, compared as its string {@link ExpandableValue#value()}; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the value holds an unpaired UTF-16 surrogate
     */
    static Filter eq(String attributePath, ExpandableValue value) {
        return new Comparison(attributePath, ComparisonOperator.EQ, requireValue(value, "eq").value());
    }

    /**
     * Builds a comparison that matches when the attribute does not equal the value, for example
     * {@code displayName ne "Approve"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a string, rendered as a JSON string literal (quotes, backslashes and control characters escaped); not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the string holds an unpaired UTF-16 surrogate
     */
    static Filter ne(String attributePath, String value) {
        return new Comparison(attributePath, ComparisonOperator.NE, requireValue(value, "ne"));
    }

    /**
     * Builds a comparison that matches when the attribute does not equal the value, for example
     * {@code meta.revision ne 42}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an integer
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter ne(String attributePath, long value) {
        return new Comparison(attributePath, ComparisonOperator.NE, value);
    }

    /**
     * Builds a comparison that matches when the attribute does not equal the value, for example
     * {@code score ne 1.5}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a finite number (NaN and infinities throw {@link IllegalArgumentException})
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the number is not finite
     */
    static Filter ne(String attributePath, double value) {
        return new Comparison(attributePath, ComparisonOperator.NE, value);
    }

    /**
     * Builds a comparison that matches when the attribute does not equal the value, for example
     * {@code amount ne 10.25}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a number, stored without trailing zeros; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the exponent is beyond &plusmn;999,999,999
     */
    static Filter ne(String attributePath, BigDecimal value) {
        return new Comparison(attributePath, ComparisonOperator.NE, requireValue(value, "ne"));
    }

    /**
     * Builds a comparison that matches when the attribute does not equal the value, for example
     * {@code variables.approved ne true}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a boolean
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter ne(String attributePath, boolean value) {
        return new Comparison(attributePath, ComparisonOperator.NE, value);
    }

    /**
     * Builds a comparison that matches when the attribute does not equal the value, for example
     * {@code due ne "2026-01-01T00:00:00+02:00"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a date-time, stored and rendered as an RFC 3339 string literal with seconds always written and the offset kept; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter ne(String attributePath, OffsetDateTime value) {
        return new Comparison(attributePath, ComparisonOperator.NE, requireValue(value, "ne"));
    }

    /**
     * Builds a comparison that matches when the attribute does not equal the value, for example
     * {@code due ne "2026-01-01T00:00:00Z"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an instant, stored and rendered as an RFC 3339 string literal in UTC ({@code Z}) with seconds always written; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter ne(String attributePath, Instant value) {
        return new Comparison(attributePath, ComparisonOperator.NE, requireValue(value, "ne"));
    }

    /**
     * Builds a comparison that matches when the attribute does not equal the value, for example
     * {@code Filter.ne(TaskAttributes.STATUS, TaskStatus.PENDING)}, which renders {@code status ne "pending"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a value of an open set such as a status, compared as its string {@link ExpandableValue#value()}; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the value holds an unpaired UTF-16 surrogate
     */
    static Filter ne(String attributePath, ExpandableValue value) {
        return new Comparison(attributePath, ComparisonOperator.NE, requireValue(value, "ne").value());
    }

    /**
     * Builds a comparison that matches when the attribute contains the value, for example
     * {@code displayName co "Approve"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a string, rendered as a JSON string literal (quotes, backslashes and control characters escaped); not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the string holds an unpaired UTF-16 surrogate
     */
    static Filter co(String attributePath, String value) {
        return new Comparison(attributePath, ComparisonOperator.CO, requireValue(value, "co"));
    }

    /**
     * Builds a comparison that matches when the attribute starts with the value, for example
     * {@code displayName sw "Approve"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a string, rendered as a JSON string literal (quotes, backslashes and control characters escaped); not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the string holds an unpaired UTF-16 surrogate
     */
    static Filter sw(String attributePath, String value) {
        return new Comparison(attributePath, ComparisonOperator.SW, requireValue(value, "sw"));
    }

    /**
     * Builds a comparison that matches when the attribute ends with the value, for example
     * {@code displayName ew "Approve"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a string, rendered as a JSON string literal (quotes, backslashes and control characters escaped); not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the string holds an unpaired UTF-16 surrogate
     */
    static Filter ew(String attributePath, String value) {
        return new Comparison(attributePath, ComparisonOperator.EW, requireValue(value, "ew"));
    }

    /**
     * Builds a comparison that matches when the attribute is greater than the value, for example
     * {@code displayName gt "Approve"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a string, rendered as a JSON string literal (quotes, backslashes and control characters escaped); not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the string holds an unpaired UTF-16 surrogate
     */
    static Filter gt(String attributePath, String value) {
        return new Comparison(attributePath, ComparisonOperator.GT, requireValue(value, "gt"));
    }

    /**
     * Builds a comparison that matches when the attribute is greater than the value, for example
     * {@code meta.revision gt 42}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an integer
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter gt(String attributePath, long value) {
        return new Comparison(attributePath, ComparisonOperator.GT, value);
    }

    /**
     * Builds a comparison that matches when the attribute is greater than the value, for example
     * {@code score gt 1.5}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a finite number (NaN and infinities throw {@link IllegalArgumentException})
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the number is not finite
     */
    static Filter gt(String attributePath, double value) {
        return new Comparison(attributePath, ComparisonOperator.GT, value);
    }

    /**
     * Builds a comparison that matches when the attribute is greater than the value, for example
     * {@code amount gt 10.25}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a number, stored without trailing zeros; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the exponent is beyond &plusmn;999,999,999
     */
    static Filter gt(String attributePath, BigDecimal value) {
        return new Comparison(attributePath, ComparisonOperator.GT, requireValue(value, "gt"));
    }

    /**
     * Builds a comparison that matches when the attribute is greater than the value, for example
     * {@code due gt "2026-01-01T00:00:00+02:00"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a date-time, stored and rendered as an RFC 3339 string literal with seconds always written and the offset kept; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter gt(String attributePath, OffsetDateTime value) {
        return new Comparison(attributePath, ComparisonOperator.GT, requireValue(value, "gt"));
    }

    /**
     * Builds a comparison that matches when the attribute is greater than the value, for example
     * {@code due gt "2026-01-01T00:00:00Z"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an instant, stored and rendered as an RFC 3339 string literal in UTC ({@code Z}) with seconds always written; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter gt(String attributePath, Instant value) {
        return new Comparison(attributePath, ComparisonOperator.GT, requireValue(value, "gt"));
    }

    /**
     * Builds a comparison that matches when the attribute is greater than or equal to the value, for example
     * {@code displayName ge "Approve"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a string, rendered as a JSON string literal (quotes, backslashes and control characters escaped); not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the string holds an unpaired UTF-16 surrogate
     */
    static Filter ge(String attributePath, String value) {
        return new Comparison(attributePath, ComparisonOperator.GE, requireValue(value, "ge"));
    }

    /**
     * Builds a comparison that matches when the attribute is greater than or equal to the value, for example
     * {@code meta.revision ge 42}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an integer
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter ge(String attributePath, long value) {
        return new Comparison(attributePath, ComparisonOperator.GE, value);
    }

    /**
     * Builds a comparison that matches when the attribute is greater than or equal to the value, for example
     * {@code score ge 1.5}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a finite number (NaN and infinities throw {@link IllegalArgumentException})
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the number is not finite
     */
    static Filter ge(String attributePath, double value) {
        return new Comparison(attributePath, ComparisonOperator.GE, value);
    }

    /**
     * Builds a comparison that matches when the attribute is greater than or equal to the value, for example
     * {@code amount ge 10.25}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a number, stored without trailing zeros; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the exponent is beyond &plusmn;999,999,999
     */
    static Filter ge(String attributePath, BigDecimal value) {
        return new Comparison(attributePath, ComparisonOperator.GE, requireValue(value, "ge"));
    }

    /**
     * Builds a comparison that matches when the attribute is greater than or equal to the value, for example
     * {@code due ge "2026-01-01T00:00:00+02:00"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a date-time, stored and rendered as an RFC 3339 string literal with seconds always written and the offset kept; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter ge(String attributePath, OffsetDateTime value) {
        return new Comparison(attributePath, ComparisonOperator.GE, requireValue(value, "ge"));
    }

    /**
     * Builds a comparison that matches when the attribute is greater than or equal to the value, for example
     * {@code due ge "2026-01-01T00:00:00Z"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an instant, stored and rendered as an RFC 3339 string literal in UTC ({@code Z}) with seconds always written; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter ge(String attributePath, Instant value) {
        return new Comparison(attributePath, ComparisonOperator.GE, requireValue(value, "ge"));
    }

    /**
     * Builds a comparison that matches when the attribute is less than the value, for example
     * {@code displayName lt "Approve"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a string, rendered as a JSON string literal (quotes, backslashes and control characters escaped); not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the string holds an unpaired UTF-16 surrogate
     */
    static Filter lt(String attributePath, String value) {
        return new Comparison(attributePath, ComparisonOperator.LT, requireValue(value, "lt"));
    }

    /**
     * Builds a comparison that matches when the attribute is less than the value, for example
     * {@code meta.revision lt 42}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an integer
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter lt(String attributePath, long value) {
        return new Comparison(attributePath, ComparisonOperator.LT, value);
    }

    /**
     * Builds a comparison that matches when the attribute is less than the value, for example
     * {@code score lt 1.5}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a finite number (NaN and infinities throw {@link IllegalArgumentException})
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the number is not finite
     */
    static Filter lt(String attributePath, double value) {
        return new Comparison(attributePath, ComparisonOperator.LT, value);
    }

    /**
     * Builds a comparison that matches when the attribute is less than the value, for example
     * {@code amount lt 10.25}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a number, stored without trailing zeros; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the exponent is beyond &plusmn;999,999,999
     */
    static Filter lt(String attributePath, BigDecimal value) {
        return new Comparison(attributePath, ComparisonOperator.LT, requireValue(value, "lt"));
    }

    /**
     * Builds a comparison that matches when the attribute is less than the value, for example
     * {@code due lt "2026-01-01T00:00:00+02:00"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a date-time, stored and rendered as an RFC 3339 string literal with seconds always written and the offset kept; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter lt(String attributePath, OffsetDateTime value) {
        return new Comparison(attributePath, ComparisonOperator.LT, requireValue(value, "lt"));
    }

    /**
     * Builds a comparison that matches when the attribute is less than the value, for example
     * {@code due lt "2026-01-01T00:00:00Z"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an instant, stored and rendered as an RFC 3339 string literal in UTC ({@code Z}) with seconds always written; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter lt(String attributePath, Instant value) {
        return new Comparison(attributePath, ComparisonOperator.LT, requireValue(value, "lt"));
    }

    /**
     * Builds a comparison that matches when the attribute is less than or equal to the value, for example
     * {@code displayName le "Approve"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a string, rendered as a JSON string literal (quotes, backslashes and control characters escaped); not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the string holds an unpaired UTF-16 surrogate
     */
    static Filter le(String attributePath, String value) {
        return new Comparison(attributePath, ComparisonOperator.LE, requireValue(value, "le"));
    }

    /**
     * Builds a comparison that matches when the attribute is less than or equal to the value, for example
     * {@code meta.revision le 42}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an integer
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter le(String attributePath, long value) {
        return new Comparison(attributePath, ComparisonOperator.LE, value);
    }

    /**
     * Builds a comparison that matches when the attribute is less than or equal to the value, for example
     * {@code score le 1.5}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a finite number (NaN and infinities throw {@link IllegalArgumentException})
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the number is not finite
     */
    static Filter le(String attributePath, double value) {
        return new Comparison(attributePath, ComparisonOperator.LE, value);
    }

    /**
     * Builds a comparison that matches when the attribute is less than or equal to the value, for example
     * {@code amount le 10.25}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a number, stored without trailing zeros; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid or the exponent is beyond &plusmn;999,999,999
     */
    static Filter le(String attributePath, BigDecimal value) {
        return new Comparison(attributePath, ComparisonOperator.LE, requireValue(value, "le"));
    }

    /**
     * Builds a comparison that matches when the attribute is less than or equal to the value, for example
     * {@code due le "2026-01-01T00:00:00+02:00"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value a date-time, stored and rendered as an RFC 3339 string literal with seconds always written and the offset kept; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter le(String attributePath, OffsetDateTime value) {
        return new Comparison(attributePath, ComparisonOperator.LE, requireValue(value, "le"));
    }

    /**
     * Builds a comparison that matches when the attribute is less than or equal to the value, for example
     * {@code due le "2026-01-01T00:00:00Z"}.
     *
     * @param attributePath the attribute path, validated (see {@link Filter})
     * @param value an instant, stored and rendered as an RFC 3339 string literal in UTC ({@code Z}) with seconds always written; not null
     * @return the filter
     * @throws IllegalArgumentException if the attribute path is not valid
     */
    static Filter le(String attributePath, Instant value) {
        return new Comparison(attributePath, ComparisonOperator.LE, requireValue(value, "le"));
    }

    private static <T> T requireValue(T value, String operator) {
        if (value == null) {
            throw new NullPointerException("filter value must not be null; use Filter.eqNull(attr)"
                    + " or Filter.neNull(attr) to compare with null (operator " + operator + ")");
        }
        return value;
    }

    private static List<Filter> operands(boolean and, Filter first, Filter second, Filter... more) {
        Objects.requireNonNull(more, "filters must not be null");
        Operands all = Operands.startingWith(first, and).plus(second);
        for (Filter f : more) {
            all = all.plus(f);
        }
        return all;
    }

    // ---------------------------------------------------------------- the nodes

    /**
     * An attribute expression {@code attributePath operator value}, for example
     * {@code meta.revision ge 3}. The value is canonical: a {@link String}, a {@link BigDecimal}
     * without trailing zeros, a {@link Boolean} or {@code null}; the constructor also accepts other
     * {@link Number}s, {@link OffsetDateTime} and {@link Instant} and converts them. Unlike the
     * factories, it takes any operator with any value, as the parser does (RFC 7644's grammar
     * allows {@code approved gt true}). Immutable.
     *
     * @param attributePath the attribute path, validated
     * @param operator the comparison operator
     * @param value the canonical value
     */
    record Comparison(String attributePath, ComparisonOperator operator, @Nullable Object value) implements Filter {
        /**
         * Validates and canonicalises.
         *
         * @param attributePath the attribute path
         * @param operator the comparison operator
         * @param value the value: String, Number, Boolean, OffsetDateTime, Instant, ExpandableValue or null
         * @throws IllegalArgumentException on an invalid path, a non-finite number, a string with an
         *     unpaired surrogate or an unsupported value type
         */
        public Comparison {
            FilterValues.requireAttributePath(attributePath);
            Objects.requireNonNull(operator, "operator must not be null");
            value = FilterValues.canonicalValue(value);
        }

        /** Renders the filter, see {@link Filter#toString()}. */
        @Override
        public String toString() {
            return FilterRenderer.render(this);
        }
    }

    /**
     * An attribute presence test {@code attributePath pr}. Immutable.
     *
     * @param attributePath the attribute path, validated
     */
    record Present(String attributePath) implements Filter {
        /**
         * Validates.
         *
         * @param attributePath the attribute path
         * @throws IllegalArgumentException on an invalid path
         */
        public Present {
            FilterValues.requireAttributePath(attributePath);
        }

        /** Renders the filter, see {@link Filter#toString()}. */
        @Override
        public String toString() {
            return FilterRenderer.render(this);
        }
    }

    /**
     * A conjunction of two or more filters. Nested {@code And}s are flattened into this one, so
     * {@code filters()} never contains an {@code And}. Immutable.
     *
     * @param filters the operands, in order (an unmodifiable list of at least two)
     */
    record And(List<Filter> filters) implements Filter {
        /**
         * Flattens and validates.
         *
         * @param filters the operands
         * @throws IllegalArgumentException if fewer than two operands remain or the result would
         *     nest more than 64 levels deep
         */
        public And {
            filters = Operands.flatten(filters, true);
        }

        /** Renders the filter, see {@link Filter#toString()}. */
        @Override
        public String toString() {
            return FilterRenderer.render(this);
        }
    }

    /**
     * A disjunction of two or more filters. Nested {@code Or}s are flattened into this one, so
     * {@code filters()} never contains an {@code Or}. Immutable.
     *
     * @param filters the operands, in order (an unmodifiable list of at least two)
     */
    record Or(List<Filter> filters) implements Filter {
        /**
         * Flattens and validates.
         *
         * @param filters the operands
         * @throws IllegalArgumentException if fewer than two operands remain or the result would
         *     nest more than 64 levels deep
         */
        public Or {
            filters = Operands.flatten(filters, false);
        }

        /** Renders the filter, see {@link Filter#toString()}. */
        @Override
        public String toString() {
            return FilterRenderer.render(this);
        }
    }

    /**
     * A negation, rendered {@code not (filter)}. Immutable.
     *
     * @param filter the negated filter
     */
    record Not(Filter filter) implements Filter {
        /**
         * Validates.
         *
         * @param filter the negated filter
         * @throws IllegalArgumentException if the result would nest more than 64 levels deep
         */
        public Not {
            Objects.requireNonNull(filter, "filter must not be null");
            FilterValues.checkDepth(1 + FilterValues.depth(filter));
        }

        /** Renders the filter, see {@link Filter#toString()}. */
        @Override
        public String toString() {
            return FilterRenderer.render(this);
        }
    }

    /**
     * A value path {@code attributePath[filter]}: some value of a multi-valued attribute satisfies
     * the inner filter. Immutable.
     *
     * @param attributePath the multi-valued attribute, validated
     * @param filter the filter applied to each value; contains no value path
     */
    record ValuePath(String attributePath, Filter filter) implements Filter {
        /**
         * Validates.
         *
         * @param attributePath the multi-valued attribute
         * @param filter the filter for one value
         * @throws IllegalArgumentException on an invalid path, a nested value path, or nesting
         *     more than 64 levels deep
         */
        public ValuePath {
            FilterValues.requireAttributePath(attributePath);
            Objects.requireNonNull(filter, "filter must not be null");
            if (FilterValues.containsValuePath(filter)) {
                throw new IllegalArgumentException("a value path must not contain another value path (RFC 7644): "
                        + attributePath + "[" + filter + "]");
            }
            FilterValues.checkDepth(1 + FilterValues.depth(filter));
        }

        /** Renders the filter, see {@link Filter#toString()}. */
        @Override
        public String toString() {
            return FilterRenderer.render(this);
        }
    }
}
