package org.secheaders.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secheaders.domain.compliance.check.AtomicResult;
import org.secheaders.domain.grading.ObservatoryGrader;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceStatus;

class ComplianceEvaluatorTest {
    private final ComplianceEvaluator evaluator = ComplianceEvaluator.standard();

    @ParameterizedTest
    @CsvSource({"V5_0, 1", "V5_0, 2", "V5_0, 3", "V4_0_3, 1", "V4_0_3, 3"})
    void strongHeadersAreOwaspCompliantAtEveryLevel(AsvsVersion version, int level) {
        FrameworkResult owasp = owasp(Fixtures.STRONG, new EvaluationOptions(version, level));
        assertEquals(ComplianceStatus.COMPLIANT, owasp.status(), owasp.statusReason());
        assertEquals(100, owasp.score());
    }

    @Test
    void theTargetLevelDecidesWhichAsvsControlsApply() {
        FrameworkResult levelOne = owasp(Fixtures.STRONG, new EvaluationOptions(AsvsVersion.V5_0, 1));
        FrameworkResult levelThree = owasp(Fixtures.STRONG, new EvaluationOptions(AsvsVersion.V5_0, 3));
        ControlResult csp = control(levelOne, "ASVS-3.4.3");
        assertEquals(CheckResult.NOT_APPLICABLE, csp.result());
        assertEquals("ASVS 5.0 V3.4.3 is level 2, above the target level 1", csp.reason());
        assertEquals(CheckResult.PASS, control(levelThree, "ASVS-3.4.3").result());
        assertEquals("ASVS 5.0 V3.4.3 (L2)", control(levelThree, "ASVS-3.4.3").requirement());
        assertTrue(levelOne.counts().notApplicable() > levelThree.counts().notApplicable());
        ControlResult reporting = control(owasp(Fixtures.STRONG, new EvaluationOptions(AsvsVersion.V4_0_3, 3)), "ASVS-3.4.7");
        assertEquals("ASVS 4.0.3 has no counterpart of this requirement", reporting.reason());
    }

    @Test
    void theEditionDecidesHowHstsIsRead() {
        ResponseHeaders sixMonths = Fixtures.STRONG.with("Strict-Transport-Security", "max-age=20000000; includeSubDomains");
        assertEquals("fail", control(owasp(sixMonths, new EvaluationOptions(AsvsVersion.V5_0, 1)), "ASVS-3.4.1").outcome());
        ControlResult asvs4 = control(owasp(sixMonths, new EvaluationOptions(AsvsVersion.V4_0_3, 1)), "ASVS-3.4.1");
        assertEquals("warning", asvs4.outcome());
        assertEquals("ASVS 4.0.3 V14.4.5 (L1)", asvs4.requirement());
        ResponseHeaders noSubdomains = Fixtures.STRONG.with("Strict-Transport-Security", "max-age=31536000");
        assertEquals("pass", control(owasp(noSubdomains, new EvaluationOptions(AsvsVersion.V5_0, 1)), "ASVS-3.4.1").outcome());
        assertEquals("fail", control(owasp(noSubdomains, new EvaluationOptions(AsvsVersion.V5_0, 2)), "ASVS-3.4.1").outcome());
        assertEquals("fail", control(owasp(noSubdomains, new EvaluationOptions(AsvsVersion.V4_0_3, 1)), "ASVS-3.4.1").outcome());
    }

    @Test
    void weakHeadersAreNonCompliantWithRootCausesInOrder() {
        ComplianceEvaluation evaluation = evaluator.evaluate(EvidenceBundle.supplied(Fixtures.WEAK), Fixtures.ALL,
                EvaluationOptions.defaults());
        assertEquals(ComplianceStatus.NON_COMPLIANT, evaluation.framework(ComplianceFramework.OWASP).orElseThrow().status());
        List<TopFailure> top = evaluation.topFailures();
        assertEquals(top.stream().sorted(Comparator.comparing((TopFailure f) -> f.result() == CheckResult.FAIL ? 0 : 1)
                .thenComparing(TopFailure::severity, Comparator.reverseOrder())
                .thenComparing(f -> -f.controls().size()).thenComparing(TopFailure::checkId)).toList(), top);
        TopFailure secure = top.stream().filter(f -> f.checkId().equals("cookies.secure")).findFirst().orElseThrow();
        assertTrue(secure.controls().containsAll(List.of("ASVS-3.3.1", "SOC2-CC6.1", "GDPR-32.1.b-COOKIES", "NIST-SC-23")),
                secure.controls().toString());
        assertEquals("Add Secure to every Set-Cookie.", secure.remediation());
        assertEquals(CheckResult.FAIL, top.get(0).result());
    }

    @Test
    void atomicResultsAreSharedAcrossFrameworks() {
        ComplianceEvaluation evaluation = evaluator.evaluate(EvidenceBundle.supplied(Fixtures.WEAK), Fixtures.ALL,
                EvaluationOptions.defaults());
        AtomicResult inAsvs = used(evaluation, "ASVS-3.4.1", "hsts.present");
        assertEquals(inAsvs, used(evaluation, "SOC2-CC6.1", "hsts.present"));
        assertEquals(inAsvs, evaluation.check("hsts.present").orElseThrow());
        assertEquals(evaluation.checks().stream().map(AtomicResult::id).sorted().distinct().toList(),
                evaluation.checks().stream().map(AtomicResult::id).toList());
    }

    @Test
    void cookieValuesNeverReachTheEvaluation() {
        ComplianceEvaluation evaluation = evaluator.evaluate(EvidenceBundle.supplied(Fixtures.WEAK), Fixtures.ALL,
                EvaluationOptions.defaults());
        String report = evaluation.frameworks() + " " + evaluation.checks() + " " + evaluation.topFailures();
        assertFalse(report.contains("9f8e7d6c"));
        assertTrue(control(evaluation.framework(ComplianceFramework.OWASP).orElseThrow(), "ASVS-3.3.1").evidence()
                .contains("Set-Cookie: PHPSESSID=<redacted>; path=/"));
    }

    @Test
    void anUnreachableSiteIsPendingEverywhereWithoutCrashing() {
        ComplianceEvaluation evaluation = evaluator.evaluate(
                EvidenceBundle.unavailable(EvidenceSource.OBSERVED, "connection timed out"), Fixtures.ALL, EvaluationOptions.defaults());
        evaluation.frameworks().forEach(f -> assertEquals(ComplianceStatus.PENDING, f.status(), f.framework().name()));
        assertTrue(evaluation.observatory().isEmpty());
        assertTrue(evaluation.topFailures().isEmpty());
        assertTrue(evaluation.controls().stream().filter(c -> !c.evaluated())
                .allMatch(c -> c.reason().contains("connection timed out") || c.reason().contains("history")));
    }

    @Test
    void theObservatoryGradeIsThatOfTheSameEvidence() {
        ResponseEvidence evidence = ResponseEvidence.ofHeaders(Fixtures.WEAK);
        ComplianceEvaluation evaluation = evaluator.evaluate(EvidenceBundle.observed(evidence), Set.of(ComplianceFramework.NIST),
                EvaluationOptions.defaults());
        assertEquals(new ObservatoryGrader().grade(evidence), evaluation.observatory().orElseThrow());
    }

    @Test
    void driftIsReportedWhenThePairIsGiven() {
        EvidenceBundle bundle = EvidenceBundle.observed(ResponseEvidence.ofHeaders(Fixtures.WEAK))
                .withDrift(new ConfiguredVsObserved(Fixtures.STRONG, Fixtures.WEAK));
        ComplianceEvaluation evaluation = evaluator.evaluate(bundle, Set.of(ComplianceFramework.ISO27001), EvaluationOptions.defaults());
        DriftReport drift = evaluation.drift().orElseThrow();
        assertTrue(drift.hasCriticalDrift());
        assertEquals("fail", evaluation.check("drift.none").orElseThrow().outcome());
        assertTrue(evaluator.evaluate(EvidenceBundle.supplied(Fixtures.WEAK), Fixtures.ALL, EvaluationOptions.defaults())
                .drift().isEmpty());
    }

    @Test
    void onlyTheChosenFrameworksInTheirFixedOrder() {
        ComplianceEvaluation evaluation = evaluator.evaluate(EvidenceBundle.supplied(Fixtures.STRONG),
                EnumSet.of(ComplianceFramework.NIST, ComplianceFramework.GDPR), EvaluationOptions.defaults());
        assertEquals(List.of(ComplianceFramework.GDPR, ComplianceFramework.NIST),
                evaluation.frameworks().stream().map(FrameworkResult::framework).toList());
        assertEquals("OSHP reference not loaded: built-in rules only", evaluation.reference());
        assertTrue(evaluation.disclaimer().contains("does not by itself establish"));
        assertEquals(EvidenceSource.SUPPLIED, evaluation.source());
        assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(EvidenceBundle.supplied(Fixtures.STRONG), Set.of(), EvaluationOptions.defaults()));
    }

    @Test
    void periodCriteriaWaitForHistory() {
        FrameworkResult soc2 = evaluator.evaluate(EvidenceBundle.supplied(Fixtures.STRONG), Set.of(ComplianceFramework.SOC2),
                EvaluationOptions.defaults()).framework(ComplianceFramework.SOC2).orElseThrow();
        assertEquals(ComplianceStatus.PENDING, soc2.status());
        assertEquals(5, soc2.counts().notEvaluated(), soc2.statusReason());
    }

    private FrameworkResult owasp(ResponseHeaders headers, EvaluationOptions options) {
        return evaluator.evaluate(EvidenceBundle.supplied(headers), Set.of(ComplianceFramework.OWASP), options)
                .framework(ComplianceFramework.OWASP).orElseThrow();
    }

    private static ControlResult control(FrameworkResult framework, String id) {
        return framework.controls().stream().filter(c -> c.controlId().equals(id)).findFirst().orElseThrow();
    }

    private static AtomicResult used(ComplianceEvaluation evaluation, String control, String check) {
        return evaluation.control(control).orElseThrow().checks().stream().map(ControlCheck::atomic)
                .filter(a -> a.id().equals(check)).findFirst().orElseThrow();
    }
}
