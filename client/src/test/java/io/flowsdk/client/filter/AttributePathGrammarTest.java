package io.flowsdk.client.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.SortOrder;
import io.flowsdk.client.internal.AttributeNames;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One grammar of attribute paths: every name below is accepted, or refused, the same way by the
 * filter factories, the filter parser, the evaluator's configuration and the query parameters
 * (sortBy, attributes, excludedAttributes), which all ask {@link AttributeNames}.
 */
class AttributePathGrammarTest {

    private static FlowsClient client;

    @BeforeAll
    static void client() {
        client = FlowsClient.builder().baseUrl("http://localhost/api/v1").bearerToken("t").build();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    static Stream<Arguments> names() {
        return Stream.of(
                accepted("userName"),
                accepted("a"),
                accepted("A1"),
                accepted("name.givenName"),
                accepted("x-y_z"),
                accepted("x-1_y.Z9"),
                accepted("meta.lastModified"),
                accepted("members.$ref"),
                accepted("$ref"),
                accepted("urn:ietf:params:scim:schemas:core:2.0:User:userName"),
                accepted("URN:IETF:params:scim:schemas:core:2.0:User:userName"),
                accepted("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName"),
                accepted("urn:x:y:name"),
                accepted("urn:a-b:c_d.e:f"),
                accepted("a".repeat(AttributeNames.MAX_LENGTH)),
                refused("", 0),
                refused(" ", 0),
                refused("1abc", 0),
                refused("_a", 0),
                refused("-a", 0),
                refused("a b", 1),
                refused("a..b", 2),
                refused("a.", 2),
                refused(".a", 0),
                refused("a.b.c", 3),
                refused("a.1b", 2),
                refused("a$", 1),
                refused("$a", 0),
                refused("$refx", 4),
                refused("\u00e9", 0),
                refused("a\"", 1),
                refused("a[", 1),
                refused("a(b)", 1),
                refused("a\u0000", 1),
                refused("a\r\nX-Injected: 1", 0),
                refused("a&b", 1),
                refused("a=b", 1),
                refused("a%41", 1),
                refused("a+b", 1),
                refused("a#b", 1),
                refused("a?b", 1),
                refused("a/b", 1),
                refused("a,b", 1),
                // the prefix is a URN with a namespace and at least one more segment
                refused("x:y:name", 0),
                refused("http://example.com/schema?v=2#x:attr", 0),
                refused("urn:userName", 3),
                refused("urn:x:name", 5),
                refused(":a", 0),
                refused("a:", 0),
                refused("urn::x:name", 4),
                refused("urn:x::name", 6),
                refused("urn:x y:z:name", 5),
                refused("urn:x:y:", 8),
                refused("urn:x:y:1abc", 8),
                refused("urn:ietf:params:scim:schemas:core:2.0:User:", 43),
                // unpaired UTF-16 surrogates, which an HTTP client would send as '?'
                refused("a\uD800", 1),
                refused("\uDC00a", 0),
                refused("a\uD83D\uDE00", 1),
                refused("a".repeat(AttributeNames.MAX_LENGTH + 1), AttributeNames.MAX_LENGTH));
    }

    private static Arguments accepted(String name) {
        return Arguments.of(name, -1);
    }

    private static Arguments refused(String name, int errorIndex) {
        return Arguments.of(name, errorIndex);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("names")
    void everyEntryPointAgrees(String name, int errorIndex) {
        boolean valid = errorIndex < 0;
        assertEquals(valid, AttributeNames.isValid(name));
        assertEquals(errorIndex, AttributeNames.errorIndex(name));
        if (valid) {
            assertEquals(name, AttributeNames.require(name, "sortBy"));
            assertEquals(name + " pr", Filter.pr(name).toString());
            assertEquals(Filter.eq(name, "x"), Filter.parse(name + " eq \"x\""));
            assertEquals(Filter.valuePath(name, Filter.pr("v")), Filter.parse(name + "[v pr]"));
            FilterEvaluator.withCaseExactAttributes(Set.of(name));
            client.tasks().list().sortBy(name, SortOrder.ASCENDING).attributes(name).excludedAttributes(name);
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AttributeNames.require(name, "sortBy"));
            assertTrue(e.getMessage().startsWith("sortBy "), e.getMessage());
            IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> Filter.pr(name));
            assertTrue(f.getMessage().contains(AttributeNames.problem(name)), f.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Filter.eq(name, "x"));
            assertThrows(IllegalArgumentException.class, () -> Filter.valuePath(name, Filter.pr("v")));
            assertThrows(FilterParseException.class, () -> Filter.parse(name + " eq \"x\""));
            assertThrows(IllegalArgumentException.class,
                    () -> FilterEvaluator.withCaseExactAttributes(Set.of(name)));
            assertThrows(IllegalArgumentException.class,
                    () -> client.tasks().list().sortBy(name, SortOrder.ASCENDING));
            assertThrows(IllegalArgumentException.class, () -> client.tasks().list().attributes(name));
            assertThrows(IllegalArgumentException.class, () -> client.flows().list().excludedAttributes(name));
        }
    }

    @Test
    void messagesSayWhatIsWrongAndWhere() {
        assertEquals("character ' ' (U+0020) at index 1 is not allowed there", AttributeNames.problem("a b"));
        assertEquals("unpaired UTF-16 surrogate U+D800 at index 1", AttributeNames.problem("a\uD800"));
        assertEquals("unpaired UTF-16 surrogate U+DC00 at index 0", AttributeNames.problem("\uDC00a"));
        assertEquals("it ends early, at index 2", AttributeNames.problem("a."));
        assertEquals("it is empty", AttributeNames.problem(""));
        assertEquals("it is longer than 1024 characters", AttributeNames.problem("a".repeat(1025)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Filter.pr("x:y:name"));
        assertTrue(e.getMessage().startsWith("invalid attribute name 'x:y:name' (character 'x' (U+0078) at index 0"),
                e.getMessage());
        FilterParseException p = assertThrows(FilterParseException.class, () -> Filter.parse("x pr and x:y:name pr"));
        assertEquals(9, p.position());
        assertTrue(p.getMessage().contains("invalid attribute path 'x:y:name'"), p.getMessage());
        IllegalArgumentException q = assertThrows(IllegalArgumentException.class,
                () -> client.tasks().list().sortBy("a\uD800", SortOrder.ASCENDING));
        assertEquals("sortBy is not a valid attribute path: \"a\\ud800\" (unpaired UTF-16 surrogate U+D800 at index 1;"
                + " expected a name such as displayName or meta.lastModified, optionally after a schema URN)",
                q.getMessage());
        assertFalse(q.getMessage().contains("\uD800"), "the message itself stays valid UTF-16");
    }
}
