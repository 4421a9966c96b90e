package io.flowsdk.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No public or protected signature of the public packages mentions a type from {@code internal}. */
class PublicApiTest {
    private static final String INTERNAL = "io.flowsdk.client.internal";
    private static final List<String> PUBLIC_PACKAGES = List.of("io.flowsdk.client", "io.flowsdk.client.error",
            "io.flowsdk.client.event",
            "io.flowsdk.client.filter", "io.flowsdk.client.auth");

    static List<Class<?>> classesOf(String pkg) throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(FlowsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(pkg.replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.equals("package-info.class") && !name.equals("module-info.class")) {
                    classes.add(Class.forName(pkg + "." + name.substring(0, name.length() - 6), false,
                            PublicApiTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Exposed to users: public, or protected inside an extensible exposed class; enclosing classes too. */
    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!exposed(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static void check(List<String> problems, String where, Type... types) {
        for (Type t : types) {
            String name = t.getTypeName();
            if (name.contains(INTERNAL + ".")) {
                problems.add(where + " mentions " + name);
            }
            if (t instanceof TypeVariable<?> v) {
                for (Type b : v.getBounds()) {
                    if (b.getTypeName().contains(INTERNAL + ".")) {
                        problems.add(where + " has a type bound " + b.getTypeName());
                    }
                }
            }
        }
    }

    private static void checkExecutable(List<String> problems, Class<?> c, Executable e) {
        String where = c.getName() + "#" + e;
        check(problems, where, e.getGenericParameterTypes());
        check(problems, where, e.getGenericExceptionTypes());
        check(problems, where, e.getTypeParameters());
        if (e instanceof Method m) {
            check(problems, where, m.getGenericReturnType());
        }
    }

    @Test
    void noPublicSignatureMentionsAnInternalType() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String pkg : PUBLIC_PACKAGES) {
            for (Class<?> c : classesOf(pkg)) {
                if (!visible(c)) {
                    continue;
                }
                checked++;
                String where = c.getName();
                if (c.getGenericSuperclass() != null) {
                    check(problems, where + " extends", c.getGenericSuperclass());
                }
                check(problems, where + " implements", c.getGenericInterfaces());
                check(problems, where, c.getTypeParameters());
                for (Field f : c.getDeclaredFields()) {
                    if (exposed(f.getModifiers()) && !f.isSynthetic()) {
                        check(problems, where + "." + f.getName(), f.getGenericType());
                    }
                }
                for (Method m : c.getDeclaredMethods()) {
                    if (exposed(m.getModifiers()) && !m.isSynthetic()) {
                        checkExecutable(problems, c, m);
                    }
                }
                for (Constructor<?> k : c.getDeclaredConstructors()) {
                    if (exposed(k.getModifiers()) && !k.isSynthetic()) {
                        checkExecutable(problems, c, k);
                    }
                }
                if (c.isRecord()) {
                    for (var rc : c.getRecordComponents()) {
                        check(problems, where + " component " + rc.getName(), rc.getGenericType());
                    }
                }
            }
        }
        assertTrue(checked >= 30, "found the compiled classes: " + checked);
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckWouldCatchAnInternalType() throws Exception {
        // a private field and constructor of internal types: the check must flag them if they were public
        List<String> problems = new ArrayList<>();
        checkExecutable(problems, Tasks.class, Tasks.class.getDeclaredConstructor(io.flowsdk.client.internal.ApiCalls.class));
        assertEquals(1, problems.size(), problems.toString());
        problems.clear();
        check(problems, "generic", FlowsClient.class.getDeclaredField("http").getGenericType());
        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void theListingFindsTheFacadeAndItsNestedBuilders() throws Exception {
        List<Class<?>> classes = classesOf("io.flowsdk.client");
        assertTrue(classes.contains(FlowsClient.class));
        assertTrue(classes.contains(FlowsClient.Builder.class));
        assertTrue(classes.contains(RetryPolicy.Builder.class));
        assertTrue(classesOf("io.flowsdk.client.error").contains(io.flowsdk.client.error.FlowsApiException.class));
    }
}
