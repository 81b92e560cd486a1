package org.secheaders.domain.report;

import org.secheaders.domain.model.ViolationType;
import java.util.Objects;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.ThreatClassification;

/**
 * A classification with its explanation: which rule of which rule set fired, why, and on what evidence.
 *
 * @param ruleId   e.g. {@code v1.malicious.base-uri}; starts with the rule set version
 * @param evidence what matched, e.g. {@code sample contains document.cookie}; never the raw sample
 */
public record Verdict(
        String ruleSetVersion,
        String ruleId,
        ThreatClassification classification,
        SecuritySeverity severity,
        ViolationType violationType,
        String reason,
        String evidence) {
    public Verdict {
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(violationType, "violationType");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(evidence, "evidence");
    }
}
