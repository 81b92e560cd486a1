package org.secheaders.domain.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;

class PostgresSessionTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = "POSTGRESQL")
    void pooledSessionsRunWithoutParallelWorkers(DbKind kind) {
        Database db = DATABASES.get(kind);
        // Every connection of the pool, not only the first: hold several at once.
        List<Handle> handles = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                handles.add(db.jdbi().open());
            }
            for (Handle handle : handles) {
                assertEquals("0", handle.createQuery("SHOW max_parallel_workers_per_gather").mapTo(String.class).one());
            }
        } finally {
            handles.forEach(Handle::close);
        }
    }
}
