package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads nullable columns as {@link Optional}s for the row mappers. */
final class Rows {
    /** Size of the {@code last_error} columns. */
    static final int MAX_ERROR_LENGTH = 1024;

    private Rows() {
    }

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /** An error message cut to a {@code VARCHAR(1024)} column. */
    static String errorText(String message) {
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}
