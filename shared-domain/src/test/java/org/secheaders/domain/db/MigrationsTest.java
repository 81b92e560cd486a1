package org.secheaders.domain.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;

class MigrationsTest {
    private static final Set<String> TABLES = Set.of("tenants", "policy_version_clock", "tenant_policy_versions",
            "tenant_security_policies", "security_violations", "compliance_checks", "security_metrics",
            "security_incidents", "incident_events", "audit_log", "api_tokens", "collector_checkpoints",
            "security_reports", "compliance_reports", "compliance_events", "compliance_schedule_claims",
            "violation_minute_counts", "violation_hour_counts", "violation_day_counts", "anomaly_window_findings",
            "violation_document_buckets", "violation_document_counts");
    /** The changesets of changes/002-collector.yaml. */
    private static final int COLLECTOR_CHANGESETS = 1;
    /** The changesets of changes/003-security-reports.yaml. */
    private static final int SECURITY_REPORT_CHANGESETS = 3;
    /** The changesets of changes/004-compliance-reports.yaml. */
    private static final int COMPLIANCE_REPORT_CHANGESETS = 3;
    /** The changesets of changes/005-compliance-events.yaml. */
    private static final int COMPLIANCE_EVENT_CHANGESETS = 6;
    /** The changesets of changes/006-analytics-indexes.yaml. */
    private static final int ANALYTICS_INDEX_CHANGESETS = 3;
    /** The changesets of changes/007-violation-rollups.yaml. */
    private static final int ROLLUP_CHANGESETS = 4;
    /** The changesets of changes/008-anomaly-window-findings.yaml. */
    private static final int WINDOW_FINDINGS_CHANGESETS = 3;
    /** The changesets of changes/009-violation-document-counts.yaml, the latest file of the history. */
    private static final int DOCUMENT_COUNT_CHANGESETS = 2;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migratesRollsBackEverythingAndMigratesAgain(DbKind kind) throws SQLException {
        try (TestDatabase test = TestDatabases.createUnmigrated(kind)) {
            Database database = test.database();
            Migrations migrations = database.migrations();
            assertTrue(migrations.status().stream().noneMatch(Migrations.ChangeSetState::applied));
            assertTrue(tables(database).stream().noneMatch(TABLES::contains));

            migrations.migrate();
            List<Migrations.ChangeSetState> applied = migrations.status();
            assertFalse(applied.isEmpty());
            assertTrue(applied.stream().allMatch(s -> s.applied() && s.appliedAt().isPresent()), applied::toString);
            assertTrue(tables(database).containsAll(TABLES));

            migrations.rollbackAll();
            assertTrue(migrations.status().stream().noneMatch(Migrations.ChangeSetState::applied));
            assertTrue(tables(database).stream().noneMatch(TABLES::contains), () -> tables(database).toString());

            migrations.migrate();
            assertTrue(tables(database).containsAll(TABLES));
            assertEquals(applied.stream().map(Migrations.ChangeSetState::id).toList(),
                    migrations.status().stream().map(Migrations.ChangeSetState::id).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollbackCountRevertsTheLatestChangesets(DbKind kind) throws SQLException {
        try (TestDatabase test = TestDatabases.create(kind)) {
            Migrations migrations = test.database().migrations();
            List<Migrations.ChangeSetState> before = migrations.status();

            int reverted = DOCUMENT_COUNT_CHANGESETS + WINDOW_FINDINGS_CHANGESETS + ROLLUP_CHANGESETS + ANALYTICS_INDEX_CHANGESETS
                    + COMPLIANCE_EVENT_CHANGESETS + COMPLIANCE_REPORT_CHANGESETS + SECURITY_REPORT_CHANGESETS
                    + COLLECTOR_CHANGESETS + 2;
            migrations.rollback(reverted);

            List<Migrations.ChangeSetState> after = migrations.status();
            int kept = after.size() - reverted;
            assertTrue(after.subList(0, kept).stream().allMatch(Migrations.ChangeSetState::applied));
            assertTrue(after.subList(kept, after.size()).stream().noneMatch(Migrations.ChangeSetState::applied),
                    "the document counts, the judged anomaly windows, the violation rollup, the analytics indexes, compliance events, compliance_reports, security_reports, collector_checkpoints, then api_tokens and its foreign key are reverted");
            assertFalse(tables(test.database()).contains("violation_document_counts"));
            assertFalse(tables(test.database()).contains("violation_document_buckets"));
            assertFalse(tables(test.database()).contains("anomaly_window_findings"));
            assertFalse(tables(test.database()).contains("violation_minute_counts"));
            assertFalse(tables(test.database()).contains("violation_hour_counts"));
            assertFalse(tables(test.database()).contains("violation_day_counts"));
            assertFalse(tables(test.database()).contains("compliance_events"));
            assertFalse(tables(test.database()).contains("compliance_schedule_claims"));
            assertFalse(tables(test.database()).contains("compliance_reports"));
            assertFalse(tables(test.database()).contains("security_reports"));
            assertFalse(tables(test.database()).contains("collector_checkpoints"));
            assertFalse(tables(test.database()).contains("api_tokens"));
            assertTrue(tables(test.database()).contains("audit_log"));
            assertEquals(before.size(), after.size());
            assertThrows(IllegalArgumentException.class, () -> migrations.rollback(-1));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migrateIfBehindStartsLiquibaseOnlyWhenAChangesetIsNotRecorded(DbKind kind) throws SQLException {
        try (TestDatabase test = TestDatabases.createUnmigrated(kind)) {
            Migrations migrations = test.database().migrations();

            assertTrue(migrations.migrateIfBehind(), "a fresh database has no history: Liquibase migrates it");
            assertTrue(migrations.status().stream().allMatch(Migrations.ChangeSetState::applied));
            assertFalse(migrations.migrateIfBehind(), "every changeset is recorded: nothing to start Liquibase for");

            migrations.rollback(1);
            assertTrue(migrations.migrateIfBehind(), "the reverted changeset is pending again");
            assertTrue(migrations.status().stream().allMatch(Migrations.ChangeSetState::applied));
            assertTrue(tables(test.database()).containsAll(TABLES));
        }
    }

    static Set<String> tables(Database database) {
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            Set<String> names = new HashSet<>();
            try (ResultSet rs = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
