package org.secheaders.domain.compliance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.secheaders.domain.compliance.check.AtomicResult;
import org.secheaders.domain.grading.ObservatoryReport;
import org.secheaders.domain.model.ComplianceFramework;

/**
 * The outcome of one evaluation. Equal inputs give an equal evaluation: every list has a fixed order.
 *
 * @param catalogueVersion the catalogue the controls come from
 * @param reference        which OSHP reference the rules used, or that none was loaded
 * @param frameworks       in {@link ComplianceFramework} order
 * @param topFailures      root causes, most important first ({@link TopFailures} has the order)
 * @param drift            configured vs observed, when the bundle carried the pair
 * @param observatory      the MDN Observatory grade of the same response
 * @param disagreements    where the Observatory and the CSP validator judge the policy differently
 * @param checks           every atomic result computed, by id
 * @param disclaimer       what header evidence can and cannot establish
 */
public record ComplianceEvaluation(
        String catalogueVersion,
        EvidenceSource source,
        EvaluationOptions options,
        String reference,
        List<FrameworkResult> frameworks,
        List<TopFailure> topFailures,
        Optional<DriftReport> drift,
        Optional<ObservatoryReport> observatory,
        List<Disagreement> disagreements,
        List<AtomicResult> checks,
        String disclaimer) {

    public ComplianceEvaluation {
        Objects.requireNonNull(catalogueVersion, "catalogueVersion");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(reference, "reference");
        frameworks = List.copyOf(frameworks);
        topFailures = List.copyOf(topFailures);
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(observatory, "observatory");
        disagreements = List.copyOf(disagreements);
        checks = List.copyOf(checks);
        Objects.requireNonNull(disclaimer, "disclaimer");
    }

    public Optional<FrameworkResult> framework(ComplianceFramework framework) {
        return frameworks.stream().filter(f -> f.framework() == framework).findFirst();
    }

    public Optional<ControlResult> control(String controlId) {
        return frameworks.stream().flatMap(f -> f.controls().stream())
                .filter(c -> c.controlId().equals(controlId)).findFirst();
    }

    public Optional<AtomicResult> check(String checkId) {
        return checks.stream().filter(c -> c.id().equals(checkId)).findFirst();
    }

    /** Every control result of every framework evaluated, in order. */
    public List<ControlResult> controls() {
        return frameworks.stream().flatMap(f -> f.controls().stream()).toList();
    }
}
