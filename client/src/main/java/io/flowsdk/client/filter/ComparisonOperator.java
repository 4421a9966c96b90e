package io.flowsdk.client.filter;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;

/**
 * The comparison operators of a SCIM filter attribute expression
 * (<a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2">RFC 7644 §3.4.2.2</a>),
 * each carrying its wire token.
 *
 * <p>The presence operator {@code pr} has no value and is modelled by {@link Filter.Present}
 * instead. Example: {@code ComparisonOperator.SW.token()} is {@code "sw"}, and
 * {@code ComparisonOperator.fromToken("SW")} is {@code Optional[SW]}.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ComparisonOperator {
    /** {@code eq}: equal. */
    EQ("eq"),
    /** {@code ne}: not equal. */
    NE("ne"),
    /** {@code co}: contains (strings). */
    CO("co"),
    /** {@code sw}: starts with (strings). */
    SW("sw"),
    /** {@code ew}: ends with (strings). */
    EW("ew"),
    /** {@code gt}: greater than. */
    GT("gt"),
    /** {@code ge}: greater than or equal. */
    GE("ge"),
    /** {@code lt}: less than. */
    LT("lt"),
    /** {@code le}: less than or equal. */
    LE("le");

    private final String token;

    ComparisonOperator(String token) {
        this.token = token;
    }

    /**
     * Returns the operator's token as written in a filter.
     *
     * @return the lower-case wire token, for example {@code "eq"}
     */
    public String token() {
        return token;
    }

    /**
     * Looks an operator up by its token, ignoring case (RFC 7644: operators are case-insensitive).
     *
     * @param token a token such as {@code "eq"} or {@code "GE"}; may be {@code null}
     * @return the operator, or empty if the token is not a comparison operator ({@code "pr"} is not)
     */
    public static Optional<ComparisonOperator> fromToken(@Nullable String token) {
        if (token == null || token.length() != 2) {
            return Optional.empty();
        }
        String lower = token.toLowerCase(Locale.ROOT);
        for (ComparisonOperator op : values()) {
            if (op.token.equals(lower)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** Returns the wire token, for example {@code "eq"}. */
    @Override
    public String toString() {
        return token;
    }
}
