package org.secheaders.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated compliance report, stored as rendered so that it reads the same later, whatever the
 * tenant changes afterwards.
 *
 * @param summary  the executive summary's figures (JSON object); also what the next report's trend
 *                 compares against
 * @param content  the rendered report: UTF-8 text, or the PDF document ({@link ComplianceReportFormat#binary()})
 */
public record ComplianceReport(ComplianceReportInfo info, Map<String, Object> summary, byte[] content) {

    /** The {@code target} of a report judged from the tenants' configured headers. */
    public static final String CONFIGURED = "configured";

    public ComplianceReport {
        Values.require(info, "info");
        summary = Values.jsonMap(summary);
        content = Values.require(content, "content").clone();
    }

    public long id() {
        return info.id();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** A report to store; the repository stamps {@code created_at}. */
    public record Draft(
            Optional<Long> tenantId,
            String title,
            ComplianceReportFormat format,
            List<ComplianceFramework> frameworks,
            String target,
            Map<String, Object> summary,
            byte[] content,
            String createdBy) {

        public Draft {
            Values.require(tenantId, "tenant_id");
            Values.requireText(title, "title");
            Values.require(format, "report_format");
            frameworks = List.copyOf(frameworks);
            if (frameworks.isEmpty()) {
                throw new IllegalArgumentException("frameworks must name at least one framework");
            }
            Values.requireText(target, "target");
            summary = Values.jsonMap(summary);
            content = Values.require(content, "content").clone();
            Values.requireText(createdBy, "created_by");
        }
    }
}
