package org.secheaders.compliance.report;

import org.secheaders.compliance.report.ComplianceReportDocument.TenantSection;
import org.secheaders.compliance.report.FrameworkEvidence.ControlEvidence;

/**
 * The order of a human-readable report: header and disclaimer, the platform overview (platform-wide
 * reports), each tenant's executive summary, then the evidence per framework and control, and the
 * disclaimer again at the end where a reader of the details meets it.
 */
final class ReportOutline {

    private ReportOutline() {
    }

    static void write(ComplianceReportDocument document, ReportWriter out) {
        boolean platform = document.platform();
        out.title(document.title());
        out.facts(ReportTables.header(document));
        out.notice(document.disclaimer());
        if (platform) {
            out.heading(2, "Platform overview");
            out.table(ReportTables.overview(document));
        }
        document.tenants().forEach(section -> summary(section, platform, out));
        document.tenants().forEach(section -> section.frameworks().forEach(framework -> {
            out.heading(2, ReportTables.evidenceTitle(section, framework, platform));
            framework.controls().forEach(control -> control(control, out));
        }));
        out.heading(2, "Disclaimer");
        out.paragraph(document.disclaimer());
    }

    private static void summary(TenantSection section, boolean platform, ReportWriter out) {
        ExecutiveSummary summary = section.summary();
        out.heading(2, (platform ? section.tenant() + ": " : "") + ReportTables.EXECUTIVE_SUMMARY);
        out.facts(ReportTables.tenantFacts(section));
        out.table(ReportTables.frameworks(summary));
        out.heading(3, ReportTables.topFailuresTitle());
        if (summary.topFailures().isEmpty()) {
            out.paragraph("No high or critical control fails.");
        } else {
            out.facts(ReportTables.topFailures(summary));
        }
        out.heading(3, "Drift and trend");
        out.paragraph(ReportTables.driftLine(summary));
        if (!summary.drift().differences().isEmpty()) {
            out.table(ReportTables.drift(summary));
        }
        out.paragraph(ReportTables.trendLine(summary));
        ReportTables.trendScores(summary).filter(t -> !t.rows().isEmpty()).ifPresent(out::table);
        ReportTables.changedControls(summary).ifPresent(out::table);
        if (!section.disagreements().isEmpty()) {
            out.heading(3, "Where the Observatory and the CSP validator disagree");
            out.table(ReportTables.disagreements(section));
        }
    }

    private static void control(ControlEvidence control, ReportWriter out) {
        out.heading(3, ReportTables.controlTitle(control));
        out.facts(ReportTables.controlFacts(control));
        if (!control.checks().isEmpty()) {
            out.table(ReportTables.checks(control));
        }
        if (!control.evidence().isEmpty()) {
            out.verbatim(control.evidence());
        }
    }
}
