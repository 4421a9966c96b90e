package io.flowsdk.testkit.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link SchemaCheckingListener} saw during this test JVM: how many answers it checked, and
 * every violation, in order. Answers are checked on WireMock's threads, so all of it is
 * thread-safe. {@link SchemaConformanceExtension} turns new violations into test failures.
 */
final class AnswerLog {
    private static final AtomicLong CHECKED = new AtomicLong();
    private static final AtomicLong NOT_DESCRIBED = new AtomicLong();
    private static final List<String> VIOLATIONS = new ArrayList<>();
    private static int reported;

    private AnswerLog() {}

    static void checked() {
        CHECKED.incrementAndGet();
    }

    static void notDescribed() {
        NOT_DESCRIBED.incrementAndGet();
    }

    static synchronized void violation(String description) {
        VIOLATIONS.add(description);
    }

    /** @return the answers checked so far */
    static long checkedCount() {
        return CHECKED.get();
    }

    /** @return the answers of endpoints openapi.yaml does not describe, so not checked */
    static long notDescribedCount() {
        return NOT_DESCRIBED.get();
    }

    static synchronized int violationCount() {
        return VIOLATIONS.size();
    }

    /** The violations no test has been failed for yet; they count as reported from now on. */
    static synchronized List<String> takeUnreported() {
        List<String> fresh = List.copyOf(VIOLATIONS.subList(reported, VIOLATIONS.size()));
        reported = VIOLATIONS.size();
        return fresh;
    }
}
