package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
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
    private static final String SELECT = "SELECT " + INFO_COLUMNS + ", summary, content FROM compliance_reports";
    private static final String SELECT_INFO = "SELECT " + INFO_COLUMNS + " FROM compliance_reports";
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";
    private static final String INSERT = """
            INSERT INTO compliance_reports (tenant_id, title, report_format, frameworks, target, summary, content,
                created_by, created_at)
            VALUES (:tenant_id, :title, :report_format, :frameworks, :target, :summary, :content, :created_by, :now)""";

    private final Jdbi jdbi;
    private final Clock clock;

    public ComplianceReportRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @throws TenantAccessDeniedException if the report's tenant (or, for none, the platform) is outside {@code scope} */
    public ComplianceReport insert(TenantScope scope, ComplianceReport.Draft draft) {
        scope.requireAccess(draft.tenantId());
        return jdbi.inTransaction(handle -> {
            long id = handle.createUpdate(INSERT)
                    .bind("tenant_id", draft.tenantId().orElse(null))
                    .bind("title", draft.title())
                    .bind("report_format", draft.format().wireName())
                    .bind("frameworks", draft.frameworks().stream().map(ComplianceFramework::wireName)
                            .collect(Collectors.joining(",")))
                    .bind("target", draft.target())
                    .bind("summary", Json.write(draft.summary()))
                    .bind("content", draft.content())
                    .bind("created_by", draft.createdBy())
                    .bind("now", clock.instant())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return find(handle, Where.scoped(scope).and("id = :id", "id", id)).orElseThrow();
        });
    }

    public Optional<ComplianceReport> findById(TenantScope scope, long id) {
        return jdbi.withHandle(handle -> find(handle, Where.scoped(scope).and("id = :id", "id", id)));
    }

    /**
     * The newest report of the same scope as a new one would have: the same tenant (empty: platform-wide)
     * and target; what a trend compares against.
     */
    public Optional<ComplianceReport> latest(TenantScope scope, Optional<Long> tenantId, String target) {
        scope.requireAccess(tenantId);
        Where where = Where.scoped(scope).and("target = :target", "target", target);
        where = tenantId.isPresent() ? where.and("tenant_id = :tenant_id", "tenant_id", tenantId.get())
                : where.and("tenant_id IS NULL");
        Where query = where;
        return jdbi.withHandle(handle -> query.bind(handle.createQuery(SELECT + query.sql() + NEWEST_FIRST + " LIMIT 1"))
                .map(ComplianceReportRepository::map).findOne());
    }

    /** The reports the scope can see, newest first, without their content. */
    public Page<ComplianceReportInfo> list(TenantScope scope, PageRequest page) {
        Where where = Where.scoped(scope);
        return jdbi.inTransaction(handle -> {
            long total = where.bind(handle.createQuery("SELECT COUNT(*) FROM compliance_reports" + where.sql()))
                    .mapTo(Long.class)
                    .one();
            List<ComplianceReportInfo> items = where.bind(handle.createQuery(
                            SELECT_INFO + where.sql() + NEWEST_FIRST + " LIMIT :limit OFFSET :offset"))
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map(ComplianceReportRepository::mapInfo)
                    .list();
            return new Page<>(items, total, page);
        });
    }

    private static Optional<ComplianceReport> find(Handle handle, Where where) {
        return where.bind(handle.createQuery(SELECT + where.sql())).map(ComplianceReportRepository::map).findOne();
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
