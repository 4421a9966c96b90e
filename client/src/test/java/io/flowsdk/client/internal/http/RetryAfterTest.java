package io.flowsdk.client.internal.http;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RetryAfterTest {
    private final Clock now = Clock.fixed(Instant.parse("1994-11-06T08:49:07Z"), ZoneOffset.UTC);

    @Test
    void delaySeconds() {
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", now));
        assertEquals(Duration.ZERO, RetryAfter.parse("0", now));
        assertEquals(Duration.ofMillis(1500), RetryAfter.parse("1.5", now));
    }

    @Test
    void allThreeHttpDateForms() {
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now));
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", now));
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Sun Nov  6 08:49:37 1994", now));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertEquals(Duration.ZERO, RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", now));
    }

    @Test
    void absentOrUnreadable() {
        assertNull(RetryAfter.parse(null, now));
        assertNull(RetryAfter.parse("  ", now));
        assertNull(RetryAfter.parse("soon", now));
        assertNull(RetryAfter.parse("-5", now));
    }
}
