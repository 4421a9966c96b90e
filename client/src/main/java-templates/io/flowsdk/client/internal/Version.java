package io.flowsdk.client.internal;

/**
 * The SDK's version, written into this class by the build (a template in
 * {@code src/main/java-templates}): a constant, so that nothing is read from the jar at start-up.
 */
public final class Version {
    private static final String VERSION = "${project.version}";

    private Version() {
    }

    public static String get() {
        return VERSION;
    }
}
