package io.flowsdk.client.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The SDK's one definition of RFC 3339 date-times, for JSON bodies, query parameters, filter
 * literals and the testkit alike.
 *
 * <p>Written: seconds always, a fraction only when not zero (trailing zeros dropped), the offset
 * as given with {@code Z} for UTC: {@code 2026-01-01T00:00:00Z}, {@code 2026-01-01T10:30:05.12+02:00}.
 * {@code OffsetDateTime.toString()} would drop zero seconds ({@code 2026-01-01T00:00Z}), which RFC
 * 3339 does not allow.
 *
 * <p>Read: {@link #parse} takes date-times with an offset; {@link #parseLenient} also takes what
 * servers send in practice (no offset, a bare date, epoch milliseconds). The common shape is
 * parsed by hand first: a page of tasks holds hundreds of date-times, and the general
 * {@code DateTimeFormatter} is a large share of decoding.
 */
public final class Rfc3339 {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT);

    private Rfc3339() {
    }

    /**
     * Formats a date-time, keeping its offset. An offset with seconds, which RFC 3339 cannot
     * write, is replaced by UTC (the same instant).
     *
     * @param value the date-time, not null
     * @return for example {@code 2026-01-01T00:00:00+02:00}
     * @throws IllegalArgumentException if the year is outside 0000-9999, which RFC 3339 cannot write
     */
    public static String format(OffsetDateTime value) {
        OffsetDateTime v = value.getOffset().getTotalSeconds() % 60 == 0 ? value
                : value.withOffsetSameInstant(ZoneOffset.UTC);
        if (v.getYear() < 0 || v.getYear() > 9999) {
            throw new IllegalArgumentException("the year of " + value + " is outside 0000-9999, which RFC 3339 cannot write");
        }
        return FORMAT.format(v);
    }

    /**
     * Formats an instant in UTC.
     *
     * @param value the instant, not null
     * @return for example {@code 2026-01-01T00:00:00Z}
     * @throws IllegalArgumentException if the year is outside 0000-9999
     */
    public static String format(Instant value) {
        return format(value.atOffset(ZoneOffset.UTC));
    }

    /**
     * Parses a date-time with an offset: RFC 3339 ({@code t} and {@code z} in either case), and
     * the ISO 8601 forms {@code OffsetDateTime.parse} takes (such as no seconds).
     *
     * @param text the text, not null
     * @return the date-time, or null when the text is not one
     */
    public static OffsetDateTime parse(String text) {
        OffsetDateTime fast = parseCommonShape(text);
        if (fast != null) {
            return fast;
        }
        // a cheap look first: most strings a filter compares are not date-times, and exceptions cost
        int n = text.length();
        if (n < 16 || n > 64 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || (text.charAt(10) != 'T' && text.charAt(10) != 't')) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Parses what servers send as a date-time: {@link #parse}'s forms, a date-time without offset
     * (UTC assumed), a bare date (its start, UTC) or epoch milliseconds (up to 15 digits).
     *
     * @param text the text, not null; surrounding blanks are ignored
     * @return the date-time
     * @throws DateTimeParseException if the text is none of these
     */
    public static OffsetDateTime parseLenient(String text) {
        String t = text.trim();
        OffsetDateTime withOffset = parse(t);
        if (withOffset != null) {
            return withOffset;
        }
        try {
            return LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            try {
                return LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                if (t.matches("-?\\d{1,15}")) {
                    return Instant.ofEpochMilli(Long.parseLong(t)).atOffset(ZoneOffset.UTC);
                }
                throw new DateTimeParseException("not an RFC 3339 date-time", t, 0, notLocal);
            }
        }
    }

    /**
     * The fast path: {@code 2026-01-31T09:30:00Z} or {@code 2026-01-31T09:30:00.123+02:00}.
     *
     * @return the date-time, or null when {@code s} is not exactly of that shape or not valid
     */
    static OffsetDateTime parseCommonShape(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || (i < n && isDigit(s.charAt(i)))) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        ZoneOffset offset;
        char c = s.charAt(i);
        if (c == 'Z' && i + 1 == n) {
            offset = ZoneOffset.UTC;
        } else if ((c == '+' || c == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0 || oh > 18 || om > 59) {
                return null;
            }
            int total = oh * 3600 + om * 60;
            try {
                offset = ZoneOffset.ofTotalSeconds(c == '-' ? -total : total);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            return null; // such as February 30th: the general parser reports it
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** @return the value of {@code len} ASCII digits at {@code from}, or -1 */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
