package io.flowsdk.client;

import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every package of flows-client with a public class, apart from the internals and the generated
 * models, is {@code @NullMarked}: its unannotated types mean "not null" to Kotlin, NullAway and
 * IDEs. The packages are found in the compiled classes, so a new public package without a
 * {@code package-info.java} fails here.
 */
class NullMarkedTest {

    /** The packages of the public top-level classes in the client's compiled classes. */
    static Set<String> publicPackages() throws Exception {
        Path root = Path.of(FlowsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())) {
                String rel = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                String binary = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                if (binary.contains("$") || binary.endsWith("package-info") || binary.endsWith("module-info")) {
                    continue;
                }
                Class<?> c = Class.forName(binary, false, NullMarkedTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    packages.add(c.getPackageName());
                }
            }
        }
        return packages;
    }

    static boolean isHandWrittenApi(String pkg) {
        return !pkg.equals("io.flowsdk.client.internal") && !pkg.startsWith("io.flowsdk.client.internal.")
                && !pkg.equals("io.flowsdk.client.model");
    }

    static boolean nullMarked(String pkg) {
        try {
            return Class.forName(pkg + ".package-info", false, NullMarkedTest.class.getClassLoader())
                    .isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException noPackageInfo) {
            return false;
        }
    }

    @Test
    void everyPublicHandWrittenPackageIsNullMarked() throws Exception {
        List<String> api = publicPackages().stream().filter(NullMarkedTest::isHandWrittenApi).toList();
        assertTrue(api.containsAll(List.of("io.flowsdk.client", "io.flowsdk.client.auth", "io.flowsdk.client.error",
                "io.flowsdk.client.event", "io.flowsdk.client.filter")), "found the public packages: " + api);
        assertEquals(List.of(), api.stream().filter(p -> !nullMarked(p)).toList(), "packages without @NullMarked");
        // the annotation is what Package reports too (how tools other than javac see it)
        assertTrue(FlowsClient.class.getPackage().isAnnotationPresent(NullMarked.class));
    }

    @Test
    void theCheckSeesAPackageWithoutTheAnnotation() throws Exception {
        Set<String> all = publicPackages();
        assertTrue(all.contains("io.flowsdk.client.model"), "the generated models are listed, then left out: " + all);
        assertTrue(all.contains("io.flowsdk.client.internal"), all.toString());
        assertFalse(nullMarked("io.flowsdk.client.model"));
        assertFalse(nullMarked("io.flowsdk.client.internal"));
    }
}
