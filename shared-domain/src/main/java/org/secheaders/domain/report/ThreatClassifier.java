package org.secheaders.domain.report;

import org.secheaders.domain.model.ViolationType;
import java.util.Objects;
import java.util.Optional;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.ThreatClassification;

/**
 * Classifies a normalized report with a {@link RuleSet}: the first matching rule decides. Pure and
 * deterministic: the same report, noise verdict and context always give the same verdict.
 *
 * <p>Severity follows the design notes (§3): malicious is critical on an enforced policy when the directive
 * runs script or can exfiltrate (connect-src, img-src, form-action), else high; suspicious is medium;
 * false positives and unknowns are low. Rate and spread signals may raise it later, never lower it.
 */
public final class ThreatClassifier {
    private final RuleSet ruleSet;

    public ThreatClassifier(RuleSet ruleSet) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
    }

    public static ThreatClassifier v1() {
        return new ThreatClassifier(RuleSet.v1());
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public Verdict classify(NormalizedReport report, NoiseVerdict noise, ClassificationContext context) {
        ClassificationInput input = new ClassificationInput(report, noise, context);
        for (ClassificationRule rule : ruleSet.rules()) {
            Optional<String> evidence = rule.condition().evidence(input);
            if (evidence.isPresent()) {
                return new Verdict(ruleSet.version(), rule.id(), rule.classification(),
                        severity(rule.classification(), input), rule.violationType(), rule.reason(), evidence.get());
            }
        }
        return new Verdict(ruleSet.version(), ruleSet.fallbackId(), ThreatClassification.UNKNOWN,
                SecuritySeverity.LOW, ViolationType.CSP, "no rule matched", "");
    }

    private static SecuritySeverity severity(ThreatClassification classification, ClassificationInput input) {
        return switch (classification) {
            case MALICIOUS -> input.report().disposition() == Disposition.ENFORCE
                    && (input.isScriptDirective() || input.isExfiltrationDirective())
                    ? SecuritySeverity.CRITICAL : SecuritySeverity.HIGH;
            case SUSPICIOUS -> SecuritySeverity.MEDIUM;
            case FALSE_POSITIVE, UNKNOWN -> SecuritySeverity.LOW;
        };
    }
}
