package org.secheaders.platform.data;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.secheaders.domain.db.Database;
import org.secheaders.platform.observability.ReadinessCheck;

/** Whether the database answers: the readiness probe of every server and the CLI's health check. */
public final class DatabaseHealth {

    public static final String CHECK_NAME = "database";
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private DatabaseHealth() {
    }

    /** @throws SQLException when no connection is to be had or it does not answer in time */
    public static void ping(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                throw new SQLException("the database did not answer within " + VALIDATION_TIMEOUT_SECONDS + " s");
            }
        }
    }

    /** {@code /health/ready} reports {@value #CHECK_NAME} DOWN while {@link #ping} fails. */
    public static ReadinessCheck readinessCheck(Database database) {
        return new ReadinessCheck(CHECK_NAME, () -> ping(database.dataSource()));
    }
}
