package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.secheaders.domain.model.SecuritySeverity;

class ThreatClassifierProperties {
    private static final ClassificationContext CONTEXT = ClassificationContext.of(List.of("*.shop.example.com"),
            List.of("js.stripe.com"), List.of("x.metrext.com"), List.of("/checkout"));

    @Property(tries = 1000)
    void classificationIsDeterministic(@ForAll("reports") CspViolationReport report) {
        Verdict first = classify(new ReportNormalizer(), ThreatClassifier.v1(), report);
        Verdict again = classify(new ReportNormalizer(), ThreatClassifier.v1(), report);

        assertEquals(first, again);
    }

    @Property(tries = 1000)
    void everyVerdictNamesAV1RuleAndASeverityThatFitsItsClassification(@ForAll("reports") CspViolationReport report) {
        Verdict verdict = classify(new ReportNormalizer(), ThreatClassifier.v1(), report);

        assertTrue(verdict.ruleId().startsWith("v1."), verdict.ruleId());
        List<SecuritySeverity> allowed = switch (verdict.classification()) {
            case MALICIOUS -> List.of(SecuritySeverity.HIGH, SecuritySeverity.CRITICAL);
            case SUSPICIOUS -> List.of(SecuritySeverity.MEDIUM);
            case FALSE_POSITIVE, UNKNOWN -> List.of(SecuritySeverity.LOW);
        };
        assertTrue(allowed.contains(verdict.severity()), verdict::toString);
    }

    private static Verdict classify(ReportNormalizer normalizer, ThreatClassifier classifier, CspViolationReport report) {
        NormalizedReport normalized = normalizer.normalize(report, Optional.empty());
        return classifier.classify(normalized, NoiseFilter.defaults().check(normalized, NoiseRules.defaults()), CONTEXT);
    }

    @Provide
    Arbitrary<CspViolationReport> reports() {
        return ReportArbitraries.reports();
    }
}
