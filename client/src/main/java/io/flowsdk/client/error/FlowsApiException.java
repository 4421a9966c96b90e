package io.flowsdk.client.error;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The server answered with a non-2xx status. Carries the status, the parsed error body and
 * where the call went.
 *
 * <p>The API's error body is {@code {"code": 400, "message": "...", "status": "Bad Request"}};
 * {@code code} arrives as a number from some servers and as a string from others, and is kept
 * here as the text that was sent. Bodies of any other shape (a gateway's
 * {@code application/problem+json}, plain text, HTML) are read without failing: the fields
 * that can be found are filled, the others are {@code null}, and {@link #responseBody()} keeps
 * the first 2048 characters.
 *
 * <p>The message reads like {@code GET /api/v1/flows/tasks/t-1 -> 404 Not Found: no such task
 * (code E_NO_TASK, request id 7f3a...)}; the status text is not repeated when the body's message
 * starts with it. The response headers are kept ({@link #responseHeaders()}), and the request id
 * the server assigned, when it sent one in one of {@link #REQUEST_ID_HEADERS}
 * ({@link #requestId()}): quote it when you ask the platform's support about a failed call.
 *
 * <p>A redirect ({@code 3xx}) the SDK did not follow is reported here too, with its target in the
 * message: the SDK never turns a POST into a GET nor re-sends it elsewhere.
 */
public class FlowsApiException extends FlowsException {
    private static final long serialVersionUID = 1L;

    /** The most characters of a response body kept by {@link #responseBody()}. */
    public static final int MAX_BODY_CHARS = 2048;

    /** The HTTP status code of the answer. */
    private final int statusCode;
    /** The HTTP method of the failed call. */
    private final String method;
    /** The path sent, percent-encoded and without the query. */
    private final String path;
    /** The error body's {@code code} as sent, or {@code null}. */
    private final @Nullable String errorCode;
    /** The error body's {@code message}, or {@code null}. */
    private final @Nullable String errorMessage;
    /** The error body's {@code status}, or {@code null}. */
    private final @Nullable String errorStatus;
    /** The first {@value #MAX_BODY_CHARS} characters of the response body, or {@code null}. */
    private final @Nullable String responseBody;
    /** The response headers, names in lower case; empty when not known. */
    private final TreeMap<String, List<String>> responseHeaders;

    /**
     * The headers, in this order, whose first value is taken as the request id the server
     * assigned: {@code X-Request-Id}, {@code X-Correlation-Id}, {@code Request-Id},
     * {@code X-Amzn-RequestId}, {@code X-Trace-Id}.
     */
    public static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "x-correlation-id", "request-id",
            "x-amzn-requestid", "x-trace-id");

    /**
     * Creates the exception; the SDK does, tests of your own code may too.
     *
     * @param statusCode   the HTTP status
     * @param method       the HTTP method sent
     * @param path         the path sent, without the query
     * @param errorCode    the error body's {@code code}, as sent, or {@code null}
     * @param errorMessage the error body's {@code message}, or {@code null}
     * @param errorStatus  the error body's {@code status}, or {@code null}
     * @param responseBody the response body (cut to {@value #MAX_BODY_CHARS} characters), or {@code null}
     */
    public FlowsApiException(int statusCode, String method, String path, @Nullable String errorCode,
                             @Nullable String errorMessage, @Nullable String errorStatus,
                             @Nullable String responseBody) {
        this(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody, Map.of());
    }

    /**
     * Creates the exception with the response headers; the SDK does, tests of your own code may too.
     *
     * @param statusCode      the HTTP status
     * @param method          the HTTP method sent
     * @param path            the path sent, without the query
     * @param errorCode       the error body's {@code code}, as sent, or {@code null}
     * @param errorMessage    the error body's {@code message}, or {@code null}
     * @param errorStatus     the error body's {@code status}, or {@code null}
     * @param responseBody    the response body (cut to {@value #MAX_BODY_CHARS} characters), or {@code null}
     * @param responseHeaders the response headers (names in any case), or an empty map
     */
    public FlowsApiException(int statusCode, String method, String path, @Nullable String errorCode,
                             @Nullable String errorMessage, @Nullable String errorStatus,
                             @Nullable String responseBody, Map<String, List<String>> responseHeaders) {
        this(statusCode, method, path, errorCode, errorMessage, errorStatus, responseBody,
                normalise(responseHeaders));
    }

    private FlowsApiException(int statusCode, String method, String path, @Nullable String errorCode,
                              @Nullable String errorMessage, @Nullable String errorStatus,
                              @Nullable String responseBody, TreeMap<String, List<String>> headers) {
        super(describe(statusCode, method, path, errorCode, errorMessage, errorStatus, headers));
        this.statusCode = statusCode;
        this.method = method;
        this.path = path;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.errorStatus = errorStatus;
        this.responseBody = cut(responseBody);
        this.responseHeaders = headers;
    }

    private static TreeMap<String, List<String>> normalise(Map<String, List<String>> headers) {
        Objects.requireNonNull(headers, "responseHeaders");
        TreeMap<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, values) -> copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        return copy;
    }

    /**
     * {@return the response headers, names in lower case, values in the order received; empty when
     * the exception was made without them}
     */
    public Map<String, List<String>> responseHeaders() {
        return Collections.unmodifiableMap(responseHeaders);
    }

    /** {@return the request id the server assigned (see {@link #REQUEST_ID_HEADERS}), or {@code null}} */
    public @Nullable String requestId() {
        return requestIdOf(responseHeaders);
    }

    private static @Nullable String requestIdOf(Map<String, List<String>> headers) {
        for (String name : REQUEST_ID_HEADERS) {
            List<String> values = headers.get(name);
            if (values != null && !values.isEmpty() && !values.get(0).isBlank()) {
                return values.get(0).strip();
            }
        }
        return null;
    }

    /**
     * {@return true for 429 on any call, and for 502, 503 and 504 answering a GET: the statuses
     * the client's {@code RetryPolicy} retries}
     */
    @Override
    public boolean isRetryable() {
        return statusCode == 429
                || ("GET".equals(method) && (statusCode == 502 || statusCode == 503 || statusCode == 504));
    }

    /** {@return the HTTP status code, for example 404} */
    public int statusCode() {
        return statusCode;
    }

    /** {@return the error body's {@code code} as sent (a number's text or the string), or {@code null}} */
    public @Nullable String errorCode() {
        return errorCode;
    }

    /** {@return the error body's {@code message} (or a problem document's detail/title), or {@code null}} */
    public @Nullable String errorMessage() {
        return errorMessage;
    }

    /** {@return the error body's {@code status} text, or {@code null}} */
    public @Nullable String errorStatus() {
        return errorStatus;
    }

    /** {@return the first 2048 characters of the response body, or {@code null} when there was none} */
    public @Nullable String responseBody() {
        return responseBody;
    }

    /** {@return the HTTP method of the failed call, for example {@code POST}} */
    public String method() {
        return method;
    }

    /** {@return the path actually sent, percent-encoded and without the query, for example {@code /api/v1/flows/tasks/t-1}} */
    public String path() {
        return path;
    }

    private static @Nullable String cut(@Nullable String body) {
        if (body == null || body.length() <= MAX_BODY_CHARS) {
            return body;
        }
        return body.substring(0, MAX_BODY_CHARS);
    }

    private static String describe(int status, String method, String path, @Nullable String code,
                                   @Nullable String message, @Nullable String errorStatus, Map<String, List<String>> headers) {
        StringBuilder sb = new StringBuilder();
        sb.append(Objects.toString(method, "?")).append(' ').append(Objects.toString(path, "?"))
          .append(" -> ").append(status);
        String reason = errorStatus != null && !errorStatus.isBlank() && !errorStatus.equals(String.valueOf(status))
                ? oneLine(errorStatus) : StatusTexts.of(status);
        if (reason != null) {
            sb.append(' ').append(reason);
        }
        String text = message == null ? null : withoutPrefix(oneLine(message), reason);
        if (text != null && !text.isBlank()) {
            sb.append(": ").append(text);
        }
        List<String> location = headers.get("location");
        if (status >= 300 && status < 400) {
            sb.append(location == null || location.isEmpty() ? ": a redirect" : ": a redirect to " + oneLine(location.get(0)))
              .append(", not followed (the SDK follows no redirect of a POST, nor one it cannot trust)");
        }
        List<String> details = new ArrayList<>();
        if (code != null && !code.isBlank() && !code.strip().equals(String.valueOf(status))) {
            details.add("code " + oneLine(code));
        }
        String requestId = requestIdOf(headers);
        if (requestId != null) {
            details.add("request id " + oneLine(requestId));
        }
        if (!details.isEmpty()) {
            sb.append(" (").append(String.join(", ", details)).append(')');
        }
        return sb.toString();
    }

    /** "Service Unavailable: backend down" after the reason "Service Unavailable" reads "backend down". */
    private static @Nullable String withoutPrefix(String message, @Nullable String reason) {
        if (reason == null) {
            return message;
        }
        String m = message.strip();
        if (m.equalsIgnoreCase(reason)) {
            return null;
        }
        if (m.regionMatches(true, 0, reason, 0, reason.length())) {
            String rest = m.substring(reason.length()).strip();
            if (rest.startsWith(":") || rest.startsWith("-")) {
                return rest.substring(1).strip();
            }
        }
        return m;
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    /** Short reason phrases, so messages read well when the body has none. */
    static final class StatusTexts {
        private StatusTexts() {
        }

        static @Nullable String of(int status) {
            switch (status) {
                case 301: return "Moved Permanently";
                case 302: return "Found";
                case 303: return "See Other";
                case 307: return "Temporary Redirect";
                case 308: return "Permanent Redirect";
                case 400: return "Bad Request";
                case 401: return "Unauthorized";
                case 403: return "Forbidden";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 409: return "Conflict";
                case 429: return "Too Many Requests";
                case 500: return "Internal Server Error";
                case 502: return "Bad Gateway";
                case 503: return "Service Unavailable";
                case 504: return "Gateway Timeout";
                default: return null;
            }
        }
    }
}
