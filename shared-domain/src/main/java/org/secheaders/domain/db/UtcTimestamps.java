package org.secheaders.domain.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * How instants are stored: as UTC wall-clock values in {@code TIMESTAMP} / {@code DATETIME(6)}
 * columns, exchanged with the drivers as {@link LocalDateTime}. Going through
 * {@code java.sql.Timestamp} instead would apply the JVM's time zone, so two processes in
 * different zones, or one instant inside a daylight-saving gap, would read back a different time.
 * Values are truncated to microseconds, the precision of every supported column type.
 */
public final class UtcTimestamps {
    private UtcTimestamps() {
    }

    /** Binds every {@link Instant} argument of {@code jdbi} as a UTC {@link LocalDateTime}. */
    static void install(Jdbi jdbi) {
        jdbi.registerArgument(new InstantArgumentFactory());
    }

    public static LocalDateTime toUtc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        return readOptional(rs, column)
                .orElseThrow(() -> new SQLException("column " + column + " is unexpectedly null"));
    }

    public static Optional<Instant> readOptional(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, LocalDateTime.class)).map(t -> t.toInstant(ZoneOffset.UTC));
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.TIMESTAMP);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            LocalDateTime utc = toUtc(value);
            return (position, statement, ctx) -> statement.setObject(position, utc);
        }
    }
}
