package org.secheaders.domain.compliance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.secheaders.domain.compliance.check.CspEvidence;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.grading.ObservatoryReport;
import org.secheaders.domain.grading.ObservatoryResult;
import org.secheaders.domain.grading.ObservatoryTestName;
import org.secheaders.domain.grading.TestOutcome;
import org.secheaders.domain.validation.CspFinding;
import org.secheaders.domain.validation.FindingSeverity;
import org.secheaders.domain.validation.FindingType;

/** Compares the Observatory's CSP result with the CSP validator's findings on the same enforced policies. */
final class DisagreementDetector {
    private DisagreementDetector() {
    }

    static List<Disagreement> detect(ObservatoryReport report, CspEvidence csp) {
        Optional<TestOutcome> outcome = report.tests().stream()
                .filter(t -> t.test() == ObservatoryTestName.CONTENT_SECURITY_POLICY).findFirst();
        if (outcome.isEmpty() || !csp.hasEnforced()) {
            return List.of();
        }
        TestOutcome observatory = outcome.get();
        String observed = observatory.result().code() + " (" + (observatory.scoreModifier() > 0 ? "+" : "")
                + observatory.scoreModifier() + ", " + (observatory.pass() ? "pass" : "fail") + ")";
        Set<CspFinding> findings = new LinkedHashSet<>();
        csp.findingsPerPolicy().forEach(findings::addAll);
        List<Disagreement> disagreements = new ArrayList<>();

        List<CspFinding> strictDynamicAlone = select(findings, f -> f.type() == FindingType.STRICT_DYNAMIC_NOT_STANDALONE);
        boolean strictDynamicExplains = observatory.result() == ObservatoryResult.CSP_HEADER_INVALID
                && !strictDynamicAlone.isEmpty();
        if (strictDynamicExplains) {
            disagreements.add(Disagreement.of(DisagreementKind.STRICT_DYNAMIC_WITHOUT_NONCE, observed,
                    describe(strictDynamicAlone)));
        }
        List<CspFinding> ignoredInline = select(findings, f -> f.type() == FindingType.IGNORED
                && f.value().filter(CspKeyword.UNSAFE_INLINE.token()::equals).isPresent());
        if (!ignoredInline.isEmpty()) {
            disagreements.add(Disagreement.of(DisagreementKind.UNSAFE_INLINE_IGNORED, observed, describe(ignoredInline)));
        }
        List<CspFinding> fallback = select(findings, f -> f.type() == FindingType.UNSAFE_INLINE_FALLBACK);
        if (!fallback.isEmpty()) {
            disagreements.add(Disagreement.of(DisagreementKind.UNSAFE_INLINE_FALLBACK_ADVICE, observed, describe(fallback)));
        }
        List<CspFinding> high = select(csp.sharedWeaknesses(), f -> f.severity() == FindingSeverity.HIGH);
        if (!observatory.pass() && high.isEmpty() && !strictDynamicExplains) {
            disagreements.add(Disagreement.of(DisagreementKind.OBSERVATORY_STRICTER, observed,
                    "no HIGH finding shared by every enforced policy" + mostSevere(findings)));
        }
        if (observatory.pass() && !high.isEmpty()) {
            disagreements.add(Disagreement.of(DisagreementKind.VALIDATOR_STRICTER, observed, describe(high)));
        }
        return disagreements;
    }

    private static List<CspFinding> select(Collection<CspFinding> findings, Predicate<CspFinding> filter) {
        return findings.stream().filter(filter).toList();
    }

    private static String mostSevere(Set<CspFinding> findings) {
        return findings.stream()
                .filter(f -> f.severity() != FindingSeverity.NONE)
                .min((a, b) -> Integer.compare(a.severity().level(), b.severity().level()))
                .map(f -> "; most severe: " + describe(List.of(f)))
                .orElse("");
    }

    private static String describe(List<CspFinding> findings) {
        return findings.stream()
                .map(f -> f.type().id() + " " + f.type().name() + " (" + f.severity().name() + ") on " + f.directive()
                        + f.value().map(v -> " " + v).orElse(""))
                .distinct()
                .collect(Collectors.joining("; "));
    }
}
