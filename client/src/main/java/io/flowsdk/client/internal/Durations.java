package io.flowsdk.client.internal;

import java.time.Duration;

/** Durations as people write them in messages: {@code 2 s}, {@code 1 min 30 s}, {@code 250 ms}. */
public final class Durations {
    private Durations() {
    }

    public static String human(Duration d) {
        if (d == null) {
            return "null";
        }
        if (d.isNegative()) {
            return "-" + human(d.negated());
        }
        long ms = d.toMillis();
        if (ms < 1_000) {
            return d.isZero() ? "0 s" : ms == 0 ? d.toNanos() / 1_000 + " \u00b5s" : ms + " ms";
        }
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        int rest = d.toMillisPart();
        StringBuilder sb = new StringBuilder();
        if (h > 0) {
            sb.append(h).append(" h");
        }
        if (m > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(m).append(" min");
        }
        if (s > 0 || rest > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(s);
            if (rest > 0) {
                sb.append('.').append(String.format("%03d", rest).replaceAll("0+$", ""));
            }
            sb.append(" s");
        }
        return sb.toString();
    }
}
