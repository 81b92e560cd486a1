package org.secheaders.domain.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeSetStatus;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies and reverts the Liquibase history {@value #CHANGELOG}.
 *
 * <p>Liquibase runs in a scope that keeps stdout clean (stdio MCP servers speak their protocol
 * there): its messages and update summary go to SLF4J instead of the console, and its usage
 * analytics are off.
 */
public final class Migrations {
    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static CompletableFuture<Optional<Set<ChangelogIndex.ChangeSetId>>> changelogIndex;

    private final DataSource dataSource;

    public Migrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One changeset of the history and whether it has been applied to this database. */
    public record ChangeSetState(String id, String author, String changelog, boolean applied, Optional<Instant> appliedAt) {
    }

    /** Applies every changeset not yet applied. */
    public void migrate() {
        withLiquibase("migrate", liquibase -> {
            liquibase.update(new Contexts(), new LabelExpression());
            return null;
        });
    }

    /**
     * Applies pending changesets, but starts Liquibase only when {@code DATABASECHANGELOG} lacks a
     * changeset of the history: a server starting on a current schema then pays one query instead of
     * Liquibase's start-up (class loading, changelog parsing, lock table), which was most of a cold start.
     * Unlike {@link #migrate}, a current schema's checksums are not compared; {@code secheaders db
     * migrate} and {@code db status} still do that.
     *
     * @return whether Liquibase ran
     */
    public boolean migrateIfBehind() {
        Optional<Set<ChangelogIndex.ChangeSetId>> history = changelogIndex().join();
        if (history.isPresent() && recorded().containsAll(history.get())) {
            LOG.info("schema up to date ({} changesets recorded), Liquibase not started", history.get().size());
            return false;
        }
        migrate();
        return true;
    }

    /**
     * Starts reading the changelog's changeset ids on another thread for a later {@link #migrateIfBehind()}:
     * parsing the YAML is a good part of a server's start and needs no database, so it can overlap opening it.
     */
    public static void readChangelogAhead() {
        changelogIndex();
    }

    /** Read once per process: the changelog is a resource of this jar. */
    private static synchronized CompletableFuture<Optional<Set<ChangelogIndex.ChangeSetId>>> changelogIndex() {
        if (changelogIndex == null) {
            changelogIndex = CompletableFuture.supplyAsync(() -> ChangelogIndex.read(Migrations.class.getClassLoader(), CHANGELOG));
        }
        return changelogIndex;
    }

    /** The changesets Liquibase recorded as applied; none on a database it never touched. */
    private Set<ChangelogIndex.ChangeSetId> recorded() {
        Set<ChangelogIndex.ChangeSetId> recorded = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT ID, AUTHOR, FILENAME FROM DATABASECHANGELOG")) {
            while (rs.next()) {
                recorded.add(new ChangelogIndex.ChangeSetId(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            LOG.debug("no migration history readable ({}): letting Liquibase decide", e.getMessage());
        }
        return recorded;
    }

    /** Reverts the {@code count} most recently applied changesets. */
    public void rollback(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("rollback count must not be negative: " + count);
        }
        if (count == 0) {
            return;
        }
        withLiquibase("rollback", liquibase -> {
            liquibase.rollback(count, (String) null);
            return null;
        });
    }

    /** Reverts every applied changeset, leaving only Liquibase's own bookkeeping tables. */
    public void rollbackAll() {
        rollback((int) status().stream().filter(ChangeSetState::applied).count());
    }

    /** Every changeset of the history, in order. */
    public List<ChangeSetState> status() {
        return withLiquibase("status", liquibase -> liquibase
                .getChangeSetStatuses(new Contexts(), new LabelExpression())
                .stream()
                .map(Migrations::state)
                .toList());
    }

    private static ChangeSetState state(ChangeSetStatus status) {
        Optional<Instant> appliedAt = Optional.ofNullable(status.getDateLastExecuted()).map(Date::toInstant);
        return new ChangeSetState(status.getChangeSet().getId(), status.getChangeSet().getAuthor(),
                status.getChangeSet().getFilePath(), status.getPreviouslyRan(), appliedAt);
    }

    @FunctionalInterface
    private interface LiquibaseWork<T> {
        T run(Liquibase liquibase) throws Exception;
    }

    @SuppressWarnings("try") // Liquibase's resource accessor declares close() throws Exception
    private <T> T withLiquibase(String operation, LiquibaseWork<T> work) {
        Map<String, Object> scope = Map.of(
                Scope.Attr.logService.name(), new Slf4jLogService(),
                Scope.Attr.ui.name(), new LoggerUIService(),
                // The update summary otherwise goes straight to System.out.
                "liquibase.command.showSummaryOutput", UpdateSummaryOutputEnum.LOG,
                AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE);
        try (Connection connection = dataSource.getConnection();
             ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(Migrations.class.getClassLoader())) {
            return Scope.child(scope, () -> {
                liquibase.database.Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                LOG.debug("liquibase {} on {}", operation, database.getShortName());
                return work.run(new Liquibase(CHANGELOG, resources, database));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("database migration (" + operation + ") could not connect: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("database migration (" + operation + ") failed: " + e.getMessage(), e);
        }
    }
}
