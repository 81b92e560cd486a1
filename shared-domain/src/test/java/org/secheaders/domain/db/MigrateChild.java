package org.secheaders.domain.db;

import java.nio.file.Path;

/** Opens a fresh H2 database and runs every migration operation, for {@link H2AutoServerTest}'s stdout check. */
public final class MigrateChild {
    private MigrateChild() {
    }

    /** Argument: data directory. */
    public static void main(String[] args) {
        try (Database database = Database.open(DatabaseConfig.h2(Path.of(args[0])))) {
            Migrations migrations = database.migrations();
            migrations.migrate();
            migrations.status();
            migrations.rollbackAll();
            migrations.migrate();
        }
    }
}
