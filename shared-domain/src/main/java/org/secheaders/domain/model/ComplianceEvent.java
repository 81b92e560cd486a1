package org.secheaders.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A non-compliance event: a control of a tenant that passed before and fails now, with the fix,
 * and how its delivery to the configured webhook went.
 *
 * @param remediation the catalogue's fix for the control
 * @param attempts    webhook posts tried so far
 * @param lastError   why the latest attempt failed (status line or exception), if it did
 */
public record ComplianceEvent(
        long id,
        long tenantId,
        ComplianceFramework framework,
        String controlId,
        String controlName,
        CheckResult before,
        CheckResult after,
        SecuritySeverity severity,
        String remediation,
        Instant detectedAt,
        DeliveryState deliveryState,
        int attempts,
        Optional<Instant> lastAttemptAt,
        Optional<String> lastError,
        Optional<Instant> deliveredAt) {

    /** An event to store; it starts {@link DeliveryState#PENDING} with no attempts. */
    public record Draft(long tenantId, ComplianceFramework framework, String controlId, String controlName,
                        CheckResult before, CheckResult after, SecuritySeverity severity, String remediation,
                        Instant detectedAt) {
        public Draft {
            Values.require(framework, "framework");
            Values.requireText(controlId, "control_id");
            Values.requireText(controlName, "control_name");
            Values.require(before, "result_before");
            Values.require(after, "result_after");
            Values.require(severity, "severity");
            Values.require(remediation, "remediation");
            Values.require(detectedAt, "detected_at");
        }
    }
}
