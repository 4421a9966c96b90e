package io.flowsdk.spring.boot;

import io.flowsdk.spring.boot.InvalidFlowsPropertiesException.Problem;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidFlowsPropertiesException} at startup: every property at fault with
 * its problem, then what to change for each.
 */
final class FlowsPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidFlowsPropertiesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidFlowsPropertiesException cause) {
        StringBuilder description = new StringBuilder("The Flows client could not be configured from the flows.* "
                + "properties:\n");
        StringBuilder action = new StringBuilder("Update the application's configuration:\n");
        for (Problem p : cause.problems()) {
            description.append("\n    ").append(p.property()).append(' ').append(p.problem());
            action.append("\n    ").append(p.property()).append(": ").append(p.fix());
        }
        return new FailureAnalysis(description.toString(), action.toString(), cause);
    }
}
