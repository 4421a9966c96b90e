package io.flowsdk.client.filter;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.flowsdk.client.internal.Ids;
import io.flowsdk.client.internal.JsonValues;
import io.flowsdk.client.internal.Rfc3339;
import org.jspecify.annotations.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tests {@link Filter}s against resources held as JSON, the way a SCIM service provider does
 * (<a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2">RFC 7644 §3.4.2.2</a>).
 *
 * <pre>{@code
 * JsonObject task = JsonParser.parseString(
 *         "{\"status\":\"pending\",\"emails\":[{\"type\":\"work\",\"value\":\"a@example.com\"}]}").getAsJsonObject();
 * FilterEvaluator.standard().matches(Filter.parse("STATUS eq \"Pending\""), task);               // true
 * FilterEvaluator.standard().matches(Filter.parse("emails[type eq \"work\" and value ew \".com\"]"), task); // true
 * FilterEvaluator.withCaseExactAttributes(Set.of("status"))
 *         .matches(Filter.parse("status eq \"Pending\""), task);                                 // false
 * }</pre>
 *
 * <h2>Semantics</h2>
 * <ul>
 * <li>Attribute names are matched ignoring case. A URI prefix is followed when the resource has
 *     a member of that name (an extension schema) and otherwise ignored (the core schema), so
 *     {@code urn:ietf:params:scim:schemas:core:2.0:User:userName} finds {@code userName}.
 *     {@code a.b} navigates into objects, also through arrays of objects.</li>
 * <li>A multi-valued attribute (a JSON array) matches when any of its values matches. {@code ne}
 *     is the negation of {@code eq}: it matches when no value equals the filter value, so an
 *     absent attribute matches {@code ne "x"} (as in the UnboundID SCIM 2 SDK) and no other
 *     comparison except {@code eq null}.</li>
 * <li>{@code pr}: some value is not null and not an empty string, array or object.
 *     {@code eq null}: absent, null or an empty array; {@code ne null}: the opposite.</li>
 * <li>Strings: {@code eq ne co sw ew} ignore case, and {@code gt ge lt le} compare
 *     lexicographically ignoring case. When both the stored string and the filter string are
 *     RFC 3339 date-times, {@code eq ne gt ge lt le} compare them as instants.</li>
 * <li>Case-exact attributes ({@link #withCaseExactAttributes(Set)}) hold identifiers: their
 *     strings are compared as they are, in code point order (the order of their UTF-8 bytes),
 *     and never as date-times.</li>
 * <li>Numbers compare as {@link BigDecimal} ({@code 1} equals {@code 1.0}).</li>
 * <li>Booleans support only {@code eq} and {@code ne}; any other operator with a boolean filter
 *     value throws {@link IllegalArgumentException} (a SCIM server answers 400 invalidFilter).
 *     This is checked before evaluation, so it does not depend on the resource.</li>
 * <li>Values of different types (a string and a number, ...) never match; objects match only
 *     through their sub-attributes or a value path.</li>
 * <li>{@code attr[filter]} matches when some value of {@code attr} satisfies {@code filter},
 *     evaluated against that value; a primitive value is seen as {@code {"value": v}}, so
 *     {@code groupsIds[value eq "g1"]} works on an array of strings.</li>
 * <li>{@code not} negates; {@code and}/{@code or} short-circuit.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FilterEvaluator {

    private static final FilterEvaluator STANDARD = new FilterEvaluator(Set.of());

    private final Set<String> caseExact;

    private FilterEvaluator(Set<String> caseExact) {
        this.caseExact = caseExact;
    }

    /**
     * Returns the standard evaluator: every string comparison ignores case.
     *
     * @return the shared standard evaluator
     */
    public static FilterEvaluator standard() {
        return STANDARD;
    }

    /**
     * Returns an evaluator that compares the given attributes' strings case-exactly.
     * Names are full attribute paths (case-insensitive, URI prefix optional), for example
     * {@code "id"}, {@code "meta.location"} or {@code "emails.value"} (which also applies inside
     * {@code emails[value eq "..."]}).
     *
     * @param attributes the case-exact attribute paths
     * @return a new evaluator
     * @throws IllegalArgumentException if a name is not a valid attribute path
     */
    public static FilterEvaluator withCaseExactAttributes(Set<String> attributes) {
        Objects.requireNonNull(attributes, "attributes must not be null");
        Set<String> normalized = attributes.stream()
                .map(FilterValues::requireAttributePath)
                .map(FilterEvaluator::normalizePath)
                .collect(Collectors.toUnmodifiableSet());
        return new FilterEvaluator(normalized);
    }

    /**
     * Tests a filter against a JSON resource.
     *
     * @param filter the filter
     * @param resource the resource; {@code null} counts as JSON null
     * @return whether the resource matches
     * @throws IllegalArgumentException if the filter compares a boolean with an operator other
     *     than {@code eq} or {@code ne}
     */
    public boolean matches(Filter filter, @Nullable JsonElement resource) {
        Objects.requireNonNull(filter, "filter must not be null");
        rejectBooleanOrdering(filter); // up front, so the outcome never depends on the data
        return eval(filter, resource == null ? JsonNull.INSTANCE : resource, "");
    }

    /**
     * Tests a filter against a model object, for example a generated {@code Task}. The object is
     * turned into JSON first, as the client writes request bodies: fields by their
     * {@code @SerializedName}, date-times as RFC 3339 strings, and the entries of a
     * {@code Map additionalProperties} field moved to the top level of the object they belong to
     * (declared fields win on a clash). A {@link JsonElement} is used as it is.
     *
     * @param filter the filter
     * @param resource the model object; {@code null} counts as JSON null
     * @return whether the resource matches
     * @throws IllegalArgumentException as {@link #matches(Filter, JsonElement)}, and when the
     *     object holds a value JSON cannot hold (such as NaN, or a map that contains itself)
     */
    public boolean matches(Filter filter, @Nullable Object resource) {
        return matches(filter, toJson(resource));
    }

    /** Converts a model object to JSON as described on {@link #matches(Filter, Object)}. */
    static JsonElement toJson(@Nullable Object resource) {
        if (resource == null) {
            return JsonNull.INSTANCE;
        }
        if (resource instanceof JsonElement) {
            return (JsonElement) resource;
        }
        return JsonValues.toTree(resource, "");
    }

    // ------------------------------------------------------------ evaluation

    private boolean eval(Filter filter, JsonElement resource, String prefix) {
        if (filter instanceof Filter.And a) {
            for (Filter f : a.filters()) {
                if (!eval(f, resource, prefix)) {
                    return false;
                }
            }
            return true;
        }
        if (filter instanceof Filter.Or o) {
            for (Filter f : o.filters()) {
                if (eval(f, resource, prefix)) {
                    return true;
                }
            }
            return false;
        }
        if (filter instanceof Filter.Not n) {
            return !eval(n.filter(), resource, prefix);
        }
        if (filter instanceof Filter.Present p) {
            for (JsonElement v : resolve(resource, p.attributePath())) {
                if (isPresent(v)) {
                    return true;
                }
            }
            return false;
        }
        if (filter instanceof Filter.ValuePath vp) {
            String inner = prefix + normalizePath(vp.attributePath()) + ".";
            for (JsonElement v : resolve(resource, vp.attributePath())) {
                JsonElement element = v;
                if (v.isJsonPrimitive()) {
                    JsonObject wrapped = new JsonObject();
                    wrapped.add("value", v);
                    element = wrapped;
                }
                if (element.isJsonObject() && eval(vp.filter(), element, inner)) {
                    return true;
                }
            }
            return false;
        }
        if (filter instanceof Filter.Comparison c) {
            return compare(c, resource, prefix);
        }
        throw new IllegalStateException("unknown filter node " + filter.getClass());
    }

    private static void rejectBooleanOrdering(Filter filter) {
        if (filter instanceof Filter.Comparison c) {
            ComparisonOperator op = c.operator();
            if (c.value() instanceof Boolean && op != ComparisonOperator.EQ && op != ComparisonOperator.NE) {
                throw new IllegalArgumentException("operator '" + op.token() + "' cannot compare booleans"
                        + " (only eq and ne can): " + c);
            }
        } else if (filter instanceof Filter.And a) {
            a.filters().forEach(FilterEvaluator::rejectBooleanOrdering);
        } else if (filter instanceof Filter.Or o) {
            o.filters().forEach(FilterEvaluator::rejectBooleanOrdering);
        } else if (filter instanceof Filter.Not n) {
            rejectBooleanOrdering(n.filter());
        } else if (filter instanceof Filter.ValuePath vp) {
            rejectBooleanOrdering(vp.filter());
        }
    }

    private boolean compare(Filter.Comparison c, JsonElement resource, String prefix) {
        ComparisonOperator op = c.operator();
        Object expected = c.value();
        List<JsonElement> values = resolve(resource, c.attributePath());
        if (expected == null) {
            boolean hasValue = values.stream().anyMatch(v -> !v.isJsonNull());
            if (op == ComparisonOperator.EQ) {
                return !hasValue;
            }
            if (op == ComparisonOperator.NE) {
                return hasValue;
            }
            return false;
        }
        boolean exact = !caseExact.isEmpty() && caseExact.contains(prefix + normalizePath(c.attributePath()));
        if (op == ComparisonOperator.NE) {
            return !anyMatches(values, ComparisonOperator.EQ, expected, exact);   // as the UnboundID SCIM 2 SDK
        }
        return anyMatches(values, op, expected, exact);
    }

    private static boolean anyMatches(List<JsonElement> values, ComparisonOperator op, @Nullable Object expected,
                                      boolean exact) {
        for (JsonElement v : values) {
            if (v.isJsonPrimitive() && comparePrimitive(v.getAsJsonPrimitive(), op, expected, exact)) {
                return true;
            }
        }
        return false;
    }

    private static boolean comparePrimitive(JsonPrimitive actual, ComparisonOperator op, @Nullable Object expected,
                                            boolean exact) {
        if (expected instanceof String s) {
            if (!actual.isString()) {
                return false;
            }
            return compareStrings(actual.getAsString(), op, s, exact);
        }
        if (expected instanceof BigDecimal n) {
            if (!actual.isNumber()) {
                return false;
            }
            BigDecimal a;
            try {
                a = actual.getAsBigDecimal();
            } catch (NumberFormatException e) {
                return false;
            }
            return ordered(op, a.compareTo(n));
        }
        if (expected instanceof Boolean b) {
            if (!actual.isBoolean()) {
                return false;
            }
            boolean equal = actual.getAsBoolean() == b;
            return op == ComparisonOperator.EQ ? equal : !equal;
        }
        return false;
    }

    private static boolean compareStrings(String actual, ComparisonOperator op, String expected, boolean exact) {
        if (exact) {
            return compareExact(actual, op, expected);
        }
        if (op != ComparisonOperator.CO && op != ComparisonOperator.SW && op != ComparisonOperator.EW) {
            Instant a = parseDateTime(actual);
            Instant e = a == null ? null : parseDateTime(expected);
            if (a != null && e != null) {
                return ordered(op, a.compareTo(e));
            }
        }
        return compareText(actual.toLowerCase(Locale.ROOT), op, expected.toLowerCase(Locale.ROOT), String::compareTo);
    }

    /**
     * A case-exact attribute is an identifier: its strings are opaque, compared as they are, in
     * code point order (the order of their UTF-8 bytes, which is also how a server sorts them), and
     * never read as date-times. Keyset paging ({@code id gt "<last id>"} over a list sorted by id)
     * relies on the sort and the filter agreeing on that order.
     */
    private static boolean compareExact(String a, ComparisonOperator op, String e) {
        return compareText(a, op, e, Ids::compare);
    }

    /** {@code co}, {@code sw}, {@code ew} on the text as given; the other operators in {@code order}. */
    private static boolean compareText(String a, ComparisonOperator op, String e, Comparator<String> order) {
        switch (op) {
            case CO:
                return a.contains(e);
            case SW:
                return a.startsWith(e);
            case EW:
                return a.endsWith(e);
            default:
                return ordered(op, order.compare(a, e));
        }
    }

    /** eq ne gt ge lt le applied to a compareTo result; co/sw/ew on non-strings never match. */
    private static boolean ordered(ComparisonOperator op, int cmp) {
        switch (op) {
            case EQ:
                return cmp == 0;
            case NE:
                return cmp != 0;
            case GT:
                return cmp > 0;
            case GE:
                return cmp >= 0;
            case LT:
                return cmp < 0;
            case LE:
                return cmp <= 0;
            default:
                return false;
        }
    }

    private static Instant parseDateTime(String s) {
        OffsetDateTime t = Rfc3339.parse(s);
        return t == null ? null : t.toInstant();
    }

    private static boolean isPresent(JsonElement v) {
        if (v.isJsonNull()) {
            return false;
        }
        if (v.isJsonPrimitive()) {
            JsonPrimitive p = v.getAsJsonPrimitive();
            return !(p.isString() && p.getAsString().isEmpty());
        }
        if (v.isJsonObject()) {
            return v.getAsJsonObject().size() > 0;
        }
        return v.getAsJsonArray().size() > 0; // only nested arrays get here
    }

    // ------------------------------------------------------------ attribute resolution

    /** All values of an attribute path, arrays flattened (one entry per value, JSON nulls kept). */
    private static List<JsonElement> resolve(JsonElement resource, String attributePath) {
        JsonElement root = resource;
        String path = attributePath;
        int colon = attributePath.lastIndexOf(':');
        if (colon >= 0) {
            String uri = attributePath.substring(0, colon);
            path = attributePath.substring(colon + 1);
            if (resource.isJsonObject()) {
                JsonElement extension = member(resource.getAsJsonObject(), uri);
                if (extension != null) {
                    root = extension; // an extension schema's attributes live under its URI
                }
            }
        }
        List<JsonElement> current = new ArrayList<>();
        flattenInto(root, current);
        for (String name : path.split("\\.")) {
            List<JsonElement> next = new ArrayList<>();
            for (JsonElement e : current) {
                if (e.isJsonObject()) {
                    JsonElement child = member(e.getAsJsonObject(), name);
                    if (child != null) {
                        flattenInto(child, next);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    private static void flattenInto(JsonElement e, List<JsonElement> out) {
        if (e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                flattenInto(item, out);
            }
        } else {
            out.add(e);
        }
    }

    private static @Nullable JsonElement member(JsonObject object, String name) {
        JsonElement exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Lower-cased path without URI prefix: the key of the case-exact set. */
    private static String normalizePath(String attributePath) {
        return attributePath.substring(attributePath.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
    }
}
