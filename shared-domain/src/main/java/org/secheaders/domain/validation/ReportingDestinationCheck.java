package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspPolicy;

/** Where violations are reported: nowhere, or only via {@code report-to}, which not every browser supports. */
final class ReportingDestinationCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        if (!policy.sources("report-uri").isEmpty()) {
            return List.of();
        }
        if (!policy.sources("report-to").isEmpty()) {
            return List.of(CspFinding.onDirective(FindingType.REPORT_TO_ONLY, FindingSeverity.INFO, "report-to",
                    "Violations are reported only via report-to, which browsers without the Reporting API ignore.",
                    "Add report-uri with the same endpoint's URL next to report-to."));
        }
        return List.of(CspFinding.onDirective(FindingType.REPORTING_DESTINATION_MISSING, FindingSeverity.INFO,
                "report-uri",
                "Violations are not reported anywhere, so breakage and attacks go unnoticed.",
                "Add report-to (with a Reporting-Endpoints header) and report-uri pointing at a collector."));
    }
}
