package org.secheaders.enforcement.collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.repo.Page;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationQuery;

/** Reads back what the collector stored, through the repository the analytics server uses. */
public final class StoredViolations {
    private StoredViolations() {
    }

    public static List<SecurityViolation> of(Database database, long tenantId) {
        List<SecurityViolation> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<SecurityViolation> page = database.violations().query(TenantScope.tenant(tenantId),
                    ViolationQuery.all(), new PageRequest(offset, PageRequest.MAX_LIMIT));
            all.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return all;
            }
        }
    }

    /** The reports a row stands for (the first one and its duplicates). */
    public static long reportCount(SecurityViolation violation) {
        return ((Number) violation.metadata().get("report_count")).longValue();
    }

    public static long totalReports(List<SecurityViolation> violations) {
        return violations.stream().mapToLong(StoredViolations::reportCount).sum();
    }

    /**
     * Polls until the tenant's rows satisfy {@code done}; returns them, or fails after {@code timeout}.
     * The pause doubles up to 0.5 s, so that reading many rows does not starve the collector.
     */
    public static List<SecurityViolation> await(Database database, long tenantId, Duration timeout,
                                         Predicate<List<SecurityViolation>> done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SecurityViolation> rows = of(database, tenantId);
        long pauseMillis = 10;
        while (!done.test(rows)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not stored within " + timeout + "; have " + rows.size() + " rows: " + rows);
            }
            Thread.sleep(pauseMillis);
            pauseMillis = Math.min(500, pauseMillis * 2);
            rows = of(database, tenantId);
        }
        return rows;
    }
}
