package org.secheaders.domain.compliance;

import java.util.List;

/** Configured vs observed, header by header, sorted by header name. */
public record DriftReport(List<HeaderDrift> differences) {
    public DriftReport {
        differences = List.copyOf(differences);
    }

    public boolean hasDrift() {
        return !differences.isEmpty();
    }

    public boolean hasCriticalDrift() {
        return differences.stream().anyMatch(HeaderDrift::critical);
    }
}
