package io.flowsdk.client.filter;

import io.flowsdk.client.internal.AttributeNames;
import org.jspecify.annotations.Nullable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Package-private recursive-descent parser for RFC 7644 §3.4.2.2 filters:
 *
 * <pre>
 * or      = and *("or" and)
 * and     = unary *("and" unary)
 * unary   = "(" or ")" / "not" "(" or ")" / attrPath "[" or "]" / attrPath "pr" / attrPath compareOp value
 * </pre>
 *
 * One instance per call (the cursor is its only state). Group nesting is capped at
 * {@link FilterValues#MAX_DEPTH}, so no input can overflow the stack.
 */
final class FilterParser {

    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    private final String in;
    private int pos;

    private FilterParser(String in) {
        this.in = in;
    }

    static Filter parse(String filter) {
        Objects.requireNonNull(filter, "filter must not be null");
        int unpaired = FilterValues.unpairedSurrogateIndex(filter);
        if (unpaired >= 0) {
            throw new FilterParseException(FilterValues.describeSurrogate(filter.charAt(unpaired))
                    + " (not valid Unicode, so it cannot be sent)", unpaired);
        }
        FilterParser p = new FilterParser(filter);
        p.skipWs();
        if (p.atEnd()) {
            throw new FilterParseException(filter.isEmpty() ? "empty filter" : "blank filter", p.pos);
        }
        Filter result = p.parseOr(0, false);
        p.skipWs();
        if (!p.atEnd()) {
            char c = p.in.charAt(p.pos);
            if (c == ')' || c == ']') {
                throw new FilterParseException("unbalanced '" + c + "' (nothing to close)", p.pos);
            }
            throw new FilterParseException("expected 'and', 'or' or end of filter but found " + p.describeNext(), p.pos);
        }
        return result;
    }

    // ------------------------------------------------------------ grammar

    private Filter parseOr(int depth, boolean inValuePath) {
        int start = skipWsAndMark();
        Filter first = parseAnd(depth, inValuePath);
        List<Filter> operands = null;
        while (acceptKeyword("or")) {
            if (operands == null) {
                operands = new ArrayList<>();
                operands.add(first);
            }
            operands.add(parseAnd(depth, inValuePath));
        }
        if (operands == null) {
            return first;
        }
        List<Filter> all = operands;
        return build(() -> new Filter.Or(all), start);
    }

    private Filter parseAnd(int depth, boolean inValuePath) {
        int start = skipWsAndMark();
        Filter first = parseUnary(depth, inValuePath);
        List<Filter> operands = null;
        while (acceptKeyword("and")) {
            if (operands == null) {
                operands = new ArrayList<>();
                operands.add(first);
            }
            operands.add(parseUnary(depth, inValuePath));
        }
        if (operands == null) {
            return first;
        }
        List<Filter> all = operands;
        return build(() -> new Filter.And(all), start);
    }

    private Filter parseUnary(int depth, boolean inValuePath) {
        skipWs();
        int start = pos;
        if (atEnd()) {
            throw new FilterParseException("expected attribute path, '(' or 'not' but found end of filter", pos);
        }
        if (in.charAt(pos) == '(') {
            return parseGroup(depth, inValuePath);
        }
        String word = readWord();
        if (word.isEmpty()) {
            throw new FilterParseException("expected attribute path, '(' or 'not' but found " + describeNext(), start);
        }
        if (word.equalsIgnoreCase("not")) {
            int afterWord = pos;
            skipWs();
            if (!atEnd() && in.charAt(pos) == '(') {
                Filter inner = parseGroup(depth, inValuePath);
                return build(() -> new Filter.Not(inner), start);
            }
            // "not" is also a valid attribute name: accept it as one only if an operator or '[' follows
            String next = peekWord();
            boolean operatorFollows = next.equalsIgnoreCase("pr") || ComparisonOperator.fromToken(next).isPresent();
            boolean bracketFollows = !atEnd() && in.charAt(pos) == '[';
            if (!operatorFollows && !bracketFollows) {
                throw new FilterParseException("expected '(' after 'not' but found " + describeNext(), pos);
            }
            pos = afterWord;
        }
        if (!AttributeNames.isValid(word)) {
            throw new FilterParseException("invalid attribute path " + FilterValues.quoteForMessage(word)
                    + " (" + AttributeNames.problem(word) + "; " + FilterValues.ATTRIBUTE_PATH_GRAMMAR + ")", start);
        }
        skipWs();
        if (!atEnd() && in.charAt(pos) == '[') {
            int open = pos;
            if (inValuePath) {
                throw new FilterParseException("a value path must not contain another value path (RFC 7644)", open);
            }
            enter(depth, open);
            pos++;
            Filter inner = parseOr(depth + 1, true);
            expectClose('[', ']', open);
            return build(() -> new Filter.ValuePath(word, inner), start);
        }
        int opPos = pos;
        String op = readWord();
        if (op.isEmpty()) {
            throw new FilterParseException("expected operator after attribute " + FilterValues.quoteForMessage(word)
                    + " but found " + describeNext(), opPos);
        }
        if (op.equalsIgnoreCase("pr")) {
            return new Filter.Present(word);
        }
        Optional<ComparisonOperator> operator = ComparisonOperator.fromToken(op);
        if (operator.isEmpty()) {
            throw new FilterParseException("unknown operator " + FilterValues.quoteForMessage(op) + " after attribute "
                    + FilterValues.quoteForMessage(word) + " (expected eq, ne, co, sw, ew, gt, ge, lt, le or pr)", opPos);
        }
        Object value = parseValue(operator.get());
        return new Filter.Comparison(word, operator.get(), value);
    }

    private Filter parseGroup(int depth, boolean inValuePath) {
        int open = pos;
        enter(depth, open);
        pos++;
        Filter inner = parseOr(depth + 1, inValuePath);
        expectClose('(', ')', open);
        return inner;
    }

    private @Nullable Object parseValue(ComparisonOperator operator) {
        skipWs();
        int start = pos;
        if (atEnd()) {
            throw new FilterParseException("expected value after operator '" + operator.token() + "' but found end of filter", pos);
        }
        if (in.charAt(pos) == '"') {
            return parseString();
        }
        String word = readWord();
        if (word.isEmpty()) {
            throw new FilterParseException("expected value after operator '" + operator.token() + "' but found "
                    + describeNext(), start);
        }
        switch (word.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                break;
        }
        if (!NUMBER.matcher(word).matches()) {
            throw new FilterParseException("invalid value " + FilterValues.quoteForMessage(word)
                    + " (expected a string in double quotes, a number, true, false or null)", start);
        }
        try {
            return FilterValues.canonicalNumber(new BigDecimal(word));
        } catch (IllegalArgumentException | ArithmeticException e) { // NumberFormatException included
            throw new FilterParseException("number out of range " + FilterValues.quoteForMessage(word), start);
        }
    }

    private String parseString() {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        // raw surrogates are paired (checked up front); an escaped one must be too: where its pair began
        int highAt = -1;
        while (true) {
            if (atEnd()) {
                throw new FilterParseException("unterminated string starting", start);
            }
            int at = pos;
            char c = in.charAt(pos);
            if (c == '"') {
                if (highAt >= 0) {
                    throw unpairedSurrogate(sb.charAt(sb.length() - 1), highAt);
                }
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw new FilterParseException(String.format(Locale.ROOT,
                        "control character U+%04X must be escaped in a string", (int) c), pos);
            }
            char decoded;
            if (c != '\\') {
                decoded = c;
                pos++;
            } else {
                decoded = readEscape(start);
            }
            if (highAt >= 0 && !Character.isLowSurrogate(decoded)) {
                throw unpairedSurrogate(sb.charAt(sb.length() - 1), highAt);
            }
            if (highAt < 0 && Character.isLowSurrogate(decoded)) {
                throw unpairedSurrogate(decoded, at);
            }
            highAt = Character.isHighSurrogate(decoded) ? at : -1;
            sb.append(decoded);
        }
    }

    /** Reads the escape at {@code pos} (a backslash) inside the string starting at {@code start}. */
    private char readEscape(int start) {
        int escape = pos;
        pos++;
        if (atEnd()) {
            throw new FilterParseException("unterminated string starting", start);
        }
        char e = in.charAt(pos++);
        switch (e) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': return readHex4(escape);
            default:
                throw new FilterParseException("invalid escape " + FilterValues.quoteForMessage("\\" + e)
                        + " in string (expected \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)", escape);
        }
    }

    private static FilterParseException unpairedSurrogate(char c, int position) {
        return new FilterParseException(FilterValues.describeSurrogate(c) + " (not valid Unicode, so it cannot be sent)",
                position);
    }

    private char readHex4(int escape) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = atEnd() ? -1 : Character.digit(in.charAt(pos), 16);
            if (digit < 0 || in.charAt(pos) > 'f') {
                throw new FilterParseException("invalid unicode escape (expected \\u and four hex digits)", escape);
            }
            value = value * 16 + digit;
            pos++;
        }
        return (char) value;
    }

    // ------------------------------------------------------------ lexing helpers

    private boolean acceptKeyword(String keyword) {
        int save = pos;
        skipWs();
        String word = peekWord();
        if (word.equalsIgnoreCase(keyword)) {
            pos += word.length();
            return true;
        }
        pos = save;
        return false;
    }

    private void expectClose(char open, char close, int openPos) {
        skipWs();
        if (!atEnd() && in.charAt(pos) == close) {
            pos++;
            return;
        }
        throw new FilterParseException("expected 'and', 'or' or '" + close + "' to close the '" + open
                + "' at position " + openPos + " but found " + describeNext(), pos);
    }

    private void enter(int depth, int position) {
        if (depth + 1 > FilterValues.MAX_DEPTH) {
            throw new FilterParseException("filter nested too deeply (more than " + FilterValues.MAX_DEPTH
                    + " levels of parentheses or brackets)", position);
        }
    }

    private Filter build(Supplier<Filter> node, int position) {
        try {
            return node.get();
        } catch (IllegalArgumentException e) {
            throw new FilterParseException(e.getMessage(), position);
        }
    }

    private int skipWsAndMark() {
        skipWs();
        return pos;
    }

    private void skipWs() {
        while (!atEnd() && isWhitespace(in.charAt(pos))) {
            pos++;
        }
    }

    private String readWord() {
        int start = pos;
        while (!atEnd() && !isDelimiter(in.charAt(pos))) {
            pos++;
        }
        return in.substring(start, pos);
    }

    private String peekWord() {
        int save = pos;
        String word = readWord();
        pos = save;
        return word;
    }

    private String describeNext() {
        if (atEnd()) {
            return "end of filter";
        }
        char c = in.charAt(pos);
        if (isDelimiter(c)) {
            return c == '"' ? "a string" : "'" + c + "'";
        }
        return FilterValues.quoteForMessage(peekWord());
    }

    private boolean atEnd() {
        return pos >= in.length();
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDelimiter(char c) {
        return isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"';
    }
}
