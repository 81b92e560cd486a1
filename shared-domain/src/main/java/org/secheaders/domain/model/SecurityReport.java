package org.secheaders.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A generated security report, stored as rendered so that it reads the same later, whatever
 * arrives afterwards.
 *
 * @param tenantId  empty for a platform-wide report (visible to the platform scope only)
 * @param summary   the executive summary's figures (JSON object), for listing without the content
 * @param content   the rendered report in {@code format}; every browser-supplied value in it is escaped
 * @param createdBy who generated it (identity subject)
 */
public record SecurityReport(
        long id,
        Optional<Long> tenantId,
        String title,
        SecurityReportFormat format,
        Instant periodStart,
        Instant periodEnd,
        Map<String, Object> summary,
        String content,
        String createdBy,
        Instant createdAt) {

    public SecurityReport {
        summary = Values.jsonMap(summary);
    }

    public SecurityReportInfo info() {
        return new SecurityReportInfo(id, tenantId, title, format, periodStart, periodEnd, createdBy, createdAt);
    }

    /** A report to store; the repository stamps {@code created_at}. */
    public record Draft(
            Optional<Long> tenantId,
            String title,
            SecurityReportFormat format,
            Instant periodStart,
            Instant periodEnd,
            Map<String, Object> summary,
            String content,
            String createdBy) {

        public Draft {
            Values.require(tenantId, "tenant_id");
            Values.requireText(title, "title");
            Values.require(format, "report_format");
            Values.require(periodStart, "period_start");
            Values.require(periodEnd, "period_end");
            if (!periodStart.isBefore(periodEnd)) {
                throw new IllegalArgumentException("period_start must be before period_end");
            }
            summary = Values.jsonMap(summary);
            Values.require(content, "content");
            Values.requireText(createdBy, "created_by");
        }
    }
}
