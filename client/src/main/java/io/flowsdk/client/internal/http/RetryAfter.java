package io.flowsdk.client.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses {@code Retry-After}: delay-seconds or an HTTP date (RFC 9110 §10.2.3), in the preferred
 * IMF-fixdate form or the obsolete RFC 850 and asctime forms a recipient must also accept
 * (RFC 9110 §5.6.7).
 */
final class RetryAfter {
    /** Two-digit years 70-99 are 19xx, 00-69 are 20xx. */
    private static final DateTimeFormatter RFC_850 = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(java.util.Locale.US).withZone(java.time.ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", java.util.Locale.US).withZone(java.time.ZoneOffset.UTC);

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
        for (DateTimeFormatter f : new DateTimeFormatter[]{DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME}) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, f);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
