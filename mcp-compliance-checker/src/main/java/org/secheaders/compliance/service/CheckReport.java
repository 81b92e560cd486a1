package org.secheaders.compliance.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.ControlCheck;
import org.secheaders.domain.compliance.ControlResult;
import org.secheaders.domain.compliance.Disagreement;
import org.secheaders.domain.compliance.FrameworkResult;
import org.secheaders.domain.compliance.HeaderDrift;
import org.secheaders.domain.compliance.TopFailure;
import org.secheaders.domain.compliance.run.CheckRun;
import org.secheaders.domain.compliance.run.ControlTransition;
import org.secheaders.domain.compliance.run.TargetEvidence;
import org.secheaders.domain.grading.ObservatoryReport;
import org.secheaders.domain.grading.TestOutcome;
import org.secheaders.domain.model.ComplianceFramework;

/**
 * One framework's part of a recorded check run, as the check tools return it.
 *
 * @param topFailures  root causes behind this framework's failing and warning controls, most important first
 * @param drift        configured vs observed per header (URL targets)
 * @param observatory  the MDN Observatory grade of the same evidence (OWASP only)
 * @param disagreements where the Observatory and the CSP validator judge the CSP differently (OWASP only)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CheckReport(
        String tenant,
        long tenantId,
        String framework,
        Instant checkedAt,
        Instant nextCheckAt,
        Target target,
        Asvs asvs,
        String status,
        int score,
        Counts counts,
        String statusReason,
        List<Control> controls,
        List<Failure> topFailures,
        Optional<List<Drift>> drift,
        List<Transition> transitions,
        Optional<Observatory> observatory,
        Optional<List<DisagreementView>> disagreements,
        String catalogueVersion,
        String reference,
        String disclaimer) {

    /** How many root causes a result lists; the stored rows keep every control's fixes. */
    public static final int TOP_FAILURES = 5;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Target(String source, Optional<String> url, List<String> headerLines, List<String> redirectChain,
                         Optional<String> notEvaluated) {
        static Target of(TargetEvidence target) {
            return new Target(target.source().wireName(), target.url(), target.headerLines(), target.redirectChain(),
                    target.notEvaluated());
        }
    }

    public record Asvs(String version, int level) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Counts(int passed, int warnings, int failed, int notApplicable, int notEvaluated) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Control(String controlId, String name, String requirement, String outcome, String severity,
                          String reason, List<Check> checks, List<String> evidence, Optional<String> remediation,
                          String citation) {
        static Control of(ControlResult control) {
            return new Control(control.controlId(), control.name(), control.requirement(), control.outcome(),
                    control.severity().wireName(), control.reason(),
                    control.checks().stream().map(Check::of).toList(), control.evidence(),
                    Optional.ofNullable(control.remediation()), control.citation());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Check(String id, String outcome, String readAs, String rule, Optional<String> observed,
                        String expected, String message) {
        static Check of(ControlCheck check) {
            return new Check(check.atomic().id(), check.atomic().outcome(),
                    check.atomic().evaluated() ? check.readAs().wireName() : check.atomic().outcome(),
                    check.atomic().rule(), check.atomic().observed(), check.atomic().expected(), check.atomic().message());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Failure(String checkId, String outcome, String severity, List<String> controls, String message,
                          String fix) {
        static Failure of(TopFailure failure, Set<String> frameworkControls) {
            return new Failure(failure.checkId(), failure.result().wireName(), failure.severity().wireName(),
                    failure.controls().stream().filter(frameworkControls::contains).toList(), failure.message(),
                    failure.remediation());
        }
    }

    public record Drift(String header, String kind, Optional<String> configured, Optional<String> observed,
                        boolean critical) {
        static Drift of(HeaderDrift drift) {
            return new Drift(drift.header(), drift.kind().wireName(), drift.configured(), drift.observed(),
                    drift.critical());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Transition(String controlId, String before, String after, boolean regression) {
        static Transition of(ControlTransition transition) {
            return new Transition(transition.controlId(), transition.before().wireName(), transition.after().wireName(),
                    transition.isRegression());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Observatory(int algorithmVersion, String grade, int score, int testsPassed, int testsFailed,
                              int testsQuantity, List<ObservatoryTest> tests, List<OutOfScope> outOfScope) {
        static Observatory of(ObservatoryReport report) {
            return new Observatory(report.algorithmVersion(), report.grade().display(), report.score(),
                    report.testsPassed(), report.testsFailed(), report.testsQuantity(),
                    report.tests().stream().map(ObservatoryTest::of).toList(),
                    report.outOfScope().stream().map(n -> new OutOfScope(n.test().wireName(), n.reason())).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ObservatoryTest(String test, String result, boolean pass, int scoreModifier, String description,
                                  String recommendation) {
        static ObservatoryTest of(TestOutcome outcome) {
            return new ObservatoryTest(outcome.test().wireName(), outcome.result().code(), outcome.pass(),
                    outcome.scoreModifier(), outcome.description(), outcome.recommendation());
        }
    }

    public record OutOfScope(String test, String reason) {
    }

    public record DisagreementView(String kind, String observatory, String validator, String explanation,
                                   String position) {
        static DisagreementView of(Disagreement disagreement) {
            return new DisagreementView(disagreement.kind().wireName(), disagreement.observatory(),
                    disagreement.validator(), disagreement.explanation(), disagreement.position());
        }
    }

    /**
     * {@code framework}'s part of {@code run}.
     *
     * @param withGrades add the Observatory grade and the disagreements (the OWASP view)
     */
    public static CheckReport of(CheckRun run, ComplianceFramework framework, boolean withGrades) {
        ComplianceEvaluation evaluation = run.evaluation();
        FrameworkResult result = evaluation.framework(framework).orElseThrow(() ->
                new IllegalArgumentException("the run did not evaluate " + framework.wireName()));
        Set<String> ids = result.controls().stream().map(ControlResult::controlId).collect(Collectors.toSet());
        Map<ComplianceFramework, Instant> next = run.nextCheckAt();
        return new CheckReport(run.tenantSlug(), run.tenantId(), framework.wireName(), run.checkedAt(), next.get(framework),
                Target.of(run.target()),
                new Asvs(evaluation.options().asvsVersion().label(), evaluation.options().asvsLevel()),
                result.status().wireName(), result.score(),
                new Counts(result.counts().passed(), result.counts().warnings(), result.counts().failed(),
                        result.counts().notApplicable(), result.counts().notEvaluated()),
                result.statusReason(),
                result.controls().stream().map(Control::of).toList(),
                evaluation.topFailures().stream()
                        .filter(f -> f.controls().stream().anyMatch(ids::contains))
                        .limit(TOP_FAILURES)
                        .map(f -> Failure.of(f, ids))
                        .toList(),
                evaluation.drift().map(d -> d.differences().stream().map(Drift::of).toList()),
                run.transitions().stream().filter(t -> t.framework() == framework).map(Transition::of).toList(),
                withGrades ? evaluation.observatory().map(Observatory::of) : Optional.empty(),
                withGrades ? Optional.of(evaluation.disagreements().stream().map(DisagreementView::of).toList())
                        : Optional.empty(),
                evaluation.catalogueVersion(), evaluation.reference(), evaluation.disclaimer());
    }
}
