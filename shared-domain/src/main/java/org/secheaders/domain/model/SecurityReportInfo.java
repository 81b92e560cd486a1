package org.secheaders.domain.model;

import java.time.Instant;
import java.util.Optional;

/** A stored report without its content, for listings. */
public record SecurityReportInfo(
        long id,
        Optional<Long> tenantId,
        String title,
        SecurityReportFormat format,
        Instant periodStart,
        Instant periodEnd,
        String createdBy,
        Instant createdAt) {
}
