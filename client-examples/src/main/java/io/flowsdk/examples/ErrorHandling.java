package io.flowsdk.examples;

import io.flowsdk.client.error.BadRequestException;
import io.flowsdk.client.error.FlowsApiException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.FlowsTransportException;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.error.UnauthorizedException;
import io.flowsdk.client.model.Task;

import java.util.Optional;

/**
 * The exception tree: every failure is a {@link FlowsException} (unchecked); API answers carry
 * status, parsed error body, method and path; bad input fails before anything is sent.
 */
public final class ErrorHandling {
    private ErrorHandling() {
    }

    /**
     * Runs the example: against the API at {@code FLOWS_BASE_URL} (token from {@code FLOWS_TOKEN})
     * when that is set, otherwise against an embedded, seeded stub.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        try (Examples ex = Examples.connect()) {
            try {
                ex.client().tasks().get("no-such-task");
            } catch (NotFoundException e) {
                System.out.println("404: " + e.getMessage());
                System.out.println("     code=" + e.errorCode() + " path=" + e.path());
            }

            Optional<Task> maybe = ex.client().tasks().find("no-such-task");
            System.out.println("find: " + maybe.map(Task::getId).orElse("(empty)"));

            try {
                ex.client().tasks().list().filter("status eq \"pending\" and due gt true").firstPage();
            } catch (BadRequestException e) {
                System.out.println("400: " + e.errorMessage());
            }

            try {
                ex.client().tasks().get("..");
            } catch (IllegalArgumentException e) {
                System.out.println("refused before sending: " + e.getMessage());
            }

            if (ex.stub() != null) {
                try (var wrongToken = ex.stub().client(b -> b.bearerToken("not-the-token"))) {
                    wrongToken.tasks().list().count();
                } catch (UnauthorizedException e) {
                    System.out.println("401: " + e.getMessage());
                }
            }

            try {
                ex.client().tasks().get("t-1");
            } catch (FlowsApiException e) {            // any other non-2xx answer
                System.out.println(e.statusCode() + ": " + e.getMessage());
            } catch (FlowsTransportException e) {      // connection refused/reset, timeout
                System.out.println("transport: " + e.getMessage());
            }
        }
    }
}
