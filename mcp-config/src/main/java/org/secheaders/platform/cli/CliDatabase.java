package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.Migrations;
import org.secheaders.platform.config.PlatformConfig;

/** Opens the configured database for one command. */
final class CliDatabase {

    private CliDatabase() {
    }

    /** Fails fast when the database is unreachable. */
    static Database open(PlatformConfig config) {
        return Database.open(config.databaseConfig());
    }

    /**
     * For commands that read or write tables: an unmigrated database would only produce SQL errors,
     * so this says what to run instead.
     */
    static Database openMigrated(PlatformConfig config, CliContext context) {
        Database database = open(config);
        try {
            MigrationCounts counts = MigrationCounts.of(database.migrations().status());
            if (!counts.upToDate()) {
                throw new IllegalStateException("the database " + database.config().redactedUrl() + " is not up to date ("
                        + counts.describe() + "); run '" + context.invocation() + " db migrate' first");
            }
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Applies pending migrations, telling {@code progress} what it is doing. */
    static MigrationRun migrate(Database database, PrintWriter progress) {
        MigrationCounts before = MigrationCounts.of(database.migrations().status());
        progress.println("Migrating " + database.config().redactedUrl() + ": " + before.pending() + " pending changesets...");
        progress.flush();
        long started = System.nanoTime();
        database.migrations().migrate();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new MigrationRun(before, MigrationCounts.of(database.migrations().status()), took);
    }

    record MigrationRun(MigrationCounts before, MigrationCounts after, Duration took) {
        long appliedNow() {
            return after.applied() - before.applied();
        }
    }

    /** How much of the migration history a database has. */
    record MigrationCounts(long applied, long total) {

        static MigrationCounts of(List<Migrations.ChangeSetState> states) {
            return new MigrationCounts(states.stream().filter(Migrations.ChangeSetState::applied).count(), states.size());
        }

        boolean upToDate() {
            return applied == total;
        }

        long pending() {
            return total - applied;
        }

        String describe() {
            return applied + " of " + total + " changesets applied";
        }
    }
}
