package io.flowsdk.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses {@code Retry-After}: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
final class RetryAfter {
    private RetryAfter() {
    }

    /** @return the wait asked for, never negative, or null when the header is absent or unreadable */
    static Duration parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.strip();
        if (v.matches("\\d{1,10}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        if (v.matches("\\d{1,10}\\.\\d{1,9}")) {
            return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
