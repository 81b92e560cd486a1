package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
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
    private static final String SELECT = "SELECT " + INFO_COLUMNS + ", summary, content FROM security_reports";
    private static final String SELECT_INFO = "SELECT " + INFO_COLUMNS + " FROM security_reports";
    private static final String INSERT = """
            INSERT INTO security_reports (tenant_id, title, report_format, period_start, period_end, summary,
                content, created_by, created_at)
            VALUES (:tenant_id, :title, :report_format, :period_start, :period_end, :summary,
                :content, :created_by, :now)""";

    private final Jdbi jdbi;
    private final Clock clock;

    public SecurityReportRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @throws TenantAccessDeniedException if the report's tenant (or, for none, the platform) is outside {@code scope} */
    public SecurityReport insert(TenantScope scope, SecurityReport.Draft draft) {
        scope.requireAccess(draft.tenantId());
        return jdbi.inTransaction(handle -> {
            long id = handle.createUpdate(INSERT)
                    .bind("tenant_id", draft.tenantId().orElse(null))
                    .bind("title", draft.title())
                    .bind("report_format", draft.format().wireName())
                    .bind("period_start", draft.periodStart())
                    .bind("period_end", draft.periodEnd())
                    .bind("summary", Json.write(draft.summary()))
                    .bind("content", draft.content())
                    .bind("created_by", draft.createdBy())
                    .bind("now", clock.instant())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return find(handle, scope, id).orElseThrow();
        });
    }

    public Optional<SecurityReport> findById(TenantScope scope, long id) {
        return jdbi.withHandle(handle -> find(handle, scope, id));
    }

    /** The reports the scope can see, newest first, without their content. */
    public Page<SecurityReportInfo> list(TenantScope scope, PageRequest page) {
        Where where = Where.scoped(scope);
        return jdbi.inTransaction(handle -> {
            long total = where.bind(handle.createQuery("SELECT COUNT(*) FROM security_reports" + where.sql()))
                    .mapTo(Long.class)
                    .one();
            List<SecurityReportInfo> items = where.bind(handle.createQuery(
                            SELECT_INFO + where.sql() + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"))
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map(SecurityReportRepository::mapInfo)
                    .list();
            return new Page<>(items, total, page);
        });
    }

    private static Optional<SecurityReport> find(Handle handle, TenantScope scope, long id) {
        Where where = Where.scoped(scope).and("id = :id", "id", id);
        return where.bind(handle.createQuery(SELECT + where.sql())).map(SecurityReportRepository::map).findOne();
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
