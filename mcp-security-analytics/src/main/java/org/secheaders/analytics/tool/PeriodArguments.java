package org.secheaders.analytics.tool;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.secheaders.analytics.service.TimeRange;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolInputException;

/** Reads the {@code start_date} / {@code end_date} arguments the analysis tools share. */
final class PeriodArguments {

    static final String START = "start_date";
    static final String END = "end_date";

    /** The schema properties, with the default stated in the descriptions. */
    static String schema(String defaultPeriod) {
        return """
                "start_date": {"type": "string", "description": "Start of the period, inclusive: an ISO-8601 instant (2026-01-31T12:00:00Z) or a UTC date (2026-01-31). Default: %1$s before end_date."},
                "end_date": {"type": "string", "description": "End of the period, exclusive: an ISO-8601 instant or a UTC date. Default: now."}"""
                .formatted(defaultPeriod);
    }

    private PeriodArguments() {
    }

    /**
     * @param shortest the shortest period accepted
     * @param longest  the longest period accepted
     */
    static TimeRange read(ToolArguments arguments, Instant now, Duration defaultLength, Duration shortest,
            Duration longest) {
        Instant end = instant(arguments, END).orElse(now);
        Instant start = instant(arguments, START).orElse(end.minus(defaultLength));
        if (!start.isBefore(end)) {
            throw new ToolInputException(START, "must be before end_date " + end + ", got " + start);
        }
        Duration length = Duration.between(start, end);
        if (length.compareTo(longest) > 0) {
            throw new ToolInputException(START, "must be at most " + describe(longest) + " before end_date, got "
                    + describe(length));
        }
        if (length.compareTo(shortest) < 0) {
            throw new ToolInputException(START, "must be at least " + describe(shortest) + " before end_date, got "
                    + describe(length));
        }
        return new TimeRange(start, end);
    }

    /** An ISO-8601 instant, or a date meaning its start in UTC. */
    static Optional<Instant> instant(ToolArguments arguments, String name) {
        return arguments.optionalString(name).map(text -> {
            try {
                return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new ToolInputException(name, "must be an ISO-8601 instant (2026-01-31T12:00:00Z) or date (2026-01-31), got '"
                        + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
            }
        });
    }

    private static String describe(Duration duration) {
        if (duration.toHours() >= 48 && duration.toHours() % 24 == 0) {
            return duration.toDays() + " days";
        }
        return duration.toMinutes() >= 120 ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
    }
}
