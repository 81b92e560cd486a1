package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceReport;
import org.secheaders.domain.model.ComplianceReportFormat;
import org.secheaders.domain.model.ComplianceReportInfo;

/**
 * Generated compliance reports. A tenant scope sees its tenant's reports; platform-wide reports
 * (no tenant) need the platform scope, like security reports.
 */
public final class ComplianceReportRepository {
    /** The content length is computed by the database so that listings never read the content. */
    private static final String INFO_COLUMNS = "id, tenant_id, title, report_format, frameworks, target, "
            + "OCTET_LENGTH(content) AS content_length, created_by, created_at";
    private static final String INSERT = """
            INSERT INTO compliance_reports (tenant_id, title, report_format, frameworks, target, summary, content,
                created_by, created_at)
            VALUES (:tenant_id, :title, :report_format, :frameworks, :target, :summary, :content, :created_by, :now)""";

    private final ReportTable<ComplianceReport, ComplianceReportInfo> table;

    public ComplianceReportRepository(Jdbi jdbi, Clock clock) {
        this.table = new ReportTable<>(jdbi, clock, "compliance_reports", INFO_COLUMNS, INSERT,
                ComplianceReportRepository::map, ComplianceReportRepository::mapInfo);
    }

    /** @throws TenantAccessDeniedException if the report's tenant (or, for none, the platform) is outside {@code scope} */
    public ComplianceReport insert(TenantScope scope, ComplianceReport.Draft draft) {
        return table.insert(scope, new ReportTable.Row(draft.tenantId(), draft.title(), draft.format().wireName(),
                        draft.summary(), draft.content(), draft.createdBy()),
                update -> update.bind("frameworks", draft.frameworks().stream().map(ComplianceFramework::wireName)
                        .collect(Collectors.joining(","))).bind("target", draft.target()));
    }

    public Optional<ComplianceReport> findById(TenantScope scope, long id) {
        return table.findById(scope, id);
    }

    /**
     * The newest report of the same scope as a new one would have: the same tenant (empty: platform-wide)
     * and target; what a trend compares against.
     */
    public Optional<ComplianceReport> latest(TenantScope scope, Optional<Long> tenantId, String target) {
        scope.requireAccess(tenantId);
        Where where = Where.scoped(scope).and("target = :target", "target", target);
        return table.newest(tenantId.isPresent() ? where.and("tenant_id = :tenant_id", "tenant_id", tenantId.get())
                : where.and("tenant_id IS NULL"));
    }

    /** The reports the scope can see, newest first, without their content. */
    public Page<ComplianceReportInfo> list(TenantScope scope, PageRequest page) {
        return table.list(scope, page);
    }

    private static ComplianceReport map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ComplianceReport(mapInfo(rs, ctx), Json.readObject(rs.getString("summary")), rs.getBytes("content"));
    }

    private static ComplianceReportInfo mapInfo(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ComplianceReportInfo(
                rs.getLong("id"),
                Rows.optionalLong(rs, "tenant_id"),
                rs.getString("title"),
                ComplianceReportFormat.fromWire(rs.getString("report_format")),
                Arrays.stream(rs.getString("frameworks").split(",")).map(ComplianceFramework::fromWire).toList(),
                rs.getString("target"),
                rs.getInt("content_length"),
                rs.getString("created_by"),
                UtcTimestamps.read(rs, "created_at"));
    }
}
