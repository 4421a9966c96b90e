package io.flowsdk.testkit.internal;

import io.flowsdk.testkit.Endpoint;
import java.util.List;

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
     * Routes a request. Ids are single path segments, percent-decoded, so {@code a%2Fb} is the
     * id {@code a/b}.
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
        if (seg.length < 2 || !seg[0].equals("flows")) {
            if (seg.length == 1 && seg[0].equals("flows")) {
                return notFound("no such path " + rawPath + " (the flow instance list is GET /flows/, with its trailing slash)");
            }
            return notFound("no such path " + rawPath);
        }
        List<String> rest = List.of(seg).subList(1, seg.length);
        boolean get = method.equalsIgnoreCase("GET");
        boolean post = method.equalsIgnoreCase("POST");
        if (rest.size() == 1 && rest.get(0).isEmpty()) {
            return get ? ok(Endpoint.LIST_FLOWS, null) : notAllowed(method, rawPath);
        }
        if (rest.get(0).equals("tasks") && raw[1].equals("tasks")) {
            if (rest.size() == 1) {
                return get ? ok(Endpoint.LIST_TASKS, null) : post ? ok(Endpoint.CREATE_TASK, null) : notAllowed(method, rawPath);
            }
            String id = rest.get(1);
            if (id.isEmpty()) {
                return notFound("no such path " + rawPath);
            }
            if (rest.size() == 2) {
                return get ? ok(Endpoint.GET_TASK, id) : notAllowed(method, rawPath);
            }
            if (rest.size() == 3 && raw[3].equals(".complete")) {
                return post ? ok(Endpoint.COMPLETE_TASK, id) : notAllowed(method, rawPath);
            }
            if (rest.size() == 3 && raw[3].equals(".cancel")) {
                return post ? ok(Endpoint.CANCEL_TASK, id) : notAllowed(method, rawPath);
            }
            return notFound("no such path " + rawPath);
        }
        String id = rest.get(0);
        if (id.isEmpty()) {
            return notFound("no such path " + rawPath);
        }
        if (rest.size() == 1) {
            return get ? ok(Endpoint.GET_FLOW, id) : notAllowed(method, rawPath);
        }
        if (rest.size() == 2 && raw[2].equals(".cancel")) {
            return post ? ok(Endpoint.CANCEL_FLOW, id) : notAllowed(method, rawPath);
        }
        return notFound("no such path " + rawPath);
    }

    private static Route ok(Endpoint endpoint, String id) {
        return new Route(endpoint, id, 0, null);
    }

    private static Route notFound(String message) {
        return new Route(null, null, 404, message);
    }

    private static Route notAllowed(String method, String rawPath) {
        return new Route(null, null, 405, method + " is not allowed on " + rawPath);
    }
}
