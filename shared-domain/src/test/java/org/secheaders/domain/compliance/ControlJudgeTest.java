package org.secheaders.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.check.AtomicChecks;
import org.secheaders.domain.compliance.check.EvaluationContext;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.SecuritySeverity;

/** Unknown (not evaluated) checks decide nothing unless every value they could take gives the same result. */
class ControlJudgeTest {
    private static final ResponseHeaders NO_HSTS = ResponseHeaders.of("X-Content-Type-Options", "nosniff");

    @Test
    void aKnownFailureDecidesDespiteMissingHistory() {
        ControlResult result = judge(new ControlRule.AllPass(), NO_HSTS, "hsts.present", "history.scan_cadence");
        assertEquals("fail", result.outcome());
        assertTrue(result.reason().contains("hsts.present fail (absent)"), result.reason());
    }

    @Test
    void aKnownPassWaitsForTheMissingEvidence() {
        ControlResult result = judge(new ControlRule.AllPass(), NO_HSTS, "xcto.nosniff", "history.scan_cadence");
        assertEquals("not_evaluated", result.outcome());
        assertFalse(result.evaluated());
        assertTrue(result.reason().contains("history.scan_cadence (no scan or change history was supplied)"), result.reason());
    }

    @Test
    void unknownsAreBoundedAsTheControlReadsThem() {
        ResponseHeaders sixMonths = ResponseHeaders.of("Strict-Transport-Security", "max-age=20000000");
        CheckRef atMostAWarning = new CheckRef("history.scan_cadence", 1, Optional.empty(), true, false);
        ControlResult result = ControlJudge.judge(definition(new ControlRule.AllPass(), Map.of(),
                List.of(CheckRef.of("hsts.max_age_one_year"), atMostAWarning)), context(sixMonths));
        assertEquals("warning", result.outcome());
        assertTrue(result.reason().endsWith("; not evaluated, without effect on the result: history.scan_cadence"),
                result.reason());
    }

    @Test
    void anyPassIsDecidedByOnePass() {
        assertEquals("pass", judge(new ControlRule.AnyPass(), NO_HSTS, "xcto.nosniff", "history.scan_cadence").outcome());
        assertEquals("not_evaluated", judge(new ControlRule.AnyPass(), NO_HSTS, "hsts.present", "history.scan_cadence").outcome());
    }

    @Test
    void outOfScopeControlsAreNotApplicableWithTheReason() {
        ControlDefinition levelThree = definition(new ControlRule.AllPass(),
                Map.of(AsvsVersion.V5_0, new AsvsRequirement("3.4.7", 3)), List.of(CheckRef.of("xcto.nosniff")));
        ControlResult result = ControlJudge.judge(levelThree, context(NO_HSTS));
        assertEquals(CheckResult.NOT_APPLICABLE, result.result());
        assertEquals("ASVS 5.0 V3.4.7 is level 3, above the target level 2", result.reason());
        assertEquals(List.of(), result.checks());
    }

    private static ControlResult judge(ControlRule rule, ResponseHeaders headers, String... checks) {
        return ControlJudge.judge(definition(rule, Map.of(), Arrays.stream(checks).map(CheckRef::of).toList()),
                context(headers));
    }

    private static EvaluationContext context(ResponseHeaders headers) {
        return new EvaluationContext(EvidenceBundle.supplied(headers), EvaluationOptions.defaults(), Optional.empty(),
                AtomicChecks.standard());
    }

    private static ControlDefinition definition(ControlRule rule, Map<AsvsVersion, AsvsRequirement> asvs,
                                                List<CheckRef> checks) {
        return new ControlDefinition(ComplianceFramework.OWASP, "T-1", "test", SecuritySeverity.HIGH, rule, checks, asvs,
                new ControlTags(List.of(), List.of(), List.of()), "cite", "why", "fix");
    }
}
