package io.flowsdk.client.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Half a surrogate pair, wherever it is, is refused with the index of the half; whole pairs pass. */
class TextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "high alone,       '\uD800',                 0",
            "high inside,      'abc\uD800def',           3",
            "high at the end,  'abc\uDBFF',              3",
            "low alone,        '\uDC00',                 0",
            "low first,        '\uDFFFabc',              0",
            "low after a pair, '\uD83D\uDE00\uDE00',     2",
            "reversed pair,    'a\uDE00\uD83D',          1",
            "two highs,        '\uD83D\uD83D\uDE00',     0",
            "high then text,   '\uD800a',                0"})
    void anUnpairedSurrogateIsRefusedAtItsIndex(String what, String text, int index) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Text.requireWellFormed(text, "taskId"));
        assertTrue(e.getMessage().startsWith("taskId holds an unpaired surrogate (U+"), e.getMessage());
        assertTrue(e.getMessage().contains("at index " + index + ":"), e.getMessage());
        assertEquals(index, Text.unpairedSurrogate(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "\u00fc\u20ac", "\uD83D\uDE00", "a\uD83D\uDE00b\uD800\uDC00", "\uDBFF\uDFFF"})
    void wellFormedTextPasses(String text) {
        assertSame(text, Text.requireWellFormed(text, "taskId"));
    }

    @Test
    void agreesWithTheUtf8EncoderOnRandomText() {
        Random r = new Random(3);
        char[] alphabet = {'a', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00', '\u00e9'};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(6); n > 0; n--) {
                sb.append(alphabet[r.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            boolean encodable = java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(s);
            assertEquals(encodable, Text.unpairedSurrogate(s) < 0, s.chars().mapToObj(Integer::toHexString).toList().toString());
        }
    }
}
