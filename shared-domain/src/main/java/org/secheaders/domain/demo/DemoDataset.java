package org.secheaders.domain.demo;

import java.util.List;

/**
 * Everything the generator produced for a scenario: the reports in the order the collector
 * receives them, and the violations they carry (in the same order) with their ground truth.
 */
public record DemoDataset(DemoScenario scenario, List<DemoReport> reports, List<DemoViolation> violations) {
    public DemoDataset {
        reports = List.copyOf(reports);
        violations = List.copyOf(violations);
    }

    public List<DemoReport> reportsOf(String tenantSlug) {
        return reports.stream().filter(report -> report.tenantSlug().equals(tenantSlug)).toList();
    }

    public List<DemoViolation> violationsOf(String tenantSlug) {
        return violations.stream().filter(violation -> violation.tenantSlug().equals(tenantSlug)).toList();
    }
}
