package org.secheaders.domain.report;

import org.secheaders.domain.model.ViolationType;
import java.util.Objects;
import java.util.Optional;
import org.secheaders.domain.model.ThreatClassification;

/**
 * One ordered rule: when its condition yields evidence, the rule decides the classification and the
 * violation type, and the evidence (what exactly matched) is stored with the verdict.
 */
public record ClassificationRule(
        String id, ThreatClassification classification, ViolationType violationType, String reason, Condition condition) {

    /** Returns the evidence for a match, or empty when the rule does not apply. */
    @FunctionalInterface
    public interface Condition {
        Optional<String> evidence(ClassificationInput input);
    }

    public ClassificationRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(violationType, "violationType");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(condition, "condition");
    }
}
