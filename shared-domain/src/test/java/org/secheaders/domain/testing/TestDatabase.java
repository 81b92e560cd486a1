package org.secheaders.domain.testing;

import org.secheaders.domain.db.Database;

/** A database created for a test; closing it closes the pool and drops the database (or deletes the H2 files). */
public final class TestDatabase implements AutoCloseable {
    private final DbKind kind;
    private final Database database;
    private final Runnable drop;

    TestDatabase(DbKind kind, Database database, Runnable drop) {
        this.kind = kind;
        this.database = database;
        this.drop = drop;
    }

    public DbKind kind() {
        return kind;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            drop.run();
        }
    }
}
