package org.secheaders.domain.compliance.schedule;

import java.time.Instant;
import java.util.Optional;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceStatus;

/**
 * How one due (tenant, framework) went.
 *
 * @param status      empty when the check failed
 * @param score       0-100, empty when the check failed
 * @param regressions controls that passed before and fail now (each stored as an event)
 * @param error       why the check failed; it is retried after {@link DueChecks#FAILURE_RETRY}
 */
public record FrameworkOutcome(String tenant, ComplianceFramework framework, Optional<ComplianceStatus> status,
                               Optional<Integer> score, int regressions, Optional<Instant> nextCheckAt,
                               Optional<String> error) {
}
