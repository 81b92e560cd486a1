package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.SecurityReport;
import org.secheaders.domain.model.SecurityReportFormat;
import org.secheaders.domain.model.SecurityReportInfo;

/**
 * Generated security reports. A tenant scope sees its tenant's reports; platform-wide reports
 * (no tenant) need the platform scope, like platform-wide audit entries.
 */
public final class SecurityReportRepository {
    private static final String INFO_COLUMNS =
            "id, tenant_id, title, report_format, period_start, period_end, created_by, created_at";
    private static final String INSERT = """
            INSERT INTO security_reports (tenant_id, title, report_format, period_start, period_end, summary,
                content, created_by, created_at)
            VALUES (:tenant_id, :title, :report_format, :period_start, :period_end, :summary,
                :content, :created_by, :now)""";

    private final ReportTable<SecurityReport, SecurityReportInfo> table;

    public SecurityReportRepository(Jdbi jdbi, Clock clock) {
        this.table = new ReportTable<>(jdbi, clock, "security_reports", INFO_COLUMNS, INSERT,
                SecurityReportRepository::map, SecurityReportRepository::mapInfo);
    }

    /** @throws TenantAccessDeniedException if the report's tenant (or, for none, the platform) is outside {@code scope} */
    public SecurityReport insert(TenantScope scope, SecurityReport.Draft draft) {
        return table.insert(scope, new ReportTable.Row(draft.tenantId(), draft.title(), draft.format().wireName(),
                        draft.summary(), draft.content(), draft.createdBy()),
                update -> update.bind("period_start", draft.periodStart()).bind("period_end", draft.periodEnd()));
    }

    public Optional<SecurityReport> findById(TenantScope scope, long id) {
        return table.findById(scope, id);
    }

    /** The reports the scope can see, newest first, without their content. */
    public Page<SecurityReportInfo> list(TenantScope scope, PageRequest page) {
        return table.list(scope, page);
    }

    private static SecurityReport map(ResultSet rs, StatementContext ctx) throws SQLException {
        SecurityReportInfo info = mapInfo(rs, ctx);
        return new SecurityReport(info.id(), info.tenantId(), info.title(), info.format(), info.periodStart(),
                info.periodEnd(), Json.readObject(rs.getString("summary")), rs.getString("content"), info.createdBy(),
                info.createdAt());
    }

    private static SecurityReportInfo mapInfo(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SecurityReportInfo(
                rs.getLong("id"),
                Rows.optionalLong(rs, "tenant_id"),
                rs.getString("title"),
                SecurityReportFormat.fromWire(rs.getString("report_format")),
                UtcTimestamps.read(rs, "period_start"),
                UtcTimestamps.read(rs, "period_end"),
                rs.getString("created_by"),
                UtcTimestamps.read(rs, "created_at"));
    }
}
