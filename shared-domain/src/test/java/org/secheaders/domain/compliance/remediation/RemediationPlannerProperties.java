package org.secheaders.domain.compliance.remediation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.ComplianceEvaluator;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceArbitraries;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.Fixtures;
import org.secheaders.domain.compliance.TenantExpectations;
import org.secheaders.domain.compliance.check.CspEvidence;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.validation.FindingSeverity;

/** Applying every suggestion never costs anything: no score, grade, check or CSP protection goes down. */
class RemediationPlannerProperties {
    private final ComplianceEvaluator evaluator = ComplianceEvaluator.standard();
    private final RemediationPlanner planner = new RemediationPlanner(evaluator);

    @Property(tries = 200)
    void applyingThePlanNeverLowersAnythingNorWeakensTheCsp(@ForAll("weakSets") ResponseHeaders headers,
                                                            @ForAll("options") EvaluationOptions options) {
        EvidenceBundle bundle = EvidenceBundle.supplied(headers);
        RemediationPlan plan = planner.plan(bundle, Fixtures.ALL, options);
        EvidenceBundle patched = plan.applyTo(bundle);
        ComplianceEvaluation after = evaluator.evaluate(patched, Fixtures.ALL, options);
        EvaluationDiff diff = EvaluationDiff.between(plan.before(), after);
        assertFalse(diff.lowersAnything(), diff + "\nplan: " + plan.suggestions());
        diff.scores().forEach(s -> assertTrue(s.after() >= s.before(), s.toString()));
        Set<String> newFindings = highAndSyntax(patched);
        newFindings.removeAll(highAndSyntax(bundle));
        assertTrue(newFindings.isEmpty(), "the plan adds CSP findings " + newFindings);
    }

    private static Set<String> highAndSyntax(EvidenceBundle bundle) {
        return CspEvidence.of(bundle.evidence().orElseThrow()).findingsPerPolicy().stream().flatMap(List::stream)
                .filter(f -> f.severity() == FindingSeverity.HIGH || f.severity() == FindingSeverity.SYNTAX)
                .map(f -> f.type() + " " + f.directive() + " " + f.value().orElse(""))
                .collect(Collectors.toSet());
    }

    @Provide
    Arbitrary<ResponseHeaders> weakSets() {
        return EvidenceArbitraries.headerSets();
    }

    @Provide
    Arbitrary<EvaluationOptions> options() {
        return EvidenceArbitraries.options().map(o -> o.withTenant(
                TenantExpectations.none().withReportingEndpoint("https://reports.example/csp")));
    }
}
