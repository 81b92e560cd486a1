package org.secheaders.domain.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.secheaders.domain.compliance.check.AtomicChecks;
import org.secheaders.domain.compliance.check.EvaluationContext;
import org.secheaders.domain.grading.ObservatoryGrader;
import org.secheaders.domain.grading.ObservatoryReport;
import org.secheaders.domain.model.ComplianceFramework;

/**
 * Evaluates evidence against the control catalogue: pure (no database, network or clock), so equal
 * inputs always give an equal {@link ComplianceEvaluation}. Immutable and thread-safe; build one and
 * reuse it.
 */
public final class ComplianceEvaluator {
    static final String DISCLAIMER = "Header evidence supports, but does not by itself establish, compliance with "
            + "SOC 2, GDPR, ISO/IEC 27001 or NIST SP 800-53: mappings outside OWASP are this project's interpretation "
            + "for an auditor to review, and a single scan is a point-in-time observation.";

    private final ControlCatalogue catalogue;
    private final Optional<OshpReference> oshp;
    private final AtomicChecks checks = AtomicChecks.standard();
    private final ObservatoryGrader grader = new ObservatoryGrader();

    /** Fails when the catalogue references an atomic check that does not exist. */
    public ComplianceEvaluator(ControlCatalogue catalogue, Optional<OshpReference> oshp) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.oshp = Objects.requireNonNull(oshp, "oshp");
        catalogue.requireChecks(checks.ids());
    }

    /** The built-in catalogue, without the OSHP reference. */
    public static ComplianceEvaluator standard() {
        return new ComplianceEvaluator(ControlCatalogue.builtIn(), Optional.empty());
    }

    /** The built-in catalogue with the OSHP lists as rule inputs. */
    public static ComplianceEvaluator withOshp(OshpReference reference) {
        return new ComplianceEvaluator(ControlCatalogue.builtIn(), Optional.of(reference));
    }

    public ControlCatalogue catalogue() {
        return catalogue;
    }

    public Optional<OshpReference> oshp() {
        return oshp;
    }

    public ComplianceEvaluation evaluate(EvidenceBundle bundle, Set<ComplianceFramework> frameworks,
                                         EvaluationOptions options) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(options, "options");
        if (frameworks.isEmpty()) {
            throw new IllegalArgumentException("choose at least one framework to evaluate");
        }
        EvaluationContext context = new EvaluationContext(bundle, options, oshp, checks);
        List<FrameworkResult> results = new ArrayList<>();
        for (ComplianceFramework framework : ComplianceFramework.values()) {
            if (frameworks.contains(framework)) {
                results.add(RollUp.of(framework, catalogue.controls(framework).stream()
                        .map(control -> ControlJudge.judge(control, context)).toList()));
            }
        }
        Optional<ObservatoryReport> observatory = bundle.evidence().map(grader::grade);
        List<Disagreement> disagreements = observatory
                .map(report -> DisagreementDetector.detect(report, context.csp()))
                .orElse(List.of());
        return new ComplianceEvaluation(catalogue.version(), bundle.source(), options,
                oshp.map(OshpReference::describe).orElse("OSHP reference not loaded: built-in rules only"),
                results, TopFailures.of(results, checks), context.drift(), observatory, disagreements, context.computed(),
                DISCLAIMER);
    }
}
