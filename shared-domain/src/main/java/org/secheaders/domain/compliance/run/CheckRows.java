package org.secheaders.domain.compliance.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.ControlCheck;
import org.secheaders.domain.compliance.ControlResult;
import org.secheaders.domain.compliance.FrameworkResult;
import org.secheaders.domain.compliance.TopFailure;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceCheck;
import org.secheaders.domain.model.ComplianceStatus;

/** How an evaluation is stored: one {@link ComplianceCheck.Draft} per control, and what changed since the stored rows. */
final class CheckRows {

    private CheckRows() {
    }

    static List<ComplianceCheck.Draft> drafts(long tenantId, ComplianceEvaluation evaluation, TargetEvidence target,
            Instant checkedAt, CheckCadence cadence) {
        List<ComplianceCheck.Draft> drafts = new ArrayList<>();
        for (FrameworkResult framework : evaluation.frameworks()) {
            Optional<Instant> next = Optional.of(cadence.nextAfter(framework.framework(), checkedAt));
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("catalogue_version", evaluation.catalogueVersion());
            metadata.put("asvs_version", evaluation.options().asvsVersion().label());
            metadata.put("asvs_level", evaluation.options().asvsLevel());
            metadata.put("source", evaluation.source().wireName());
            metadata.put("target", target.label());
            metadata.put("framework_status", framework.status().wireName());
            metadata.put("framework_score", framework.score());
            for (ControlResult control : framework.controls()) {
                drafts.add(new ComplianceCheck.Draft(tenantId, framework.framework(), control.controlId(), control.name(),
                        control.result(), status(control), evidence(control, target), remediation(control, evaluation),
                        checkedAt, next, metadata));
            }
        }
        return drafts;
    }

    /** A control's own standing: failures and warnings as the framework reads them, unknowns pending. */
    static ComplianceStatus status(ControlResult control) {
        if (!control.evaluated()) {
            return ComplianceStatus.PENDING;
        }
        return switch (control.result()) {
            case PASS, NOT_APPLICABLE -> ComplianceStatus.COMPLIANT;
            case WARNING -> ComplianceStatus.PARTIAL;
            case FAIL -> ComplianceStatus.NON_COMPLIANT;
        };
    }

    private static Map<String, Object> evidence(ControlResult control, TargetEvidence target) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("outcome", control.outcome());
        evidence.put("requirement", control.requirement());
        evidence.put("severity", control.severity().wireName());
        evidence.put("rule", control.reason());
        evidence.put("citation", control.citation());
        evidence.put("source", target.source().wireName());
        target.url().ifPresent(url -> evidence.put("url", url));
        target.notEvaluated().ifPresent(reason -> evidence.put("not_evaluated", reason));
        evidence.put("header_lines", control.evidence());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (ControlCheck check : control.checks()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", check.atomic().id());
            one.put("outcome", check.atomic().outcome());
            one.put("read_as", check.atomic().evaluated() ? check.readAs().wireName() : "not_evaluated");
            one.put("rule", check.atomic().rule());
            check.atomic().observed().ifPresent(observed -> one.put("observed", observed));
            one.put("expected", check.atomic().expected());
            one.put("message", check.atomic().message());
            checks.add(one);
        }
        evidence.put("checks", checks);
        return evidence;
    }

    /** For a failing or warning control: the fix of each check behind it (top failures), then the control's own. */
    private static List<String> remediation(ControlResult control, ComplianceEvaluation evaluation) {
        if (!control.evaluated() || control.result() == CheckResult.PASS || control.result() == CheckResult.NOT_APPLICABLE) {
            return List.of();
        }
        List<String> fixes = new ArrayList<>();
        for (TopFailure failure : evaluation.topFailures()) {
            if (failure.controls().contains(control.controlId()) && !fixes.contains(failure.remediation())) {
                fixes.add(failure.remediation());
            }
        }
        if (control.remediation() != null && !fixes.contains(control.remediation())) {
            fixes.add(control.remediation());
        }
        return fixes;
    }

    /** Controls whose stored result differs from the new one; a control stored for the first time is no transition. */
    static List<ControlTransition> transitions(List<ComplianceCheck> before, ComplianceEvaluation evaluation) {
        Map<String, ComplianceCheck> previous = new LinkedHashMap<>();
        before.forEach(row -> previous.put(row.framework().wireName() + "/" + row.controlId(), row));
        List<ControlTransition> transitions = new ArrayList<>();
        for (ControlResult control : evaluation.controls()) {
            ComplianceCheck old = previous.get(control.framework().wireName() + "/" + control.controlId());
            if (old != null && old.checkResult() != control.result()) {
                transitions.add(new ControlTransition(control.framework(), control.controlId(), control.name(),
                        old.checkResult(), control.result(), control.severity(),
                        control.remediation() == null ? "" : control.remediation()));
            }
        }
        return transitions;
    }
}
