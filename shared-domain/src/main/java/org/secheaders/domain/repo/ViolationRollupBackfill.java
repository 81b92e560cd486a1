package org.secheaders.domain.repo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.secheaders.domain.db.Dialect;
import org.secheaders.domain.db.UtcTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase change {@code 007-04-backfill-violation-minute-counts}: rolls up the violations stored
 * before the rollup existed into every level, one hour of receipts at a time (a GROUP BY over the {@code (created_at,
 * id)} index range), adding each hour's groups as the repository adds a batch's. It runs in the
 * changeset's transaction, before any server of this version writes violations (servers migrate
 * before they serve).
 */
public final class ViolationRollupBackfill implements CustomTaskChange {
    private static final Logger LOG = LoggerFactory.getLogger(ViolationRollupBackfill.class);
    private static final String RAW = " FROM security_violations";

    private long rolledUp;

    @Override
    public void execute(liquibase.database.Database database) throws CustomChangeException {
        if (!(database.getConnection() instanceof JdbcConnection jdbc)) {
            throw new CustomChangeException("the violation rollup backfill needs a JDBC connection");
        }
        try {
            Connection connection = jdbc.getUnderlyingConnection();
            Dialect dialect = Dialect.fromJdbcUrl(connection.getMetaData().getURL());
            Jdbi jdbi = Jdbi.create(connection);
            UtcTimestamps.install(jdbi);
            // Liquibase owns the transaction and commits it with the changeset.
            jdbi.getConfig(Handles.class).setForceEndTransactions(false);
            jdbi.useHandle(handle -> backfill(handle, dialect));
        } catch (SQLException | RuntimeException e) {
            throw new CustomChangeException("violation rollup backfill failed: " + e.getMessage(), e);
        }
    }

    private void backfill(Handle handle, Dialect dialect) {
        long total = handle.createQuery("SELECT COUNT(*)" + RAW).mapTo(Long.class).one();
        LOG.info("rolling up {} stored violations into the minute, hour and day counts", total);
        String minute = TimeBucket.MINUTE.truncate(dialect, "created_at");
        String hour = "SELECT tenant_id, " + minute + " AS bucket_start, violation_type, policy_directive, blocked_host,"
                + " CASE WHEN blocked_host IS NULL THEN blocked_uri END AS blocked_uri, severity_level,"
                + " threat_classification, COUNT(*) AS n, MIN(created_at) AS first_seen, MAX(created_at) AS last_seen,"
                + " MIN(id) AS lowest_id, MAX(id) AS highest_id" + RAW + " WHERE created_at >= :from AND created_at < :to"
                + " GROUP BY tenant_id, " + minute + ", violation_type, policy_directive, blocked_host,"
                + " CASE WHEN blocked_host IS NULL THEN blocked_uri END, severity_level, threat_classification";
        long lastLogged = 0;
        Optional<Instant> next = firstReceipt(handle, Optional.empty());
        while (next.isPresent()) {
            Instant from = next.get().truncatedTo(ChronoUnit.HOURS);
            Instant to = from.plus(1, ChronoUnit.HOURS);
            ViolationRollup.Additions additions = new ViolationRollup.Additions();
            handle.createQuery(hour).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> new Group(new ViolationRollup.Cell(rs.getLong("tenant_id"),
                            UtcTimestamps.read(rs, "bucket_start"), rs.getString("violation_type"),
                            rs.getString("policy_directive"), rs.getString("blocked_host"), rs.getString("blocked_uri"),
                            rs.getString("severity_level"), rs.getString("threat_classification")),
                            new ViolationRollup.Tally(rs.getLong("n"), UtcTimestamps.read(rs, "first_seen"),
                                    UtcTimestamps.read(rs, "last_seen"), rs.getLong("lowest_id"), rs.getLong("highest_id"))))
                    .forEach(group -> {
                        additions.add(group.cell(), group.tally());
                        rolledUp += group.tally().count();
                    });
            additions.writeTo(handle, dialect);
            if (rolledUp - lastLogged >= 100_000) {
                LOG.info("rolled up {} of {} violations (received up to {})", rolledUp, total, to);
                lastLogged = rolledUp;
            }
            next = firstReceipt(handle, Optional.of(to));
        }
        LOG.info("rolled up {} violations", rolledUp);
    }

    private record Group(ViolationRollup.Cell cell, ViolationRollup.Tally tally) {
    }

    /**
     * The earliest receipt of a stored violation (at or after {@code from}), if any. Not MIN(): H2
     * reads the whole rest of the range for a MIN with a lower bound, but stops at the first row here.
     */
    private static Optional<Instant> firstReceipt(Handle handle, Optional<Instant> from) {
        Query query = handle.createQuery("SELECT created_at" + RAW
                + (from.isPresent() ? " WHERE created_at >= :from" : "") + " ORDER BY created_at LIMIT 1");
        from.ifPresent(instant -> query.bind("from", instant));
        return query.map((rs, ctx) -> UtcTimestamps.read(rs, "created_at")).findOne();
    }

    @Override
    public String getConfirmationMessage() {
        return "rolled up " + rolledUp + " violations into the minute, hour and day counts";
    }

    @Override
    public void setUp() {
        // nothing to prepare
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        // reads no files
    }

    @Override
    public ValidationErrors validate(liquibase.database.Database database) {
        return new ValidationErrors();
    }
}
