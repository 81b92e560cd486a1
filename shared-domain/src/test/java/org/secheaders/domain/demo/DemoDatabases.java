package org.secheaders.domain.demo;

import java.nio.file.Path;
import java.time.Clock;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;

/** Opens a migrated H2 file database like the one {@code secheaders demo} seeds by default. */
final class DemoDatabases {
    private DemoDatabases() {
    }

    static Database migratedH2(Path dataDir, Clock clock) {
        Database database = Database.open(DatabaseConfig.h2(dataDir), clock);
        database.migrations().migrate();
        return database;
    }
}
