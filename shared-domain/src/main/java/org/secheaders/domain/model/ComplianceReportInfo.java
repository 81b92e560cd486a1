package org.secheaders.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored compliance report without its content, for listings.
 *
 * @param tenantId   empty for a platform-wide report
 * @param frameworks in {@link ComplianceFramework} order
 * @param target     {@value ComplianceReport#CONFIGURED} or the scanned URL
 */
public record ComplianceReportInfo(
        long id,
        Optional<Long> tenantId,
        String title,
        ComplianceReportFormat format,
        List<ComplianceFramework> frameworks,
        String target,
        int contentLength,
        String createdBy,
        Instant createdAt) {

    public ComplianceReportInfo {
        frameworks = List.copyOf(frameworks);
    }
}
