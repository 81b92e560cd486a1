package org.secheaders.domain.anomaly;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/** The one-line explanations of anomalies, and the number and duration formats they share. */
final class Explanations {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private Explanations() {
    }

    /** E.g. {@code 1,240/min vs expected 12 (upper 31, median ± 3·MAD over 24 h) for 5 consecutive minutes}. */
    static String rate(boolean rise, double observed, double expected, double bound, String baseline, int buckets,
            Duration width) {
        return String.format(Locale.ROOT, "%s%s vs expected %s (%s %s, %s) for %s", number(observed), perBucket(width),
                number(expected), rise ? "upper" : "lower", number(bound), baseline, consecutive(buckets, width));
    }

    /** E.g. {@code first reports for script-src evil.example since 2025-03-01T10:04:00Z: 37 in 60 min, ...}. */
    static String firstSighting(GroupKey group, Instant since, long reports, long peak, OptionalLong distinctClients,
            Duration window, Duration width) {
        String clients = distinctClients.isPresent()
                ? ", up to " + distinctClients.getAsLong() + " distinct clients per bucket"
                : "";
        return String.format(Locale.ROOT, "first reports for %s since %s: %s in %s, peak %s%s%s", group.label(), since,
                number(reports), duration(window), number(peak), perBucket(width), clients);
    }

    /** Whole numbers and anything from 100 up with thousands separators; smaller values to 1 decimal or 2 digits. */
    static String number(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        BigDecimal decimal = Math.abs(value) >= 1
                ? BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(value).round(new MathContext(2, RoundingMode.HALF_UP));
        return decimal.stripTrailingZeros().toPlainString();
    }

    static String probability(double value) {
        return String.format(Locale.ROOT, "%.1e", value);
    }

    /**
     * In the largest unit that gives a whole number of at least 2, so a day reads {@code 24 h} and an
     * hour {@code 60 min}: {@code 7 d}, {@code 24 h}, {@code 90 min}; durations under a whole minute in ISO-8601.
     */
    static String duration(Duration duration) {
        if (duration.toDays() >= 2 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + " d";
        }
        if (duration.toHours() >= 2 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return duration.toHours() + " h";
        }
        if (duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            return duration.toMinutes() + " min";
        }
        return duration.toString();
    }

    private static String perBucket(Duration width) {
        return width.equals(MINUTE) ? "/min" : " per " + duration(width);
    }

    private static String consecutive(int buckets, Duration width) {
        if (width.equals(MINUTE)) {
            return buckets + (buckets == 1 ? " minute" : " consecutive minutes");
        }
        return buckets + (buckets == 1 ? " bucket of " : " consecutive buckets of ") + duration(width);
    }
}
