package org.secheaders.domain.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * How instants are stored: as UTC wall-clock values in {@code TIMESTAMP} / {@code DATETIME(6)}
 * columns, truncated to microseconds (the precision of every supported column type).
 *
 * <p>Any conversion through the JVM's time zone would make two processes in different zones
 * disagree, and would shift wall-clock times that fall into a daylight-saving gap of that zone.
 * So values are written as {@link LocalDateTime} in UTC and read with an explicit UTC calendar;
 * reading them back as {@code LocalDateTime} is not safe, the MariaDB driver routes that through
 * the JVM zone.
 */
public final class UtcTimestamps {
    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

    private UtcTimestamps() {
    }

    /** Binds every {@link Instant} argument of {@code jdbi} as a UTC {@link LocalDateTime}. */
    public static void install(Jdbi jdbi) {
        jdbi.registerArgument(new InstantArgumentFactory());
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        return readOptional(rs, column)
                .orElseThrow(() -> new SQLException("column " + column + " is unexpectedly null"));
    }

    public static Optional<Instant> readOptional(ResultSet rs, String column) throws SQLException {
        // A new calendar per call: Calendar is mutable and drivers may modify the one they are given.
        Timestamp timestamp = rs.getTimestamp(column, Calendar.getInstance(UTC));
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.TIMESTAMP);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            LocalDateTime utc = LocalDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
            return (position, statement, ctx) -> statement.setObject(position, utc);
        }
    }
}
