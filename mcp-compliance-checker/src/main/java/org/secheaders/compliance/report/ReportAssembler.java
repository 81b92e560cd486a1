package org.secheaders.compliance.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.secheaders.compliance.report.ComplianceReportDocument.DisagreementLine;
import org.secheaders.compliance.report.ComplianceReportDocument.TenantSection;
import org.secheaders.compliance.report.ExecutiveSummary.Counts;
import org.secheaders.compliance.report.ExecutiveSummary.Drift;
import org.secheaders.compliance.report.ExecutiveSummary.DriftLine;
import org.secheaders.compliance.report.ExecutiveSummary.FailureLine;
import org.secheaders.compliance.report.ExecutiveSummary.FrameworkLine;
import org.secheaders.compliance.report.FrameworkEvidence.CheckLine;
import org.secheaders.compliance.report.FrameworkEvidence.ControlEvidence;
import org.secheaders.compliance.report.ReportSnapshot.ControlOutcome;
import org.secheaders.compliance.report.ReportSnapshot.TenantSnapshot;
import org.secheaders.compliance.report.ReportTrend.ControlChange;
import org.secheaders.compliance.report.ReportTrend.ScoreChange;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.ControlResult;
import org.secheaders.domain.compliance.DriftReport;
import org.secheaders.domain.compliance.FrameworkResult;
import org.secheaders.domain.compliance.TopFailure;
import org.secheaders.domain.compliance.run.CheckRun;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.SecuritySeverity;

/** Turns a check run (and the previous report's snapshot) into a tenant's report section. Pure. */
final class ReportAssembler {

    /** High-severity root causes in the executive summary. */
    static final int TOP_FAILURES = 3;

    private ReportAssembler() {
    }

    /** The previous report of the same scope, when there is one. */
    record Previous(long reportId, Instant generatedAt, ReportSnapshot snapshot) {
    }

    static TenantSection section(CheckRun run, Optional<Previous> previous) {
        ComplianceEvaluation evaluation = run.evaluation();
        List<FrameworkLine> lines = evaluation.frameworks().stream().map(ReportAssembler::line).toList();
        List<FrameworkEvidence> details = evaluation.frameworks().stream().map(ReportAssembler::evidence).toList();
        Optional<ReportTrend> trend = previous.flatMap(p -> p.snapshot().tenant(run.tenantId())
                .map(snapshot -> trend(p, snapshot, lines, details)));
        ExecutiveSummary summary = new ExecutiveSummary(lines, topFailures(evaluation), drift(evaluation), trend);
        return new TenantSection(run.tenantId(), run.tenantSlug(), run.checkedAt(), evaluation.source().wireName(),
                evaluation.observatory().map(report -> report.grade().display() + " (" + report.score() + "/100)"),
                summary, details, evaluation.disagreements().stream().map(d -> new DisagreementLine(d.kind().wireName(),
                        d.observatory(), d.validator(), d.explanation(), d.position())).toList());
    }

    private static FrameworkLine line(FrameworkResult result) {
        return new FrameworkLine(result.framework().wireName(), result.status().wireName(), result.score(),
                new Counts(result.counts().passed(), result.counts().warnings(), result.counts().failed(),
                        result.counts().notApplicable(), result.counts().notEvaluated()), result.statusReason());
    }

    private static FrameworkEvidence evidence(FrameworkResult result) {
        return new FrameworkEvidence(result.framework().wireName(), result.status().wireName(), result.score(),
                result.controls().stream().map(ReportAssembler::control).toList());
    }

    private static ControlEvidence control(ControlResult control) {
        boolean open = control.evaluated() && (control.result() == CheckResult.FAIL || control.result() == CheckResult.WARNING);
        return new ControlEvidence(control.controlId(), control.name(), control.requirement(), control.outcome(),
                control.severity().wireName(), control.reason(),
                control.checks().stream().map(check -> new CheckLine(check.atomic().id(),
                        check.atomic().evaluated() ? check.readAs().wireName() : check.atomic().outcome(),
                        check.atomic().observed(), check.atomic().expected(), check.atomic().rule())).toList(),
                control.evidence(), open ? Optional.of(control.remediation()) : Optional.empty(), control.citation());
    }

    /** The worst root causes that fail a high or critical control, each with its fix on one line. */
    private static List<FailureLine> topFailures(ComplianceEvaluation evaluation) {
        return evaluation.topFailures().stream()
                .filter(f -> f.result() == CheckResult.FAIL && f.severity().compareTo(SecuritySeverity.HIGH) >= 0)
                .limit(TOP_FAILURES)
                .map(ReportAssembler::failure)
                .toList();
    }

    private static FailureLine failure(TopFailure failure) {
        return new FailureLine(failure.checkId(), failure.severity().wireName(), failure.controls(),
                oneLine(failure.message()), oneLine(failure.remediation()));
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static Drift drift(ComplianceEvaluation evaluation) {
        Optional<DriftReport> report = evaluation.drift();
        if (report.isEmpty()) {
            return new Drift(false, "not_available", evaluation.source().isLive()
                    ? "No configured header set was paired with this scan."
                    : "Drift compares configured with observed headers; generate the report with a url to see it.",
                    List.of());
        }
        DriftReport drift = report.get();
        List<DriftLine> lines = drift.differences().stream().map(d -> new DriftLine(d.header(), d.kind().wireName(),
                d.configured(), d.observed(), d.critical())).toList();
        if (!drift.hasDrift()) {
            return new Drift(true, "none", "The observed security headers are the configured ones.", lines);
        }
        return new Drift(true, drift.hasCriticalDrift() ? "critical" : "drift", drift.differences().size()
                + " header(s) differ from the configuration" + (drift.hasCriticalDrift()
                ? ", including a core protection (CSP, HSTS, framing or MIME sniffing)." : "."), lines);
    }

    private static ReportTrend trend(Previous previous, TenantSnapshot before, List<FrameworkLine> lines,
                                     List<FrameworkEvidence> details) {
        Map<String, FrameworkLine> earlier = before.frameworks().stream()
                .collect(Collectors.toMap(FrameworkLine::framework, Function.identity(), (a, b) -> a));
        List<ScoreChange> scores = new ArrayList<>();
        for (FrameworkLine now : lines) {
            FrameworkLine then = earlier.get(now.framework());
            if (then != null) {
                scores.add(new ScoreChange(now.framework(), then.score(), now.score(), now.score() - then.score(),
                        then.status(), now.status()));
            }
        }
        Map<String, String> results = before.controls().stream()
                .collect(Collectors.toMap(ControlOutcome::controlId, ControlOutcome::result, (a, b) -> a));
        List<ControlChange> changes = new ArrayList<>();
        for (FrameworkEvidence framework : details) {
            for (ControlEvidence control : framework.controls()) {
                String then = results.get(control.controlId());
                if (then != null && !then.equals(control.result())) {
                    changes.add(new ControlChange(framework.framework(), control.controlId(), then, control.result(),
                            rank(control.result()) < rank(then)));
                }
            }
        }
        return new ReportTrend(previous.reportId(), previous.generatedAt(), scores, changes);
    }

    /** Scored outcomes from worst to best; unscored ones never count as a regression. */
    private static int rank(String outcome) {
        return switch (outcome) {
            case "fail" -> 0;
            case "warning" -> 1;
            case "pass" -> 2;
            default -> 3;
        };
    }
}
