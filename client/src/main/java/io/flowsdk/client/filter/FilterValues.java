package io.flowsdk.client.filter;

import io.flowsdk.client.internal.Rfc3339;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Package-private helpers: canonical values, attribute-path validation and literal rendering. */
final class FilterValues {

    /** Maximum nesting depth of and/or/not/value-path nodes, and of groups in the parser. */
    static final int MAX_DEPTH = 64;

    private static final String ATTRNAME = "(?:[A-Za-z][A-Za-z0-9_-]*|\\$ref)";
    private static final String URI = "[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/%@!$&'*+,;=?#-]*";
    private static final Pattern ATTR_PATH =
            Pattern.compile("(?:" + URI + ":)?" + ATTRNAME + "(?:\\." + ATTRNAME + ")?");

    private FilterValues() {
    }

    /** Returns the path if it is a valid attribute path, otherwise throws IAE naming it. */
    static String requireAttributePath(String path) {
        if (path == null) {
            throw new NullPointerException("attribute path must not be null");
        }
        if (!isValidAttributePath(path)) {
            throw new IllegalArgumentException("invalid attribute name " + quoteForMessage(path)
                    + " (RFC 7644: [URI \":\"] ATTRNAME [\".\" ATTRNAME], ATTRNAME = ALPHA *(ALPHA / DIGIT / \"-\" / \"_\"))");
        }
        return path;
    }

    static boolean isValidAttributePath(String path) {
        return path.length() <= 1024 && ATTR_PATH.matcher(path).matches();
    }

    /**
     * Normalises a comparison value to its canonical form: String, BigDecimal (trailing zeros
     * stripped), Boolean or null. Accepts other numbers and OffsetDateTime for convenience.
     */
    static Object canonicalValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
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
        throw new IllegalArgumentException("unsupported filter value type " + value.getClass().getName()
                + " (expected String, BigDecimal, Boolean or null)");
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
    static void appendLiteral(StringBuilder sb, Object value) {
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
                    appendUnicodeEscape(sb, c); // lone surrogate: keep it, but only as an escape
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

    /** Copies, flattens same-kind children and checks size and depth, for And ({@code and}) / Or. */
    static List<Filter> flatten(List<Filter> filters, boolean and) {
        Objects.requireNonNull(filters, "filters must not be null");
        List<Filter> flat = new ArrayList<>(filters.size() + 4);
        int depth = 0;
        for (Filter f : filters) {
            Objects.requireNonNull(f, "filter must not be null");
            if (and && f instanceof Filter.And) {
                flat.addAll(((Filter.And) f).filters());
                depth = Math.max(depth, depth(f) - 1);
            } else if (!and && f instanceof Filter.Or) {
                flat.addAll(((Filter.Or) f).filters());
                depth = Math.max(depth, depth(f) - 1);
            } else {
                flat.add(f);
                depth = Math.max(depth, depth(f));
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException((and ? "and" : "or") + " needs at least two filters, got " + flat.size());
        }
        checkDepth(1 + depth);
        return List.copyOf(flat);
    }

    /** Nesting depth: 0 for an attribute expression, one more per and/or/not/value-path level. */
    static int depth(Filter f) {
        if (f instanceof Filter.And) {
            return 1 + maxDepth(((Filter.And) f).filters());
        } else if (f instanceof Filter.Or) {
            return 1 + maxDepth(((Filter.Or) f).filters());
        } else if (f instanceof Filter.Not) {
            return 1 + depth(((Filter.Not) f).filter());
        } else if (f instanceof Filter.ValuePath) {
            return 1 + depth(((Filter.ValuePath) f).filter());
        }
        return 0;
    }

    private static int maxDepth(List<Filter> filters) {
        int max = 0;
        for (Filter f : filters) {
            max = Math.max(max, depth(f));
        }
        return max;
    }

    static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("filter nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
    }

    static boolean containsValuePath(Filter f) {
        if (f instanceof Filter.ValuePath) {
            return true;
        } else if (f instanceof Filter.And) {
            return ((Filter.And) f).filters().stream().anyMatch(FilterValues::containsValuePath);
        } else if (f instanceof Filter.Or) {
            return ((Filter.Or) f).filters().stream().anyMatch(FilterValues::containsValuePath);
        } else if (f instanceof Filter.Not) {
            return containsValuePath(((Filter.Not) f).filter());
        }
        return false;
    }
}
