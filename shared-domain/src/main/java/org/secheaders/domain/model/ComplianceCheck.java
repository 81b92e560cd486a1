package org.secheaders.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest result of one framework control for a tenant; (tenant, framework, control) is
 * unique, so a re-check replaces the previous result (history lives in the audit log).
 *
 * @param evidenceData           what the check looked at (JSON object)
 * @param remediationSuggestions what to change to pass, most important first
 * @param nextCheckAt            when the scheduler should re-run the control; empty if unscheduled
 */
public record ComplianceCheck(
        long id,
        long tenantId,
        ComplianceFramework framework,
        String controlId,
        String controlName,
        CheckResult checkResult,
        ComplianceStatus complianceStatus,
        Map<String, Object> evidenceData,
        List<String> remediationSuggestions,
        Instant checkedAt,
        Optional<Instant> nextCheckAt,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt) {

    public ComplianceCheck {
        evidenceData = Values.jsonMap(evidenceData);
        remediationSuggestions = Values.jsonList(remediationSuggestions);
        metadata = Values.jsonMap(metadata);
    }

    /** One evaluated control, as the checker hands it to the repository's upsert. */
    public record Draft(
            long tenantId,
            ComplianceFramework framework,
            String controlId,
            String controlName,
            CheckResult checkResult,
            ComplianceStatus complianceStatus,
            Map<String, Object> evidenceData,
            List<String> remediationSuggestions,
            Instant checkedAt,
            Optional<Instant> nextCheckAt,
            Map<String, Object> metadata) {

        public Draft {
            Values.require(framework, "framework");
            Values.requireText(controlId, "control_id");
            Values.requireText(controlName, "control_name");
            Values.require(checkResult, "check_result");
            Values.require(complianceStatus, "compliance_status");
            evidenceData = Values.jsonMap(evidenceData);
            remediationSuggestions = Values.jsonList(remediationSuggestions);
            Values.require(checkedAt, "checked_at");
            Values.require(nextCheckAt, "next_check_at");
            metadata = Values.jsonMap(metadata);
        }
    }
}
