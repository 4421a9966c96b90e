package io.flowsdk.client.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one definition of RFC 3339 in the SDK: the wire format, the parsers, and the fast path,
 * which agrees with {@code OffsetDateTime.parse} wherever it answers and answers for the common shapes.
 */
class Rfc3339Test {
    @Test
    void writesSecondsAlwaysTheOffsetAsGivenAndOnlyTheFractionThatIsThere() {
        assertEquals("2026-01-01T00:00:00Z", Rfc3339.format(OffsetDateTime.parse("2026-01-01T00:00Z")));
        assertEquals("2026-01-01T00:00:00Z", Rfc3339.format(OffsetDateTime.parse("2026-01-01T00:00:00+00:00")));
        assertEquals("2026-01-01T00:00:00+02:00", Rfc3339.format(OffsetDateTime.parse("2026-01-01T00:00+02:00")));
        assertEquals("2026-01-01T10:30:05.12-05:30", Rfc3339.format(OffsetDateTime.parse("2026-01-01T10:30:05.120-05:30")));
        assertEquals("2026-01-01T10:30:05.000000001Z", Rfc3339.format(OffsetDateTime.parse("2026-01-01T10:30:05.000000001Z")));
        assertEquals("0001-02-03T04:05:06Z", Rfc3339.format(Instant.parse("0001-02-03T04:05:06Z")));
        assertEquals("2026-01-01T00:00:00.5Z", Rfc3339.format(Instant.parse("2026-01-01T00:00:00.500Z")));
    }

    @Test
    void anOffsetWithSecondsIsWrittenAsTheSameInstantInUtc() {
        OffsetDateTime odd = OffsetDateTime.of(2026, 1, 1, 1, 0, 30, 0, ZoneOffset.ofHoursMinutesSeconds(1, 0, 30));
        assertEquals("2026-01-01T00:00:00Z", Rfc3339.format(odd));
    }

    @Test
    void yearsRfc3339CannotWriteAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rfc3339.format(OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertTrue(e.getMessage().contains("0000-9999"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rfc3339.format(Instant.parse("-0001-01-01T00:00:00Z")));
    }

    @Test
    void whatIsWrittenIsReadBackExactly() {
        Random r = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime t = OffsetDateTime.ofInstant(
                    Instant.ofEpochSecond(r.nextLong(-62_000_000_000L, 253_000_000_000L), r.nextInt(1_000_000_000)),
                    ZoneOffset.ofTotalSeconds(60 * r.nextInt(-18 * 60, 18 * 60 + 1)));
            String text = Rfc3339.format(t);
            assertEquals(t, Rfc3339.parse(text), text);
            assertEquals(t, OffsetDateTime.parse(text), text);
            assertEquals(':', text.charAt(16), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01t10:00:00z", "2026-01-01T10:00Z", "2026-01-01T10:00:00.5+00:00"})
    void parseTakesTheOtherFormsWithAnOffset(String s) {
        assertEquals(Instant.parse("2026-01-01T10:00:00Z"), Rfc3339.parse(s).toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01T10:00:00", "2026-01-01", "1000", "", "pending", "2026-01-01T25:00:00Z",
            "2026-02-30T10:00:00Z", "2026-01-01X10:00:00Z"})
    void parseAnswersNullForAnythingElse(String s) {
        assertNull(Rfc3339.parse(s), s);
    }

    @Test
    void parseLenientAlsoTakesWhatServersSendWithoutAnOffset() {
        assertEquals(OffsetDateTime.parse("2026-01-01T10:00:00Z"), Rfc3339.parseLenient(" 2026-01-01T10:00:00 "));
        assertEquals(OffsetDateTime.parse("2026-01-01T00:00:00Z"), Rfc3339.parseLenient("2026-01-01"));
        assertEquals(OffsetDateTime.parse("1970-01-01T00:00:01Z"), Rfc3339.parseLenient("1000"));
        assertEquals(OffsetDateTime.parse("2026-01-01T10:00:00+02:00"), Rfc3339.parseLenient("2026-01-01T10:00:00+02:00"));
        DateTimeParseException e = assertThrows(DateTimeParseException.class, () -> Rfc3339.parseLenient("soon"));
        assertEquals("soon", e.getParsedString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-25T20:49:09.170Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00+02:00",
            "1999-12-31T23:59:59.999999999-05:30", "2024-02-29T12:00:00.1Z", "0001-01-01T00:00:00+18:00",
            "2026-06-15T08:07:06.123456-00:00"})
    void commonShapesAreParsedExactlyAsTheJdkDoes(String s) {
        OffsetDateTime fast = Rfc3339.parseCommonShape(s);
        assertNotNull(fast, s);
        assertEquals(OffsetDateTime.parse(s), fast);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01T00:00Z", "2026-01-01t00:00:00z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00",
            "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00+0200",
            "2026-01-01T00:00:00+02", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z",
            "2026-01-01T23:59:60Z", "2026-01-01T00:00:00+19:00", "+12026-01-01T00:00:00Z", "2026-01-01",
            "2026-01-01T00:00:00Zx", "2026-01-01T0a:00:00Z", "1614286149170", ""})
    void otherShapesAndInvalidValuesAreLeftToTheGeneralParser(String s) {
        assertNull(Rfc3339.parseCommonShape(s), s);
    }

    @Test
    void agreesWithTheJdkOnRandomAndMutatedInputs() {
        Random r = new Random(7);
        String alphabet = "0123456789-:T.Z+z ";
        for (int i = 0; i < 200_000; i++) {
            String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d", r.nextInt(10_000), r.nextInt(14), r.nextInt(33),
                    r.nextInt(25), r.nextInt(61), r.nextInt(61));
            if (r.nextBoolean()) {
                s += "." + String.format("%09d", r.nextInt(1_000_000_000)).substring(0, 1 + r.nextInt(9));
            }
            s += switch (r.nextInt(3)) {
                case 0 -> "Z";
                case 1 -> String.format("+%02d:%02d", r.nextInt(20), r.nextInt(61));
                default -> String.format("-%02d:%02d", r.nextInt(20), r.nextInt(61));
            };
            if (r.nextInt(4) == 0) { // mutate one character
                int at = r.nextInt(s.length());
                s = s.substring(0, at) + alphabet.charAt(r.nextInt(alphabet.length())) + s.substring(at + 1);
            }
            OffsetDateTime expected;
            try {
                expected = OffsetDateTime.parse(s);
            } catch (DateTimeParseException e) {
                expected = null;
            }
            OffsetDateTime fast = Rfc3339.parseCommonShape(s);
            if (fast != null) {
                assertEquals(expected, fast, s);
            } else if (expected != null && s.length() >= 20 && s.charAt(10) == 'T' && s.endsWith("Z")) {
                throw new AssertionError("fast path declined a common shape the JDK accepts: " + s);
            }
        }
    }
}
