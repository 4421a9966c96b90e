package io.flowsdk.client.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A factory call that cannot make sense must not compile: each snippet is compiled with javac
 * against the built classes, the valid ones must compile without a diagnostic and every invalid
 * one must be an error on its own line.
 */
class FactoryTypesCompileTest {

    /** Calls that make sense: every one compiles. */
    private static final List<String> VALID = List.of(
            "Filter.eq(\"a\", \"x\")", "Filter.eq(\"a\", 1)", "Filter.eq(\"a\", 1L)", "Filter.eq(\"a\", 1.5)",
            "Filter.eq(\"a\", new BigDecimal(\"1\"))", "Filter.eq(\"a\", true)", "Filter.eq(\"a\", DATE_TIME)",
            "Filter.eq(\"a\", INSTANT)", "Filter.eqNull(\"a\")",
            "Filter.ne(\"a\", \"x\")", "Filter.ne(\"a\", 1L)", "Filter.ne(\"a\", 1.5)", "Filter.ne(\"a\", BigDecimal.ONE)",
            "Filter.ne(\"a\", false)", "Filter.ne(\"a\", DATE_TIME)", "Filter.ne(\"a\", INSTANT)", "Filter.neNull(\"a\")",
            "Filter.co(\"a\", \"x\")", "Filter.sw(\"a\", \"x\")", "Filter.ew(\"a\", \"x\")",
            "Filter.gt(\"a\", \"x\")", "Filter.gt(\"a\", 1)", "Filter.gt(\"a\", 1.5)", "Filter.gt(\"a\", BigDecimal.ONE)",
            "Filter.gt(\"due\", DATE_TIME)", "Filter.gt(\"due\", INSTANT)",
            "Filter.ge(\"a\", \"x\")", "Filter.ge(\"a\", 1L)", "Filter.ge(\"a\", 1.5)", "Filter.ge(\"a\", BigDecimal.ONE)",
            "Filter.ge(\"due\", DATE_TIME)", "Filter.ge(\"due\", INSTANT)",
            "Filter.lt(\"a\", \"x\")", "Filter.lt(\"a\", 1L)", "Filter.lt(\"a\", 1.5)", "Filter.lt(\"a\", BigDecimal.ONE)",
            "Filter.lt(\"due\", DATE_TIME)", "Filter.lt(\"due\", INSTANT)",
            "Filter.le(\"a\", \"x\")", "Filter.le(\"a\", 1L)", "Filter.le(\"a\", 1.5)", "Filter.le(\"a\", BigDecimal.ONE)",
            "Filter.le(\"due\", DATE_TIME)", "Filter.le(\"due\", INSTANT)",
            "Filter.pr(\"a\")", "Filter.not(Filter.pr(\"a\"))", "Filter.or(Filter.pr(\"a\"), Filter.pr(\"b\"))",
            "Filter.and(Filter.pr(\"a\"), Filter.pr(\"b\"), Filter.pr(\"c\"))",
            "Filter.valuePath(\"emails\", Filter.eq(\"type\", \"work\"))", "Filter.parse(\"approved gt true\")",
            "Filter.pr(\"a\").and(Filter.pr(\"b\")).or(Filter.pr(\"c\"))",
            "Filter.eq(TaskAttributes.STATUS, TaskStatus.PENDING)", "Filter.ne(\"status\", FlowStatus.RUNNING)",
            "Filter.gt(TaskAttributes.META_LAST_MODIFIED, INSTANT)");

    /** Calls that make no sense: every one is a compile error. */
    private static final List<String> INVALID = List.of(
            "Filter.gt(\"approved\", true)", "Filter.ge(\"approved\", false)", "Filter.lt(\"approved\", true)",
            "Filter.le(\"approved\", Boolean.TRUE)",
            "Filter.co(\"n\", 42L)", "Filter.co(\"n\", 4.2)", "Filter.co(\"n\", BigDecimal.ONE)", "Filter.co(\"b\", true)",
            "Filter.co(\"due\", DATE_TIME)", "Filter.co(\"due\", INSTANT)",
            "Filter.sw(\"n\", 42)", "Filter.sw(\"b\", false)", "Filter.sw(\"due\", DATE_TIME)",
            "Filter.ew(\"n\", 42L)", "Filter.ew(\"b\", true)", "Filter.ew(\"due\", INSTANT)",
            "Filter.eq(\"a\", new Object())", "Filter.gt(\"a\", new Object())",
            "Filter.gt(\"status\", TaskStatus.PENDING)", "Filter.co(\"status\", TaskStatus.PENDING)",
            "Filter.sw(\"status\", FlowStatus.RUNNING)", "Filter.le(\"status\", FlowStatus.RUNNING)");

    @TempDir
    Path out;

    @Test
    void theCallsThatMakeSenseCompile() {
        Map<Long, List<String>> errors = compile(VALID);
        assertEquals(Map.of(), errors, "valid calls must compile cleanly");
    }

    @Test
    void theCallsThatMakeNoSenseDoNot() {
        Map<Long, List<String>> errors = compile(INVALID);
        List<String> compiled = new ArrayList<>();
        for (int i = 0; i < INVALID.size(); i++) {
            List<String> onLine = errors.get(firstLine() + i);
            if (onLine == null) {
                compiled.add(INVALID.get(i));
                continue;
            }
            String method = INVALID.get(i).substring("Filter.".length(), INVALID.get(i).indexOf('('));
            String message = String.join("\n", onLine);
            assertTrue(message.contains("no suitable method found for " + method)
                    || message.contains("incompatible types"), INVALID.get(i) + ": " + message);
        }
        assertEquals(List.of(), compiled, "these calls compiled but must not");
        assertEquals(INVALID.size(), errors.size(), "no error outside the snippets: " + errors);
    }

    private static long firstLine() {
        return 11; // the line of the first snippet in source(...)
    }

    private static String source(List<String> snippets) {
        StringBuilder sb = new StringBuilder()
                .append("import io.flowsdk.client.filter.Filter;\n")                          // 1
                .append("import io.flowsdk.client.model.*;\n")                               // 2
                .append("import java.math.BigDecimal;\n")                                     // 3
                .append("import java.time.Instant;\n")                                        // 4
                .append("import java.time.OffsetDateTime;\n")                                 // 5
                .append("class Snippets {\n")                                                // 6
                .append("    static final OffsetDateTime DATE_TIME = OffsetDateTime.now();\n") // 7
                .append("    static final Instant INSTANT = Instant.now();\n")               // 8
                .append("\n")                                                                // 9
                .append("    void calls() {\n");                                             // 10
        for (int i = 0; i < snippets.size(); i++) {
            sb.append("        Filter f").append(i).append(" = ").append(snippets.get(i)).append(";\n");
        }
        return sb.append("    }\n}\n").toString();
    }

    /** Compiles the snippets and returns the error messages by line. */
    private Map<Long, List<String>> compile(List<String> snippets) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a JDK");
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippets.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source(snippets);
            }
        };
        String classPath = location(Filter.class) + File.pathSeparator + location(JsonElement.class);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", classPath, "-d", out.toString(), "-proc:none", "-Xlint:none",
                "-Xmaxerrs", "1000");
        javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        Map<Long, List<String>> errors = new TreeMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.computeIfAbsent(d.getLineNumber(), line -> new ArrayList<>()).add(d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
