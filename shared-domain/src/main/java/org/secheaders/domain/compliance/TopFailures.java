package org.secheaders.domain.compliance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.secheaders.domain.compliance.check.AtomicChecks;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.SecuritySeverity;

/**
 * Groups failing and warning controls by the atomic check behind them. Order: failures before
 * warnings, then by the highest severity affected, then by how many controls the check affects
 * (fixing it fixes them all), then by check id.
 */
final class TopFailures {
    private TopFailures() {
    }

    static List<TopFailure> of(List<FrameworkResult> frameworks, AtomicChecks checks) {
        Map<String, List<Cause>> byCheck = new LinkedHashMap<>();
        for (FrameworkResult framework : frameworks) {
            for (ControlResult control : framework.controls()) {
                if (!control.scored() || control.result() == CheckResult.PASS) {
                    continue;
                }
                for (ControlCheck check : control.checks()) {
                    if (check.readAs() == CheckResult.FAIL || check.readAs() == CheckResult.WARNING) {
                        byCheck.computeIfAbsent(check.atomic().id(), id -> new ArrayList<>()).add(new Cause(control, check));
                    }
                }
            }
        }
        List<TopFailure> failures = new ArrayList<>();
        byCheck.forEach((id, causes) -> failures.add(topFailure(id, causes, checks.get(id).fix())));
        failures.sort(Comparator.comparing((TopFailure f) -> f.result() == CheckResult.FAIL ? 0 : 1)
                .thenComparing(TopFailure::severity, Comparator.reverseOrder())
                .thenComparing(f -> -f.controls().size())
                .thenComparing(TopFailure::checkId));
        return failures;
    }

    private record Cause(ControlResult control, ControlCheck check) {
    }

    private static TopFailure topFailure(String checkId, List<Cause> causes, String fix) {
        List<Cause> bySeverity = causes.stream()
                .sorted(Comparator.comparing((Cause c) -> c.control().severity(), Comparator.reverseOrder()))
                .toList();
        Cause worst = bySeverity.get(0);
        CheckResult result = causes.stream().anyMatch(c -> c.check().readAs() == CheckResult.FAIL)
                ? CheckResult.FAIL : CheckResult.WARNING;
        SecuritySeverity severity = worst.control().severity();
        return new TopFailure(checkId, result, severity,
                bySeverity.stream().map(c -> c.control().controlId()).distinct().toList(),
                worst.check().atomic().message(), fix);
    }
}
