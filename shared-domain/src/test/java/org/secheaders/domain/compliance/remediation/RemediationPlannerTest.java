package org.secheaders.domain.compliance.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.AsvsVersion;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.ComplianceEvaluator;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.EvidenceSource;
import org.secheaders.domain.compliance.Fixtures;
import org.secheaders.domain.compliance.TenantExpectations;
import org.secheaders.domain.compliance.check.AtomicChecks;
import org.secheaders.domain.grading.CorsProbe;
import org.secheaders.domain.grading.HttpProbe;
import org.secheaders.domain.grading.RedirectHop;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceStatus;

class RemediationPlannerTest {
    private static final EvaluationOptions OPTIONS = new EvaluationOptions(
            AsvsVersion.V5_0, 3,
            TenantExpectations.none().withReportingEndpoint("https://reports.example/csp"));
    private final ComplianceEvaluator evaluator = ComplianceEvaluator.standard();
    private final RemediationPlanner planner = new RemediationPlanner(evaluator);

    @Test
    void suggestionsComeInPriorityOrderAndEachHoldsUpAlone() {
        EvidenceBundle weak = EvidenceBundle.supplied(Fixtures.WEAK);
        RemediationPlan plan = planner.plan(weak, Fixtures.ALL, OPTIONS);
        assertTrue(plan.suggestions().size() >= 10, plan.suggestions().toString());
        assertEquals(plan.suggestions().stream().sorted(Comparator.comparingInt(RemediationSuggestion::priority).reversed()
                .thenComparing(Comparator.comparingInt(RemediationSuggestion::observatoryDelta).reversed())
                .thenComparing(RemediationSuggestion::target)).toList(), plan.suggestions());
        for (RemediationSuggestion suggestion : plan.suggestions()) {
            EvidenceBundle alone = RemediationPlan.applyAll(weak, List.of(suggestion));
            EvaluationDiff diff = EvaluationDiff.between(plan.before(), evaluator.evaluate(alone, Fixtures.ALL, OPTIONS));
            assertFalse(diff.lowersAnything(), suggestion.target() + " " + diff);
            assertEquals(suggestion.impact(), diff.impact(), suggestion.target());
            assertTrue(suggestion.checksImproved().stream().anyMatch(suggestion.addresses()::contains), suggestion.target());
        }
    }

    @Test
    void theWholePlanRaisesEveryScoreAndTheGrade() {
        RemediationPlan plan = planner.plan(EvidenceBundle.supplied(Fixtures.WEAK), Fixtures.ALL, OPTIONS);
        plan.combined().scores().forEach(s -> assertTrue(s.after() > s.before(), s.toString()));
        assertTrue(plan.combined().observatoryAfter() > plan.combined().observatoryBefore());
        ComplianceEvaluation after = evaluator.evaluate(plan.applyTo(EvidenceBundle.supplied(Fixtures.WEAK)), Fixtures.ALL, OPTIONS);
        assertEquals(ComplianceStatus.PARTIAL, after.framework(ComplianceFramework.OWASP).orElseThrow().status(),
                after.framework(ComplianceFramework.OWASP).orElseThrow().statusReason());
        assertEquals(List.of("cookies.prefix"), plan.manual().stream().map(m -> m.checkId())
                .filter(id -> !id.startsWith("csp.third_party")).toList());
    }

    @Test
    void aNonceWithoutBaseUriIsRepaired() {
        RemediationPlan plan = planner.plan(EvidenceBundle.supplied(ResponseHeaders.of("Content-Security-Policy",
                "script-src 'self' 'unsafe-inline'; object-src 'none'")), Set.of(ComplianceFramework.OWASP), OPTIONS);
        RemediationSuggestion script = suggestion(plan, "Content-Security-Policy script-src");
        assertEquals(1, script.repairs().size());
        assertTrue(script.repairs().get(0).endsWith("adds CSP finding 300 MISSING_DIRECTIVES on base-uri"), script.repairs().get(0));
        assertEquals("script-src 'self' 'nonce-REPLACED-PER-RESPONSE' 'strict-dynamic'; object-src 'none'; base-uri 'self'",
                script.changes().get(0).after().orElseThrow());
    }

    @Test
    void theReportOnlyTrialIsEnforcedUnlessItIsWeak() {
        String tried = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
        RemediationSuggestion promoted = suggestion(planner.plan(EvidenceBundle.supplied(ResponseHeaders.of(
                "Content-Security-Policy-Report-Only", tried)), Set.of(ComplianceFramework.OWASP), EvaluationOptions.defaults()),
                "Content-Security-Policy");
        assertEquals(tried, promoted.changes().get(0).after().orElseThrow());
        assertEquals(List.of(), promoted.repairs());

        RemediationSuggestion baseline = suggestion(planner.plan(EvidenceBundle.supplied(ResponseHeaders.of(
                "Content-Security-Policy-Report-Only", "script-src 'unsafe-inline'")), Set.of(ComplianceFramework.OWASP),
                EvaluationOptions.defaults()), "Content-Security-Policy");
        assertTrue(baseline.repairs().get(0).contains("adds CSP finding 301 SCRIPT_UNSAFE_INLINE"), baseline.repairs().toString());
        assertTrue(baseline.changes().get(0).after().orElseThrow().startsWith("default-src 'self'; object-src 'none'"));
    }

    @Test
    void cookieChangesAreReportedRedactedAndAppliedWithTheirValue() {
        EvidenceBundle weak = EvidenceBundle.supplied(Fixtures.WEAK);
        RemediationPlan plan = planner.plan(weak, Fixtures.ALL, OPTIONS);
        RemediationSuggestion cookie = suggestion(plan, "Set-Cookie PHPSESSID");
        assertEquals("PHPSESSID=<redacted>; path=/; Secure; HttpOnly; SameSite=Lax", cookie.changes().get(0).after().orElseThrow());
        assertFalse(plan.toString().contains("9f8e7d6c"));
        assertEquals(List.of("PHPSESSID=9f8e7d6c; path=/; Secure; HttpOnly; SameSite=Lax"),
                plan.applyTo(weak).evidence().orElseThrow().headers().values("Set-Cookie"));
    }

    @Test
    void serverBehaviourIsLeftToPeople() {
        ResponseEvidence evidence = ResponseEvidence.ofHeaders(Fixtures.STRONG)
                .withHttp(new HttpProbe.Reached(true, List.of(new RedirectHop(URI.create("http://a.example/"), 200))))
                .withCors(new CorsProbe("https://evil.example", ResponseHeaders.of("Access-Control-Allow-Origin",
                        "https://evil.example", "Access-Control-Allow-Credentials", "true")));
        RemediationPlan plan = planner.plan(EvidenceBundle.observed(evidence), Fixtures.ALL, EvaluationOptions.defaults());
        assertEquals(List.of(), plan.suggestions());
        assertEquals(Set.of("https.redirect", "cors.no_reflected_origin"),
                Set.copyOf(plan.manual().stream().map(ManualAction::checkId).toList()));
        plan.manual().forEach(m -> assertTrue(m.reason().startsWith("needs a change outside the response headers"), m.reason()));
    }

    @Test
    void nothingToDoForAStrongSetOrAMissingResponse() {
        RemediationPlan strong = planner.plan(EvidenceBundle.supplied(Fixtures.STRONG), Fixtures.ALL, OPTIONS);
        assertEquals(List.of(), strong.suggestions());
        assertEquals(List.of(), strong.manual());
        RemediationPlan missing = planner.plan(EvidenceBundle.unavailable(EvidenceSource.OBSERVED, "timeout"), Fixtures.ALL, OPTIONS);
        assertEquals(List.of(), missing.suggestions());
        assertEquals(List.of(), missing.combined().headers());
    }

    @Test
    void remediesOnlyNameExistingChecks() {
        assertTrue(AtomicChecks.standard().ids().containsAll(planner.remediableChecks()), planner.remediableChecks().toString());
    }

    private static RemediationSuggestion suggestion(RemediationPlan plan, String target) {
        return plan.suggestions().stream().filter(s -> s.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion for " + target + " in " + plan.suggestions()));
    }
}
