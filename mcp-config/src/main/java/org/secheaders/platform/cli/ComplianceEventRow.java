package org.secheaders.platform.cli;

import java.time.Instant;
import java.util.Optional;
import org.secheaders.domain.model.ComplianceEvent;

/** A non-compliance event in JSON output. */
record ComplianceEventRow(long id, long tenantId, Optional<String> tenant, String framework, String controlId,
        String controlName, String before, String after, String severity, String remediation, Instant detectedAt,
        String delivery, int attempts, Optional<String> lastError, Optional<Instant> deliveredAt) {

    static ComplianceEventRow of(ComplianceEvent event, Optional<String> tenantSlug) {
        return new ComplianceEventRow(event.id(), event.tenantId(), tenantSlug, event.framework().wireName(),
                event.controlId(), event.controlName(), event.before().wireName(), event.after().wireName(),
                event.severity().wireName(), event.remediation(), event.detectedAt(), event.deliveryState().wireName(),
                event.attempts(), event.lastError(), event.deliveredAt());
    }
}
