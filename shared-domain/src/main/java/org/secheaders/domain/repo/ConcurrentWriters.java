package org.secheaders.domain.repo;

import java.sql.SQLException;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Transactions of the caches (judged windows, document counts) that several processes may write at once. */
final class ConcurrentWriters {
    /**
     * SQL states of a transaction that lost to a concurrent one: serialization failure or deadlock
     * (40001: PostgreSQL, MariaDB), deadlock (40P01: PostgreSQL), a key another transaction inserted
     * meanwhile (23505: H2's MERGE, PostgreSQL; 23000: MariaDB's duplicate key).
     */
    private static final Set<String> LOST_RACES = Set.of("40001", "40P01", "23505", "23000");
    private static final int ATTEMPTS = 5;

    private ConcurrentWriters() {
    }

    /** Runs {@code transaction} on {@code handle}, again while it loses to a concurrent writer (at most 5 times). */
    static void retried(Handle handle, HandleConsumer<RuntimeException> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                handle.useTransaction(transaction);
                return;
            } catch (UnableToExecuteStatementException e) {
                if (attempt == ATTEMPTS || !lostToAConcurrentWriter(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean lostToAConcurrentWriter(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOST_RACES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
