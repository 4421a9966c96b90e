package io.flowsdk.testkit;

/**
 * The eight operations of the Flows API, and the OAuth 2.0 token endpoint, as the fake routes
 * them. Used to target faults ({@link FlowsStub#inject(Endpoint, Fault...)}) and to count requests
 * ({@link FlowsStub#requestCount(Endpoint)}). Paths are relative to {@code /api/v1}, except the
 * token endpoint's, which is at the server's origin.
 */
public enum Endpoint {
    /** {@code GET /flows/} (with its trailing slash): list flow instances. */
    LIST_FLOWS("GET", "/flows/"),
    /** {@code GET /flows/{flowInstanceId}}: get one flow instance. */
    GET_FLOW("GET", "/flows/{flowInstanceId}"),
    /** {@code POST /flows/{flowInstanceId}/.cancel}: cancel a flow instance and its jobs. */
    CANCEL_FLOW("POST", "/flows/{flowInstanceId}/.cancel"),
    /** {@code GET /flows/tasks}: list tasks. */
    LIST_TASKS("GET", "/flows/tasks"),
    /** {@code POST /flows/tasks}: create a task. */
    CREATE_TASK("POST", "/flows/tasks"),
    /** {@code GET /flows/tasks/{taskId}}: get one task. */
    GET_TASK("GET", "/flows/tasks/{taskId}"),
    /** {@code POST /flows/tasks/{taskId}/.complete}: complete a task. */
    COMPLETE_TASK("POST", "/flows/tasks/{taskId}/.complete"),
    /** {@code POST /flows/tasks/{taskId}/.cancel}: cancel a task. */
    CANCEL_TASK("POST", "/flows/tasks/{taskId}/.cancel"),
    /** {@code POST /oauth2/token} at the server's origin (not under {@code /api/v1}): issue an access token. */
    TOKEN("POST", "/oauth2/token");

    private final String method;
    private final String pathTemplate;

    Endpoint(String method, String pathTemplate) {
        this.method = method;
        this.pathTemplate = pathTemplate;
    }

    /**
     * The HTTP method of this endpoint.
     *
     * @return {@code GET} or {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * The path template relative to {@code /api/v1}.
     *
     * @return for example {@code /flows/tasks/{taskId}}
     */
    public String pathTemplate() {
        return pathTemplate;
    }

    /**
     * {@code true} for the endpoints that change state (create, complete, cancel).
     *
     * @return whether the endpoint mutates the store
     */
    public boolean isMutating() {
        return method.equals("POST") && this != TOKEN;
    }

    @Override
    public String toString() {
        return name() + " (" + method + " " + pathTemplate + ")";
    }
}
