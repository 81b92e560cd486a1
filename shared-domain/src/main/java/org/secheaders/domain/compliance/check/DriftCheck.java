package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.secheaders.domain.compliance.DriftReport;
import org.secheaders.domain.compliance.HeaderDrift;

/**
 * {@code drift.none}: the site sends what the tenant configured. Drift on a core protection (CSP,
 * HSTS, framing, nosniff) fails: the configuration no longer describes the site. Other drift is a
 * warning.
 */
final class DriftCheck implements AtomicCheck {
    static final String ID = "drift.none";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "observed security headers equal the configured ones";
    }

    @Override
    public String fix() {
        return "Bring the site back to the configured headers, or update the configuration through the approval workflow.";
    }

    @Override
    public EvidenceNeed need() {
        return EvidenceNeed.DRIFT;
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        DriftReport drift = context.drift().orElseThrow();
        List<String> lines = drift.differences().stream().map(DriftCheck::describe).toList();
        Finding finding = Finding.of(this, lines.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", lines)), lines);
        if (drift.hasCriticalDrift()) {
            return finding.fail("critical_drift", "Core protections differ from the configuration: "
                    + names(drift.differences().stream().filter(HeaderDrift::critical).toList()) + ".");
        }
        return drift.hasDrift()
                ? finding.warn("drift", "Observed headers differ from the configuration: " + names(drift.differences()) + ".")
                : finding.pass("no_drift", "The site sends the configured security headers.");
    }

    private static String describe(HeaderDrift drift) {
        return drift.header() + " " + drift.kind().wireName() + ": configured " + drift.configured().orElse("(none)")
                + ", observed " + drift.observed().orElse("(none)");
    }

    private static String names(List<HeaderDrift> drifts) {
        return drifts.stream().map(d -> d.header() + " (" + d.kind().wireName() + ")").collect(Collectors.joining(", "));
    }
}
