package org.secheaders.domain.compliance.schedule;

import java.util.Optional;
import java.time.Instant;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.Tenant;

/**
 * A (tenant, framework) whose check is due.
 *
 * @param nextCheckAt when it was due; empty when it was never checked (or a control has no next check)
 */
public record DueCheck(Tenant tenant, ComplianceFramework framework, Optional<Instant> nextCheckAt) {
}
