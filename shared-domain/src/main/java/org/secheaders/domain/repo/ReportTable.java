package org.secheaders.domain.repo;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * What the stored-report tables ({@code security_reports}, {@code compliance_reports}) share: a
 * report is inserted and read back in one transaction, found by id, and listed newest first
 * without its content. A tenant scope sees its tenant's reports; platform-wide reports (no tenant)
 * need the platform scope. Each repository keeps its own columns, insert statement and row mappers.
 *
 * @param <R> a stored report with its content
 * @param <I> its listing form, without the content
 */
final class ReportTable<R, I> {
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";

    /**
     * The columns every report table has, as a repository's draft gives them.
     *
     * @param format  the format's wire name
     * @param content text or bytes, bound as they are
     */
    record Row(Optional<Long> tenantId, String title, String format, Map<String, Object> summary, Object content,
               String createdBy) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final String table;
    private final String select;
    private final String selectInfo;
    private final String insert;
    private final RowMapper<R> reports;
    private final RowMapper<I> infos;

    /**
     * @param infoColumns the columns {@code infos} reads; {@code reports} reads them plus {@code summary, content}
     * @param insert      binds {@code :tenant_id, :title, :report_format, :summary, :content, :created_by, :now}
     *                    and the table's own columns
     */
    ReportTable(Jdbi jdbi, Clock clock, String table, String infoColumns, String insert, RowMapper<R> reports,
            RowMapper<I> infos) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.table = table;
        this.select = "SELECT " + infoColumns + ", summary, content FROM " + table;
        this.selectInfo = "SELECT " + infoColumns + " FROM " + table;
        this.insert = insert;
        this.reports = reports;
        this.infos = infos;
    }

    /**
     * @param ownColumns binds the columns only this table has
     * @throws TenantAccessDeniedException if the report's tenant (or, for none, the platform) is outside {@code scope}
     */
    R insert(TenantScope scope, Row row, Consumer<Update> ownColumns) {
        scope.requireAccess(row.tenantId());
        return jdbi.inTransaction(handle -> {
            Update update = handle.createUpdate(insert)
                    .bind("tenant_id", row.tenantId().orElse(null))
                    .bind("title", row.title())
                    .bind("report_format", row.format())
                    .bind("summary", Json.write(row.summary()))
                    .bind("content", row.content())
                    .bind("created_by", row.createdBy())
                    .bind("now", clock.instant());
            ownColumns.accept(update);
            long id = update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return find(handle, byId(scope, id)).orElseThrow();
        });
    }

    Optional<R> findById(TenantScope scope, long id) {
        return jdbi.withHandle(handle -> find(handle, byId(scope, id)));
    }

    /** The newest report {@code where} matches. */
    Optional<R> newest(Where where) {
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(select + where.sql() + NEWEST_FIRST + " LIMIT 1"))
                .map(reports).findOne());
    }

    /** The reports the scope can see, newest first, without their content. */
    Page<I> list(TenantScope scope, PageRequest page) {
        Where where = Where.scoped(scope);
        return jdbi.inTransaction(handle -> {
            long total = where.bind(handle.createQuery("SELECT COUNT(*) FROM " + table + where.sql()))
                    .mapTo(Long.class)
                    .one();
            List<I> items = where.bind(handle.createQuery(
                            selectInfo + where.sql() + NEWEST_FIRST + " LIMIT :limit OFFSET :offset"))
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map(infos)
                    .list();
            return new Page<>(items, total, page);
        });
    }

    private static Where byId(TenantScope scope, long id) {
        return Where.scoped(scope).and("id = :id", "id", id);
    }

    private Optional<R> find(Handle handle, Where where) {
        return where.bind(handle.createQuery(select + where.sql())).map(reports).findOne();
    }
}
