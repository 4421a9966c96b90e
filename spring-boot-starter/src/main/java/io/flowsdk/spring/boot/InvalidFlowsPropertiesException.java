package io.flowsdk.spring.boot;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code flows.*} properties cannot configure a client: one exception listing every problem
 * found, each with the property and what to change. Startup fails with it, and its failure
 * analysis prints the list. Never contains a token or a client secret.
 */
public final class InvalidFlowsPropertiesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Not serializable with the exception: rebuilt from nothing after deserialisation. */
    private final transient List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param problems what is wrong, at least one
     */
    public InvalidFlowsPropertiesException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found, in the order the properties were checked} */
    public List<Problem> problems() {
        return problems == null ? List.of() : problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem");
        }
        return "Invalid flows.* properties: " + problems.stream()
                .map(p -> p.property() + " " + p.problem()).collect(Collectors.joining("; "));
    }

    /**
     * One problem with the properties.
     *
     * @param property the property (or properties) at fault, for example {@code flows.timeout}
     * @param problem  what is wrong with it, for example {@code must be positive, was 0s}
     * @param fix      what to change, for example {@code set a duration above zero, such as 30s}
     */
    public record Problem(String property, String problem, String fix) {
        /**
         * Checks that no part is null.
         *
         * @param property the property (or properties) at fault
         * @param problem  what is wrong with it
         * @param fix      what to change
         */
        public Problem {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(fix, "fix");
        }
    }
}
