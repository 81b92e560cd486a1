package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.secheaders.domain.db.Dialect;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.domain.model.SecurityMetric;

/** Metric samples and roll-ups: batch insert, range queries and per-bucket aggregates. */
public final class MetricRepository {
    private static final String TABLE = " FROM security_metrics";
    private static final String SELECT = """
            SELECT id, tenant_id, metric_type, metric_name, metric_value, measurement_unit,
                   aggregation_period, tags, recorded_at""" + TABLE;
    private static final String INSERT = """
            INSERT INTO security_metrics (tenant_id, metric_type, metric_name, metric_value, measurement_unit,
                aggregation_period, tags, recorded_at)
            VALUES (:tenant_id, :metric_type, :metric_name, :metric_value, :measurement_unit,
                :aggregation_period, :tags, :recorded_at)""";

    private final Jdbi jdbi;
    private final Dialect dialect;

    public MetricRepository(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * Stores the samples in one JDBC batch and transaction.
     *
     * @return the number of rows inserted
     * @throws TenantAccessDeniedException if a sample belongs to a tenant outside {@code scope}
     */
    public int insertBatch(TenantScope scope, List<SecurityMetric.Draft> drafts) {
        drafts.forEach(draft -> scope.requireAccess(draft.tenantId()));
        if (drafts.isEmpty()) {
            return 0;
        }
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (SecurityMetric.Draft draft : drafts) {
                batch.bind("tenant_id", draft.tenantId())
                        .bind("metric_type", draft.metricType())
                        .bind("metric_name", draft.metricName())
                        .bind("metric_value", draft.metricValue())
                        .bind("measurement_unit", draft.measurementUnit())
                        .bind("aggregation_period", draft.aggregationPeriod().wireName())
                        .bind("tags", Json.write(draft.tags()))
                        .bind("recorded_at", draft.recordedAt())
                        .add();
            }
            batch.execute();
        });
        return drafts.size();
    }

    /** A page of matching samples in recording order, with the total number of matches. */
    public Page<SecurityMetric> query(TenantScope scope, MetricQuery query, PageRequest page) {
        Where where = where(scope, query);
        return jdbi.inTransaction(handle -> {
            long total = where.bind(handle.createQuery("SELECT COUNT(*)" + TABLE + where.sql())).mapTo(Long.class).one();
            List<SecurityMetric> items = where
                    .bind(handle.createQuery(SELECT + where.sql() + " ORDER BY recorded_at, id LIMIT :limit OFFSET :offset"))
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map(MetricRepository::map)
                    .list();
            return new Page<>(items, total, page);
        });
    }

    /** Per bucket and metric name: count, sum, min and max of the matching samples, oldest bucket first. */
    public List<MetricAggregate> aggregate(TenantScope scope, MetricQuery query, TimeBucket bucket) {
        String bucketStart = bucket.truncate(dialect, "recorded_at");
        Where where = where(scope, query);
        String sql = "SELECT " + bucketStart + " AS bucket_start, metric_name, COUNT(*) AS n,"
                + " SUM(metric_value) AS total, MIN(metric_value) AS lowest, MAX(metric_value) AS highest"
                + TABLE + where.sql()
                + " GROUP BY " + bucketStart + ", metric_name ORDER BY bucket_start, metric_name";
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(sql))
                .map((rs, ctx) -> new MetricAggregate(
                        UtcTimestamps.read(rs, "bucket_start"),
                        rs.getString("metric_name"),
                        rs.getLong("n"),
                        rs.getBigDecimal("total"),
                        rs.getBigDecimal("lowest"),
                        rs.getBigDecimal("highest")))
                .list());
    }

    private static Where where(TenantScope scope, MetricQuery query) {
        return Where.scoped(scope)
                .and(query.metricType(), "metric_type = :metric_type", "metric_type")
                .and(query.metricName(), "metric_name = :metric_name", "metric_name")
                .and(query.period().map(AggregationPeriod::wireName), "aggregation_period = :period", "period")
                .and(query.from(), "recorded_at >= :from", "from")
                .and(query.to(), "recorded_at < :to", "to");
    }

    private static SecurityMetric map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SecurityMetric(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                rs.getString("metric_type"),
                rs.getString("metric_name"),
                rs.getBigDecimal("metric_value"),
                rs.getString("measurement_unit"),
                AggregationPeriod.fromWire(rs.getString("aggregation_period")),
                Json.readStringMap(rs.getString("tags")),
                UtcTimestamps.read(rs, "recorded_at"));
    }
}
