package io.flowsdk.testkit;

import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The testkit's public package is {@code @NullMarked}, as flows-client's are. */
class NullMarkedTest {

    @Test
    void thePublicPackageIsNullMarked() {
        assertTrue(FlowsStub.class.getPackage().isAnnotationPresent(NullMarked.class));
        // the internals are not public API and are not annotated; the check tells the two apart
        assertFalse(io.flowsdk.testkit.internal.FakeFlowsApi.class.getPackage().isAnnotationPresent(NullMarked.class));
    }
}
