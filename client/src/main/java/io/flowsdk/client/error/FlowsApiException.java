package io.flowsdk.client.error;

import java.util.Objects;

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
 * (code 404)}.
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
    private final String errorCode;
    /** The error body's {@code message}, or {@code null}. */
    private final String errorMessage;
    /** The error body's {@code status}, or {@code null}. */
    private final String errorStatus;
    /** The first {@value #MAX_BODY_CHARS} characters of the response body, or {@code null}. */
    private final String responseBody;

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
    public FlowsApiException(int statusCode, String method, String path, String errorCode,
                             String errorMessage, String errorStatus, String responseBody) {
        super(describe(statusCode, method, path, errorCode, errorMessage, errorStatus));
        this.statusCode = statusCode;
        this.method = method;
        this.path = path;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.errorStatus = errorStatus;
        this.responseBody = cut(responseBody);
    }

    /** {@return the HTTP status code, for example 404} */
    public int statusCode() {
        return statusCode;
    }

    /** {@return the error body's {@code code} as sent (a number's text or the string), or {@code null}} */
    public String errorCode() {
        return errorCode;
    }

    /** {@return the error body's {@code message} (or a problem document's detail/title), or {@code null}} */
    public String errorMessage() {
        return errorMessage;
    }

    /** {@return the error body's {@code status} text, or {@code null}} */
    public String errorStatus() {
        return errorStatus;
    }

    /** {@return the first 2048 characters of the response body, or {@code null} when there was none} */
    public String responseBody() {
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

    private static String cut(String body) {
        if (body == null || body.length() <= MAX_BODY_CHARS) {
            return body;
        }
        return body.substring(0, MAX_BODY_CHARS);
    }

    private static String describe(int status, String method, String path, String code, String message,
                                   String errorStatus) {
        StringBuilder sb = new StringBuilder();
        sb.append(Objects.toString(method, "?")).append(' ').append(Objects.toString(path, "?"))
          .append(" -> ").append(status);
        String reason = errorStatus != null && !errorStatus.equals(String.valueOf(status))
                ? errorStatus : StatusTexts.of(status);
        if (reason != null) {
            sb.append(' ').append(reason);
        }
        if (message != null && !message.isBlank()) {
            sb.append(": ").append(oneLine(message));
        }
        if (code != null && !code.isBlank()) {
            sb.append(" (code ").append(oneLine(code)).append(')');
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    /** Short reason phrases, so messages read well when the body has none. */
    static final class StatusTexts {
        private StatusTexts() {
        }

        static String of(int status) {
            switch (status) {
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
