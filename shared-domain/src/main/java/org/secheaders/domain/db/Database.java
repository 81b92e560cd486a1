package org.secheaders.domain.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.secheaders.domain.repo.AnomalyWindowRepository;
import org.secheaders.domain.repo.ApiTokenRepository;
import org.secheaders.domain.repo.AuditLogRepository;
import org.secheaders.domain.repo.ComplianceCheckRepository;
import org.secheaders.domain.repo.ComplianceEventRepository;
import org.secheaders.domain.repo.ComplianceScheduleRepository;
import org.secheaders.domain.repo.ComplianceReportRepository;
import org.secheaders.domain.repo.IncidentRepository;
import org.secheaders.domain.repo.MetricRepository;
import org.secheaders.domain.repo.PolicyRepository;
import org.secheaders.domain.repo.PolicyVersionRepository;
import org.secheaders.domain.repo.SecurityReportRepository;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.ViolationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open database: a HikariCP pool, {@link Jdbi} on top of it and the repositories. One per
 * process; close it on shutdown. Opening does not migrate: call {@code migrations().migrate()}.
 * {@link #openInBackground} returns before the pool is open, so a server can wire its tools meanwhile.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseConfig config;
    private final CompletableFuture<HikariDataSource> pool;
    private final CompletableFuture<Void> ready;
    private final PendingDataSource dataSource;
    private final Jdbi jdbi;
    private final Clock clock;
    private final TenantRepository tenants;
    private final ViolationRepository violations;
    private final ComplianceCheckRepository complianceChecks;
    private final MetricRepository metrics;
    private final PolicyRepository policies;
    private final PolicyVersionRepository policyVersions;
    private final IncidentRepository incidents;
    private final AuditLogRepository auditLog;
    private final ApiTokenRepository apiTokens;
    private final SecurityReportRepository reports;
    private final ComplianceEventRepository complianceEvents;
    private final ComplianceScheduleRepository complianceSchedule;
    private final ComplianceReportRepository complianceReports;
    private final AnomalyWindowRepository anomalyWindows;

    private Database(DatabaseConfig config, CompletableFuture<HikariDataSource> pool, CompletableFuture<Void> ready,
            Thread opener, Clock clock) {
        this.config = config;
        this.pool = pool;
        this.ready = ready;
        this.dataSource = new PendingDataSource(pool, ready, opener);
        this.clock = clock;
        this.jdbi = Jdbi.create(dataSource);
        UtcTimestamps.install(jdbi);
        Dialect dialect = config.dialect();
        this.auditLog = new AuditLogRepository(jdbi, clock);
        this.policyVersions = new PolicyVersionRepository(jdbi);
        this.tenants = new TenantRepository(jdbi, clock, policyVersions);
        this.violations = new ViolationRepository(jdbi, dialect, clock);
        this.complianceChecks = new ComplianceCheckRepository(jdbi, dialect, clock, auditLog);
        this.metrics = new MetricRepository(jdbi, dialect);
        this.policies = new PolicyRepository(jdbi, clock, policyVersions, auditLog);
        this.incidents = new IncidentRepository(jdbi, clock);
        this.apiTokens = new ApiTokenRepository(jdbi, clock);
        this.reports = new SecurityReportRepository(jdbi, clock);
        this.complianceEvents = new ComplianceEventRepository(jdbi);
        this.complianceSchedule = new ComplianceScheduleRepository(jdbi);
        this.complianceReports = new ComplianceReportRepository(jdbi, clock);
        this.anomalyWindows = new AnomalyWindowRepository(jdbi, dialect, clock);
    }

    public static Database open(DatabaseConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** Opens the pool (failing fast if the database is unreachable); {@code clock} stamps created/updated times. */
    public static Database open(DatabaseConfig config, Clock clock) {
        return new Database(config, CompletableFuture.completedFuture(openPool(config)),
                CompletableFuture.completedFuture(null), null, clock);
    }

    /**
     * Returns at once and opens the pool on a new thread, then runs {@code whenOpen} there (e.g. the
     * migration check). Connections asked for meanwhile by other threads wait for both; {@link #awaitOpen()} waits
     * for both steps and rethrows what failed, after which the pool is closed.
     */
    public static Database openInBackground(DatabaseConfig config, Clock clock, Consumer<Database> whenOpen) {
        CompletableFuture<HikariDataSource> pool = new CompletableFuture<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        CompletableFuture<Database> wired = new CompletableFuture<>();
        // Started before the repositories are made, so Hikari and the driver load while this thread loads Jdbi.
        Thread opener = new Thread(() -> {
            try {
                pool.complete(openPool(config));
                whenOpen.accept(wired.join());
                ready.complete(null);
            } catch (RuntimeException | Error e) {
                if (!pool.completeExceptionally(e)) {
                    closePool(config, pool.join());
                }
                ready.completeExceptionally(e);
            }
        }, "secheaders-db-open");
        opener.setDaemon(true);
        opener.start();
        try {
            Database database = new Database(config, pool, ready, opener, clock);
            wired.complete(database);
            return database;
        } catch (RuntimeException | Error e) {
            wired.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Waits until the database opened by {@link #openInBackground} is open and its {@code whenOpen} step done.
     *
     * @throws RuntimeException the failure of either step, as thrown there
     */
    public void awaitOpen() {
        try {
            ready.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static HikariDataSource openPool(DatabaseConfig config) {
        if (config.dialect() == Dialect.H2) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
            }
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("secheaders-db");
        hikari.setJdbcUrl(config.url());
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(config.poolSize());
        // One idle connection, more on demand: filling the pool to its maximum at once took CPU from a
        // server's start (up to nine more H2 sessions opened while it was wiring its tools).
        hikari.setMinimumIdle(1);
        if (config.dialect() == Dialect.POSTGRESQL) {
            // Turns a JDBC batch into multi-row INSERTs: several times faster for violation batches.
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            // Parallel workers are processes started per query: on two cores they cost 30-40 ms per rollup read
            // that takes 1-5 ms alone, and made the raw scans of a day or a week 3x slower (BENCHMARKS.md).
            hikari.setConnectionInitSql("SET max_parallel_workers_per_gather = 0");
        }
        if (config.dialect() == Dialect.H2) {
            // Processes opening one H2 file at the same moment (MCP hosts start several servers at once)
            // race for its lock file, and the losers fail with "Lock file recently modified" instead of
            // waiting for the winner to become the AUTO_SERVER; Hikari retries the first connection
            // until this timeout, by which time the winner serves the file.
            hikari.setInitializationFailTimeout(H2_OPEN_RETRY.toMillis());
        }
        HikariDataSource dataSource = new HikariDataSource(hikari);
        LOG.info("database opened: {} ({})", config.redactedUrl(), config.dialect());
        return dataSource;
    }

    /** How long an H2 open is retried while another process is opening the same file (see {@link #open}). */
    static final Duration H2_OPEN_RETRY = Duration.ofSeconds(20);

    public DatabaseConfig config() {
        return config;
    }

    public Dialect dialect() {
        return config.dialect();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Clock clock() {
        return clock;
    }

    public Migrations migrations() {
        return new Migrations(dataSource);
    }

    public TenantRepository tenants() {
        return tenants;
    }

    public ViolationRepository violations() {
        return violations;
    }

    public ComplianceCheckRepository complianceChecks() {
        return complianceChecks;
    }

    public MetricRepository metrics() {
        return metrics;
    }

    public PolicyRepository policies() {
        return policies;
    }

    public PolicyVersionRepository policyVersions() {
        return policyVersions;
    }

    public IncidentRepository incidents() {
        return incidents;
    }

    public AuditLogRepository auditLog() {
        return auditLog;
    }

    public ApiTokenRepository apiTokens() {
        return apiTokens;
    }

    public SecurityReportRepository reports() {
        return reports;
    }

    public ComplianceEventRepository complianceEvents() {
        return complianceEvents;
    }

    public ComplianceScheduleRepository complianceSchedule() {
        return complianceSchedule;
    }

    public AnomalyWindowRepository anomalyWindows() {
        return anomalyWindows;
    }

    public ComplianceReportRepository complianceReports() {
        return complianceReports;
    }

    /** Waits for a pool still opening in the background; a pool that never opened has nothing to close. */
    @Override
    public void close() {
        HikariDataSource opened = pool.handle((dataSource, failure) -> dataSource).join();
        if (opened != null && !opened.isClosed()) {
            closePool(config, opened);
        }
    }

    private static void closePool(DatabaseConfig config, HikariDataSource pool) {
        pool.close();
        LOG.info("database closed: {}", config.redactedUrl());
    }
}
