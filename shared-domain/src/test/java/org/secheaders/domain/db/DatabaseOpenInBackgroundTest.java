package org.secheaders.domain.db;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database#openInBackground}: what callers see before, after and instead of an open pool. */
class DatabaseOpenInBackgroundTest {

    @TempDir
    Path dir;

    @Test
    void theStepRunsOnceThePoolIsOpenAndConnectionsWaitForIt() throws SQLException {
        try (Database database = Database.openInBackground(DatabaseConfig.h2(dir), Clock.systemUTC(),
                opened -> opened.migrations().migrate())) {
            // Asked for at once: waits for the pool and the migrations rather than failing or meeting an empty schema.
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet tenants = statement.executeQuery("SELECT COUNT(*) FROM tenants")) {
                assertTrue(tenants.next());
            }
            database.awaitOpen();
            assertTrue(database.migrations().status().stream().allMatch(Migrations.ChangeSetState::applied),
                    "the step migrated the database before awaitOpen returned");
        }
    }

    @Test
    void aFailingStepIsRethrownByAwaitOpenAndClosesThePool() {
        IllegalStateException failure = new IllegalStateException("migration check failed");
        Database database = Database.openInBackground(DatabaseConfig.h2(dir), Clock.systemUTC(), opened -> {
            throw failure;
        });
        assertSame(failure, assertThrows(IllegalStateException.class, database::awaitOpen));
        assertThrows(SQLException.class, () -> database.dataSource().getConnection().close());
        database.close();
    }

    @Test
    void anUnreachableDatabaseFailsAwaitOpenAndEveryConnectionNamingWhy() {
        DatabaseConfig unreachable = new DatabaseConfig("jdbc:postgresql://127.0.0.1:1/none", Optional.of("nobody"),
                Optional.empty(), 1, dir);
        Database database = Database.openInBackground(unreachable, Clock.systemUTC(),
                opened -> fail("the step runs only on an open database"));
        assertThrows(RuntimeException.class, database::awaitOpen);
        SQLException refused = assertThrows(SQLException.class, () -> database.dataSource().getConnection().close());
        assertTrue(refused.getMessage().startsWith("the database could not be opened: "), refused::getMessage);
        database.close();
    }
}
