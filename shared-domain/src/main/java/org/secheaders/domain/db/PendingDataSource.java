package org.secheaders.domain.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool of a {@link Database} that may still be opening on another thread: every call waits for
 * it and for the step run once it is open (the migrations), and fails with the reason when either
 * failed. Only the opening thread itself gets the pool before that step is done, since it runs it:
 * any other early caller (a poller, a scheduler, a benchmark) would otherwise meet a schema that is
 * not yet migrated.
 */
final class PendingDataSource implements DataSource {

    private final CompletableFuture<HikariDataSource> pool;
    private final CompletableFuture<Void> ready;
    private final Thread opener;

    /** @param opener the thread that opens the pool and runs the step; null when both are done already */
    PendingDataSource(CompletableFuture<HikariDataSource> pool, CompletableFuture<Void> ready, Thread opener) {
        this.pool = pool;
        this.ready = ready;
        this.opener = opener;
    }

    private HikariDataSource pool() throws SQLException {
        try {
            if (Thread.currentThread() != opener) {
                ready.join();
            }
            return pool.join();
        } catch (CompletionException e) {
            throw new SQLException("the database could not be opened: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool().isWrapperFor(type);
    }
}
