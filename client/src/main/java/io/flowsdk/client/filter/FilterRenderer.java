package io.flowsdk.client.filter;

import java.util.List;

/**
 * Package-private canonical renderer: appends into one StringBuilder, parenthesises only an
 * {@code or} inside an {@code and} (the only place precedence needs it) and always writes
 * {@code not (...)}.
 */
final class FilterRenderer {

    private FilterRenderer() {
    }

    static String render(Filter filter) {
        StringBuilder sb = new StringBuilder(64);
        append(sb, filter);
        return sb.toString();
    }

    static void append(StringBuilder sb, Filter filter) {
        if (filter instanceof Filter.Comparison c) {
            sb.append(c.attributePath()).append(' ').append(c.operator().token()).append(' ');
            FilterValues.appendLiteral(sb, c.value());
        } else if (filter instanceof Filter.Present p) {
            sb.append(p.attributePath()).append(" pr");
        } else if (filter instanceof Filter.And a) {
            appendJoined(sb, a.filters(), " and ", true);
        } else if (filter instanceof Filter.Or o) {
            appendJoined(sb, o.filters(), " or ", false);
        } else if (filter instanceof Filter.Not n) {
            sb.append("not (");
            append(sb, n.filter());
            sb.append(')');
        } else if (filter instanceof Filter.ValuePath v) {
            sb.append(v.attributePath()).append('[');
            append(sb, v.filter());
            sb.append(']');
        } else {
            throw new IllegalStateException("unknown filter node " + filter.getClass());
        }
    }

    private static void appendJoined(StringBuilder sb, List<Filter> filters, String keyword, boolean insideAnd) {
        for (int i = 0; i < filters.size(); i++) {
            if (i > 0) {
                sb.append(keyword);
            }
            Filter child = filters.get(i);
            boolean parens = insideAnd && child instanceof Filter.Or;
            if (parens) {
                sb.append('(');
            }
            append(sb, child);
            if (parens) {
                sb.append(')');
            }
        }
    }
}
