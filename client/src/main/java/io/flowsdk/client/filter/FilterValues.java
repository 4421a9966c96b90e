package io.flowsdk.client.filter;

import io.flowsdk.client.ExpandableValue;
import io.flowsdk.client.internal.AttributeNames;
import io.flowsdk.client.internal.Rfc3339;
import org.jspecify.annotations.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Package-private helpers: canonical values, attribute-path validation and literal rendering. */
final class FilterValues {

    /** Maximum nesting depth of and/or/not/value-path nodes, and of groups in the parser. */
    static final int MAX_DEPTH = 64;

    /** The grammar, as error messages show it. */
    static final String ATTRIBUTE_PATH_GRAMMAR = "expected [urn \":\"] ATTRNAME [\".\" ATTRNAME],"
            + " ATTRNAME = ALPHA *(ALPHA / DIGIT / \"-\" / \"_\"), for example userName, meta.lastModified or"
            + " urn:ietf:params:scim:schemas:core:2.0:User:name.givenName";

    private FilterValues() {
    }

    /**
     * Returns the path if it is a valid attribute path ({@link AttributeNames}, the grammar
     * {@code sortBy} and {@code attributes} use too), otherwise throws IAE naming it.
     */
    static String requireAttributePath(String path) {
        if (path == null) {
            throw new NullPointerException("attribute path must not be null");
        }
        if (!AttributeNames.isValid(path)) {
            throw new IllegalArgumentException("invalid attribute name " + quoteForMessage(path) + " ("
                    + AttributeNames.problem(path) + "; " + ATTRIBUTE_PATH_GRAMMAR + ")");
        }
        return path;
    }

    /**
     * Normalises a comparison value to its canonical form: String, BigDecimal (trailing zeros
     * stripped), Boolean or null. Accepts other numbers, OffsetDateTime, Instant and ExpandableValue
     * for convenience.
     */
    static @Nullable Object canonicalValue(@Nullable Object value) {
        if (value instanceof String) {
            return requireValidUnicode((String) value);
        }
        if (value instanceof ExpandableValue) {
            return requireValidUnicode(((ExpandableValue) value).value());
        }
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof BigDecimal) {
            return canonicalNumber((BigDecimal) value);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return canonicalNumber(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return canonicalNumber(finite(d));
        }
        if (value instanceof java.math.BigInteger) {
            return canonicalNumber(new BigDecimal((java.math.BigInteger) value));
        }
        if (value instanceof OffsetDateTime) {
            return formatDateTime((OffsetDateTime) value);
        }
        if (value instanceof Instant) {
            return formatDateTime(((Instant) value).atOffset(ZoneOffset.UTC));
        }
        throw new IllegalArgumentException("unsupported filter value type " + value.getClass().getName()
                + " (expected String, Number, Boolean, OffsetDateTime, Instant, ExpandableValue or null)");
    }

    /**
     * Refuses a string with an unpaired UTF-16 surrogate: it is not valid Unicode, and encoded as
     * UTF-8 on the wire it would turn into '?', so the server would see another filter.
     */
    static String requireValidUnicode(String value) {
        int index = unpairedSurrogateIndex(value);
        if (index >= 0) {
            throw new IllegalArgumentException("filter value contains an " + describeSurrogate(value.charAt(index))
                    + " at index " + index
                    + " (not valid Unicode, so it cannot be sent)");
        }
        return value;
    }

    /** The index of the first unpaired surrogate, or -1 if every surrogate is half of a pair. */
    static int unpairedSurrogateIndex(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    static String describeSurrogate(char c) {
        return String.format(java.util.Locale.ROOT, "unpaired UTF-16 surrogate U+%04X", (int) c);
    }

    static BigDecimal finite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("filter number must be finite, got " + d);
        }
        return BigDecimal.valueOf(d);
    }

    /** Largest scale and decimal exponent a filter number may have (keeps every rendering parseable). */
    static final int MAX_EXPONENT = 999_999_999;

    /**
     * The canonical form of a number: zero is {@code 0}, anything else has its trailing zeros
     * stripped, so values equal by {@code compareTo} are equal by {@code equals}. Numbers whose
     * scale or exponent exceeds {@link #MAX_EXPONENT} are refused: their rendering would not parse.
     */
    static BigDecimal canonicalNumber(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped;
        try {
            stripped = value.stripTrailingZeros();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("number out of range: " + value, e);
        }
        long exponent = (long) stripped.precision() - 1 - stripped.scale();
        if (Math.abs((long) stripped.scale()) > MAX_EXPONENT || Math.abs(exponent) > MAX_EXPONENT) {
            throw new IllegalArgumentException("number out of range (exponent beyond +/-" + MAX_EXPONENT + "): "
                    + stripped);
        }
        return stripped;
    }

    static String formatDateTime(OffsetDateTime value) {
        return Rfc3339.format(value);
    }

    /** Appends a literal (string, number, boolean or null) in its canonical wire form. */
    static void appendLiteral(StringBuilder sb, @Nullable Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String) {
            appendQuoted(sb, (String) value);
        } else if (value instanceof BigDecimal) {
            sb.append(renderNumber((BigDecimal) value));
        } else {
            sb.append(value); // Boolean
        }
    }

    /**
     * Renders a canonical number: plain notation when that is reasonably short (so 1000 is
     * {@code 1000}, not {@code 1E+3}), scientific notation for very large or very small exponents.
     * Both forms parse back to an equal canonical BigDecimal.
     */
    static String renderNumber(BigDecimal value) {
        int precision = value.precision();
        int scale = value.scale();
        long plainLength;
        if (scale <= 0) {
            plainLength = (long) precision - scale;
        } else if (scale < precision) {
            plainLength = precision + 1L;
        } else {
            plainLength = scale + 2L;
        }
        return plainLength <= 40 ? value.toPlainString() : value.toString();
    }

    /** Appends a JSON string literal: quotes, backslashes and control characters escaped. */
    static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                appendUnicodeEscape(sb, c);
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    sb.append(c).append(s.charAt(++i));
                } else {
                    appendUnicodeEscape(sb, c); // unpaired: only in error messages (values refuse it), shown escaped
                }
            } else if (Character.isLowSurrogate(c)) {
                appendUnicodeEscape(sb, c);
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    private static void appendUnicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u");
        String hex = Integer.toHexString(c);
        for (int pad = hex.length(); pad < 4; pad++) {
            sb.append('0');
        }
        sb.append(hex);
    }

    /** Quotes a user-supplied token for an error message: escaped, and shortened when long. */
    static String quoteForMessage(String token) {
        String shown = token.length() > 60 ? token.substring(0, 60) + "..." : token;
        StringBuilder sb = new StringBuilder();
        appendQuoted(sb, shown);
        return "'" + sb.substring(1, sb.length() - 1) + "'";
    }

    /** Nesting depth: 0 for an attribute expression, one more per and/or/not/value-path level. */
    static int depth(Filter f) {
        if (f instanceof Filter.And || f instanceof Filter.Or) {
            return 1 + Operands.of(f).maxDepth();
        } else if (f instanceof Filter.Not) {
            return 1 + depth(((Filter.Not) f).filter());
        } else if (f instanceof Filter.ValuePath) {
            return 1 + depth(((Filter.ValuePath) f).filter());
        }
        return 0;
    }

    static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("filter nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
    }

    static boolean containsValuePath(Filter f) {
        if (f instanceof Filter.ValuePath) {
            return true;
        } else if (f instanceof Filter.And || f instanceof Filter.Or) {
            return Operands.of(f).containsValuePath();
        } else if (f instanceof Filter.Not) {
            return containsValuePath(((Filter.Not) f).filter());
        }
        return false;
    }
}
