package io.flowsdk.client.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A string holding an unpaired UTF-16 surrogate is not valid Unicode: encoded as UTF-8 on the
 * wire it would become '?', so the server would see another filter. It is refused where it enters,
 * naming where it is.
 */
class LoneSurrogateTest {

    private static final List<BiFunction<String, String, Filter>> STRING_FACTORIES = List.of(
            Filter::eq, Filter::ne, Filter::co, Filter::sw, Filter::ew, Filter::gt, Filter::ge, Filter::lt, Filter::le);

    static Stream<Arguments> loneSurrogates() {
        return Stream.of(
                Arguments.of("lone \uD83D high", 5, 0xD83D),
                Arguments.of("\uDE00 low first", 0, 0xDE00),
                Arguments.of("ends high \uD83D", 10, 0xD83D),
                Arguments.of("swapped \uDE00\uD83D", 8, 0xDE00),
                Arguments.of("two highs \uD83D\uD83D\uDE00", 10, 0xD83D));
    }

    @ParameterizedTest
    @MethodSource("loneSurrogates")
    void factoriesRefuseThemNamingTheIndex(String value, int index, int codeUnit) {
        for (BiFunction<String, String, Filter> factory : STRING_FACTORIES) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.apply("a", value));
            assertEquals(String.format("filter value contains an unpaired UTF-16 surrogate U+%04X at index %d"
                    + " (not valid Unicode, so it cannot be sent)", codeUnit, index), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new Filter.Comparison("a", ComparisonOperator.EQ, value));
    }

    @Test
    void pairedSurrogatesAreFine() {
        Filter f = Filter.eq("a", "smile \uD83D\uDE00");
        assertEquals("a eq \"smile \uD83D\uDE00\"", f.toString());
        assertEquals(f, Filter.parse(f.toString()));
        assertEquals(f, Filter.parse("a eq \"smile \\ud83d\\ude00\""));
    }

    static Stream<Arguments> unparseable() {
        return Stream.of(
                // raw, anywhere in the input
                Arguments.of("a eq \"x\uD800\"", 7, 0xD800),
                Arguments.of("a eq \"\uDC00\"", 6, 0xDC00),
                Arguments.of("a\uD800 pr", 1, 0xD800),
                Arguments.of("x pr and \uDC00 pr", 9, 0xDC00),
                Arguments.of("a pr \uD83D", 5, 0xD83D),
                Arguments.of("a eq \"x\" \uD83D\uDE00\uDE00", 11, 0xDE00),
                // escaped: the position of the escape
                Arguments.of("a eq \"\\ud800\"", 6, 0xD800),
                Arguments.of("a eq \"ab\\udc00\"", 8, 0xDC00),
                Arguments.of("a eq \"\\ud83d\\u0041\"", 6, 0xD83D),
                Arguments.of("a eq \"\\ud83dx\"", 6, 0xD83D),
                Arguments.of("a eq \"\\ud83d\\ud83d\\ude00\"", 6, 0xD83D),
                Arguments.of("a eq \"\\ude00\\ud83d\"", 6, 0xDE00),
                // an escaped high half followed by a raw low half: the raw one is unpaired in the input
                Arguments.of("a eq \"\\ud83d\uDE00\"", 12, 0xDE00));
    }

    @ParameterizedTest
    @MethodSource("unparseable")
    void theParserRefusesThemAtTheirPosition(String input, int position, int codeUnit) {
        FilterParseException e = assertThrows(FilterParseException.class, () -> Filter.parse(input));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().startsWith(String.format("unpaired UTF-16 surrogate U+%04X", codeUnit)),
                e.getMessage());
    }
}
