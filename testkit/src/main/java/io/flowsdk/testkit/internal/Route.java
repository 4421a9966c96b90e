package io.flowsdk.testkit.internal;

import io.flowsdk.testkit.Endpoint;

/**
 * Where a request goes: an endpoint and its decoded id, or an error. Not public API.
 *
 * @param endpoint the endpoint, or null when the request matches none
 * @param id the decoded path id (task or flow instance id), or null
 * @param errorStatus 404 or 405 when {@code endpoint} is null, else 0
 * @param errorMessage why the request matched no endpoint, or null
 */
public record Route(Endpoint endpoint, String id, int errorStatus, String errorMessage) {

    /** The API's base path. */
    public static final String BASE_PATH = "/api/v1";

    /**
     * Routes a request by matching its path against every {@link Endpoint}'s template (so a new
     * endpoint needs only its enum constant). Ids are single path segments, percent-decoded, so
     * {@code a%2Fb} is the id {@code a/b}; a template's literal segments must be sent literally
     * (an id that decodes to {@code tasks} is an id, not the task collection). A path that fits a
     * template with more literal segments wins ({@code /flows/tasks} is the task list, not the flow
     * instance {@code tasks}).
     *
     * @param method the HTTP method
     * @param rawPath the path as sent, still percent-encoded
     * @return the route
     */
    public static Route of(String method, String rawPath) {
        if (!rawPath.startsWith(BASE_PATH + "/")) {
            return notFound("no such path " + rawPath + " (the API lives under " + BASE_PATH + ")");
        }
        String[] raw = rawPath.substring(BASE_PATH.length() + 1).split("/", -1);
        String[] seg = new String[raw.length];
        try {
            for (int i = 0; i < raw.length; i++) {
                seg[i] = ApiRequest.decodePathSegment(raw[i]);
            }
        } catch (IllegalArgumentException e) {
            return notFound("malformed percent-encoding in " + rawPath);
        }
        Endpoint best = null;
        String bestId = null;
        int bestLiterals = -1;
        boolean pathFits = false;
        for (Endpoint e : Endpoint.values()) {
            if (e == Endpoint.TOKEN) {
                continue; // at the server's origin, not under the API's base path
            }
            String[] template = e.pathTemplate().substring(1).split("/", -1);
            int literals = match(template, raw, seg);
            if (literals < 0) {
                continue;
            }
            pathFits = true;
            if (e.method().equalsIgnoreCase(method) && literals > bestLiterals) {
                best = e;
                bestLiterals = literals;
                bestId = idOf(template, seg);
            }
        }
        if (best != null) {
            return new Route(best, bestId, 0, null);
        }
        if (pathFits) {
            return new Route(null, null, 405, method + " is not allowed on " + rawPath);
        }
        if (seg.length == 1 && seg[0].equals("flows")) {
            return notFound("no such path " + rawPath + " (the flow instance list is GET /flows/, with its trailing slash)");
        }
        return notFound("no such path " + rawPath);
    }

    /** @return the number of literal segments, or -1 when the path does not fit the template */
    private static int match(String[] template, String[] raw, String[] decoded) {
        if (template.length != raw.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                if (decoded[i].isEmpty()) {
                    return -1;
                }
            } else if (template[i].equals(raw[i])) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    private static String idOf(String[] template, String[] decoded) {
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                return decoded[i];
            }
        }
        return null;
    }

    private static Route notFound(String message) {
        return new Route(null, null, 404, message);
    }
}
