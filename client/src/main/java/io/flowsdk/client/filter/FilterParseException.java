package io.flowsdk.client.filter;

/**
 * Thrown by {@link Filter#parse(String)} when a string is not a valid SCIM filter
 * (<a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2">RFC 7644 §3.4.2.2</a>).
 *
 * <p>The message names the problem and where it happened, for example
 * {@code expected operator after attribute 'status' at position 7}. Positions are 0-based
 * character indexes into the parsed string; the end of the input is position {@code length()}.
 *
 * <p>Unchecked, as all exceptions of this SDK. Instances are immutable.
 */
public class FilterParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The 0-based character index where the problem was found. */
    private final int position;

    /**
     * Creates an exception.
     *
     * @param reason a readable reason, without the position (it is appended)
     * @param position the 0-based character index where the problem was found
     */
    public FilterParseException(String reason, int position) {
        super(reason + " at position " + position);
        this.position = position;
    }

    /**
     * Returns where the problem was found.
     *
     * @return the 0-based character index into the filter string
     */
    public int position() {
        return position;
    }
}
