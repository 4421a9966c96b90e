package io.flowsdk.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A 2xx answer whose body is not the JSON the API promises: HTML, truncated JSON, a wrong
 * content type, or JSON of the wrong shape. Keeps the status and a short snippet of the body.
 */
public class MalformedResponseException extends FlowsException {
    private static final long serialVersionUID = 1L;

    /** The most characters of the body kept by {@link #snippet()}. */
    public static final int MAX_SNIPPET_CHARS = 256;

    /** The HTTP status of the answer (2xx). */
    private final int statusCode;
    /** The HTTP method of the call. */
    private final String method;
    /** The path sent, without the query. */
    private final String path;
    /** The first {@value #MAX_SNIPPET_CHARS} characters of the body, or {@code null}. */
    private final @Nullable String snippet;

    /**
     * Creates the exception; the SDK does, tests of your own code may too.
     *
     * @param statusCode the HTTP status (2xx)
     * @param method     the HTTP method sent
     * @param path       the path sent, without the query
     * @param problem    what is wrong with the body
     * @param body       the body, cut to {@value #MAX_SNIPPET_CHARS} characters here
     * @param cause      the parse failure, or {@code null}
     */
    public MalformedResponseException(int statusCode, String method, String path, String problem,
                                      @Nullable String body, @Nullable Throwable cause) {
        super(method + " " + path + " -> " + statusCode + ": " + problem
                + (body == null ? "" : "; body starts with: " + quote(cut(body))), cause);
        this.statusCode = statusCode;
        this.method = method;
        this.path = path;
        this.snippet = cut(body);
    }

    /** {@return the HTTP status of the answer} */
    public int statusCode() {
        return statusCode;
    }

    /** {@return the HTTP method of the call} */
    public String method() {
        return method;
    }

    /** {@return the path sent, without the query} */
    public String path() {
        return path;
    }

    /** {@return the first {@value #MAX_SNIPPET_CHARS} characters of the body, or {@code null}} */
    public @Nullable String snippet() {
        return snippet;
    }

    private static @Nullable String cut(@Nullable String body) {
        if (body == null || body.length() <= MAX_SNIPPET_CHARS) {
            return body;
        }
        return body.substring(0, MAX_SNIPPET_CHARS);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
