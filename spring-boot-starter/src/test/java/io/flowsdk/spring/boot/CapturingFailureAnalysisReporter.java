package io.flowsdk.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/** Keeps the analyses Spring Boot reports at a failed startup (registered in META-INF/spring.factories). */
public class CapturingFailureAnalysisReporter implements FailureAnalysisReporter {
    static final List<FailureAnalysis> REPORTED = new ArrayList<>();

    @Override
    public void report(FailureAnalysis analysis) {
        synchronized (REPORTED) {
            REPORTED.add(analysis);
        }
    }

    static FailureAnalysis last() {
        synchronized (REPORTED) {
            return REPORTED.isEmpty() ? null : REPORTED.get(REPORTED.size() - 1);
        }
    }
}
