package org.secheaders.compliance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.secheaders.compliance.report.ComplianceReportDocument.TenantSection;
import org.secheaders.compliance.report.ExecutiveSummary.Counts;
import org.secheaders.compliance.report.ExecutiveSummary.FrameworkLine;
import org.secheaders.compliance.report.FrameworkEvidence.ControlEvidence;

/**
 * The words of a report, shared by the human-readable renderers so that Markdown, HTML and PDF say
 * the same thing: labels, table columns and cells. Values are raw; renderers escape them.
 */
final class ReportTables {

    static final String EXECUTIVE_SUMMARY = "Executive summary";
    static final String NONE = "None.";

    private ReportTables() {
    }

    record Table(List<String> columns, List<List<String>> rows) {
        Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    record Fact(String label, String value) {
    }

    static List<Fact> header(ComplianceReportDocument document) {
        return List.of(new Fact("Scope", document.scope()), new Fact("Target", document.target()),
                new Fact("Frameworks", String.join(", ", document.frameworks().stream().map(ReportTables::frameworkName).toList())),
                new Fact("Generated", document.generatedAt().toString()),
                new Fact("Control catalogue", document.catalogueVersion()));
    }

    /** Tenants × frameworks, for platform-wide reports. */
    static Table overview(ComplianceReportDocument document) {
        List<String> columns = new ArrayList<>(List.of("Tenant"));
        document.frameworks().forEach(framework -> columns.add(frameworkName(framework)));
        List<List<String>> rows = document.tenants().stream().map(section -> {
            List<String> row = new ArrayList<>(List.of(section.tenant()));
            for (String framework : document.frameworks()) {
                row.add(section.summary().frameworks().stream().filter(l -> l.framework().equals(framework)).findFirst()
                        .map(l -> words(l.status()) + ", " + l.score()).orElse("-"));
            }
            return row;
        }).toList();
        return new Table(columns, rows);
    }

    static List<Fact> tenantFacts(TenantSection section) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Checked", section.checkedAt() + " from " + section.source() + " headers"));
        section.observatory().ifPresent(grade -> facts.add(new Fact("MDN Observatory grade", grade)));
        return facts;
    }

    static Table frameworks(ExecutiveSummary summary) {
        return new Table(List.of("Framework", "Status", "Score", "Passed", "Warnings", "Failed", "Not applicable",
                "Not evaluated"), summary.frameworks().stream().map(ReportTables::frameworkRow).toList());
    }

    private static List<String> frameworkRow(FrameworkLine line) {
        Counts counts = line.counts();
        return List.of(frameworkName(line.framework()), words(line.status()), line.score() + "/100",
                Integer.toString(counts.passed()), Integer.toString(counts.warnings()), Integer.toString(counts.failed()),
                Integer.toString(counts.notApplicable()), Integer.toString(counts.notEvaluated()));
    }

    static String topFailuresTitle() {
        return "Top " + ReportAssembler.TOP_FAILURES + " high-severity failures";
    }

    /** One line per failure: what is wrong, where, and the fix. */
    static List<Fact> topFailures(ExecutiveSummary summary) {
        return summary.topFailures().stream().map(f -> new Fact(f.check() + " (" + f.severity() + "; "
                + String.join(", ", f.controls()) + ")", f.message() + " Fix: " + f.fix())).toList();
    }

    static String driftLine(ExecutiveSummary summary) {
        return "Drift: " + words(summary.drift().status()) + ". " + summary.drift().note();
    }

    static Table drift(ExecutiveSummary summary) {
        return new Table(List.of("Header", "Kind", "Configured", "Observed", "Critical"),
                summary.drift().differences().stream().map(d -> List.of(d.header(), d.kind(), d.configured().orElse("-"),
                        d.observed().orElse("-"), d.critical() ? "yes" : "no")).toList());
    }

    static String trendLine(ExecutiveSummary summary) {
        return summary.trend().map(t -> "Trend against report #" + t.previousReportId() + " of " + t.previousGeneratedAt()
                        + ": " + t.changedControls().size() + " control(s) changed, "
                        + t.changedControls().stream().filter(ReportTrend.ControlChange::regression).count() + " for the worse.")
                .orElse("Trend: this is the first compliance report of this scope and target.");
    }

    static Optional<Table> trendScores(ExecutiveSummary summary) {
        return summary.trend().map(t -> new Table(List.of("Framework", "Previous", "Now", "Change"), t.scores().stream()
                .map(s -> List.of(frameworkName(s.framework()), s.previous() + " (" + words(s.previousStatus()) + ")",
                        s.current() + " (" + words(s.currentStatus()) + ")", signed(s.change()))).toList()));
    }

    static Optional<Table> changedControls(ExecutiveSummary summary) {
        return summary.trend().filter(t -> !t.changedControls().isEmpty())
                .map(t -> new Table(List.of("Control", "Framework", "Before", "Now"), t.changedControls().stream()
                        .map(c -> List.of(c.controlId(), frameworkName(c.framework()), words(c.before()),
                                words(c.after()) + (c.regression() ? " (worse)" : ""))).toList()));
    }

    static Table disagreements(TenantSection section) {
        return new Table(List.of("Kind", "Observatory", "CSP validator", "Why", "This evaluation"),
                section.disagreements().stream().map(d -> List.of(words(d.kind()), d.observatory(), d.validator(),
                        d.explanation(), d.position())).toList());
    }

    static String evidenceTitle(TenantSection section, FrameworkEvidence framework, boolean platform) {
        return (platform ? section.tenant() + ": " : "") + "Evidence: " + frameworkName(framework.framework())
                + " (" + words(framework.status()) + ", " + framework.score() + "/100)";
    }

    static String controlTitle(ControlEvidence control) {
        return control.controlId() + " " + control.name() + ": " + words(control.result()).toUpperCase(Locale.ROOT)
                + " (" + control.severity() + ")";
    }

    static List<Fact> controlFacts(ControlEvidence control) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Requirement", control.requirement()));
        facts.add(new Fact("Reason", control.reason()));
        control.remediation().ifPresent(fix -> facts.add(new Fact("Fix", fix)));
        facts.add(new Fact("Citation", control.citation()));
        return facts;
    }

    static Table checks(ControlEvidence control) {
        return new Table(List.of("Check", "Read as", "Observed", "Expected", "Rule"), control.checks().stream()
                .map(c -> List.of(c.check(), words(c.result()), c.observed().orElse("-"), c.expected(), c.rule())).toList());
    }

    static String frameworkName(String wireName) {
        return switch (wireName) {
            case "owasp" -> "OWASP";
            case "soc2" -> "SOC 2";
            case "gdpr" -> "GDPR";
            case "iso27001" -> "ISO 27001";
            case "nist" -> "NIST 800-53";
            default -> wireName;
        };
    }

    /** {@code non_compliant} → {@code non compliant}. */
    static String words(String wireName) {
        return wireName.replace('_', ' ');
    }

    private static String signed(int value) {
        return value > 0 ? "+" + value : Integer.toString(value);
    }
}
