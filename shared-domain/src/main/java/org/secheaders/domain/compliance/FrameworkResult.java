package org.secheaders.domain.compliance;

import java.util.List;
import java.util.Objects;

import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceStatus;

/**
 * A framework's roll-up ({@link RollUp} has the rules).
 *
 * @param score        0 to 100, the severity-weighted pass ratio of the scored controls; 0 when none was scored
 * @param statusReason why the status is what it is, in one sentence
 * @param controls     in catalogue order
 */
public record FrameworkResult(ComplianceFramework framework, ComplianceStatus status, int score, ControlCounts counts,
                              String statusReason, List<ControlResult> controls) {
    public FrameworkResult {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(statusReason, "statusReason");
        controls = List.copyOf(controls);
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0 to 100, was " + score);
        }
    }
}
