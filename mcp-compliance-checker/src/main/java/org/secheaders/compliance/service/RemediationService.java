package org.secheaders.compliance.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.FrameworkResult;
import org.secheaders.domain.compliance.remediation.HeaderPatch;
import org.secheaders.domain.compliance.remediation.ManualAction;
import org.secheaders.domain.compliance.remediation.RejectedSuggestion;
import org.secheaders.domain.compliance.remediation.RemediationPlan;
import org.secheaders.domain.compliance.remediation.RemediationPlanner;
import org.secheaders.domain.compliance.remediation.RemediationSuggestion;
import org.secheaders.domain.compliance.run.CheckInputs;
import org.secheaders.domain.compliance.run.ComplianceAudit;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.grading.ObservatoryReport;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.repo.AuditLogRepository;
import org.secheaders.domain.repo.PolicyRepository;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.scan.RedactedHeaders;
import org.secheaders.platform.PlatformJson;

/**
 * Remediation for a tenant: the compliance engine's validated header changes for the failing and
 * warning controls (ordered by impact), each turned into tenant policy rows and tried with the
 * policy engine on the tenant's stored rows ({@link PolicyValidation}); optionally saved as
 * inactive draft rows with an audit entry.
 */
public final class RemediationService {

    private final ComplianceCheckService checks;
    private final PolicyRepository policies;
    private final AuditLogRepository audit;
    private final PlatformPolicy platform;

    public RemediationService(ComplianceCheckService checks, PolicyRepository policies, AuditLogRepository audit,
            PlatformPolicy platform) {
        this.checks = checks;
        this.policies = policies;
        this.audit = audit;
        this.platform = platform;
    }

    /**
     * @param saveAs when present, saves the combined rows as inactive drafts on behalf of this actor
     * @throws IllegalArgumentException when {@code scope} has no such tenant, or its settings are malformed
     */
    public RemediationResult suggest(TenantScope scope, RemediationRequest request, Optional<Actor> saveAs) {
        CheckInputs inputs = checks.inputs(scope, request.tenantId(), request.target(), request.overrides());
        RemediationPlan plan = new RemediationPlanner(checks.evaluator())
                .plan(inputs.bundle(), request.frameworks(), inputs.options());
        PolicyValidation validation = new PolicyValidation(platform, checks.evaluator(),
                policies.listByTenant(scope, request.tenantId()), request.tenantId(), inputs.at(), request.frameworks(),
                inputs.options(), inputs.bundle().history());
        ResponseHeaders configured = validation.configured();

        List<RemediationResult.Suggestion> suggestions = new ArrayList<>();
        List<RemediationSuggestion> accepted = new ArrayList<>();
        List<RemediationResult.Rejected> rejected = new ArrayList<>();
        for (RejectedSuggestion r : plan.rejected()) {
            rejected.add(new RemediationResult.Rejected(r.target(), "evaluation", r.addresses(), r.reasons()));
        }
        for (RemediationSuggestion suggestion : plan.suggestions()) {
            ResponseHeaders proposed = apply(configured, List.of(suggestion));
            PolicyPatch patch = PolicyPatch.between(configured, proposed);
            PolicyValidation.Outcome outcome = patch.configurable() || !patch.impossible().isEmpty()
                    ? validation.validate(patch, proposed)
                    : new PolicyValidation.Outcome(Optional.of(new PolicyValidation.Accepted(List.of(), List.of())), List.of());
            if (outcome.accepted().isEmpty()) {
                rejected.add(new RemediationResult.Rejected(suggestion.target(), "policy_engine", suggestion.addresses(),
                        outcome.problems()));
                continue;
            }
            accepted.add(suggestion);
            suggestions.add(view(suggestions.size() + 1, suggestion, outcome.accepted().get(), patch.application()));
        }

        ResponseHeaders all = apply(configured, accepted);
        PolicyPatch combinedPatch = PolicyPatch.between(configured, all);
        PolicyValidation.Outcome combinedOutcome = combinedPatch.configurable()
                ? validation.validate(combinedPatch, all)
                : new PolicyValidation.Outcome(Optional.empty(), List.of("no accepted suggestion changes the tenant's policy"));
        RemediationResult.Combined combined = combined(inputs, request.frameworks(), plan.before(), accepted,
                combinedOutcome);
        Optional<RemediationResult.Draft> draft = saveAs.flatMap(actor -> combinedOutcome.accepted()
                .map(rows -> save(scope, request.tenantId(), rows.rows(), accepted, actor)));

        ComplianceEvaluation before = plan.before();
        return new RemediationResult(inputs.tenant().slug(), inputs.tenant().id(),
                request.frameworks().stream().sorted().map(ComplianceFramework::wireName).toList(),
                CheckReport.Target.of(inputs.target()),
                new CheckReport.Asvs(inputs.options().asvsVersion().label(), inputs.options().asvsLevel()),
                before.frameworks().stream().map(f -> new RemediationResult.Score(f.framework().wireName(),
                        f.status().wireName(), f.score())).toList(),
                before.observatory().map(o -> o.grade().display()),
                suggestions, rejected,
                plan.manual().stream().map(RemediationService::manual).toList(),
                combined, draft);
    }

    private static ResponseHeaders apply(ResponseHeaders headers, List<RemediationSuggestion> suggestions) {
        ResponseHeaders patched = headers;
        for (RemediationSuggestion suggestion : suggestions) {
            for (HeaderPatch patch : suggestion.patches()) {
                patched = patch.apply(patched);
            }
        }
        return patched;
    }

    private static RemediationResult.Suggestion view(int rank, RemediationSuggestion s,
            PolicyValidation.Accepted accepted, List<String> application) {
        return new RemediationResult.Suggestion(rank, s.target(),
                s.changes().stream().map(c -> new RemediationResult.Change(c.header(), c.before(), c.after())).toList(),
                rows(accepted.rows()), application, s.addresses(), s.controlsFixed(), s.controlsImproved(),
                s.controlsCompleted(), s.impact(), s.jointImpact(), s.observatoryBefore(), s.observatoryAfter(),
                s.scores().stream().map(c -> new RemediationResult.ScoreChange(c.framework().wireName(), c.before(),
                        c.after())).toList(),
                s.rationale(), accepted.decisions());
    }

    private static List<RemediationResult.PolicyRow> rows(List<TenantSecurityPolicy.Draft> drafts) {
        return drafts.stream().map(d -> new RemediationResult.PolicyRow(d.inheritanceMode().wireName(),
                configMap(d), d.inheritanceMode() == PolicyInheritanceMode.OVERRIDE
                        ? Optional.of(List.copyOf(d.overridePermissions().directives())) : Optional.empty())).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configMap(TenantSecurityPolicy.Draft draft) {
        try {
            return PlatformJson.mapper().readValue(draft.policyConfig().toJson(), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy config always reads back", e);
        }
    }

    private RemediationResult.Combined combined(CheckInputs inputs, Set<ComplianceFramework> frameworks,
            ComplianceEvaluation before, List<RemediationSuggestion> accepted, PolicyValidation.Outcome outcome) {
        EvidenceBundle bundle = inputs.bundle();
        for (RemediationSuggestion suggestion : accepted) {
            for (HeaderPatch patch : suggestion.patches()) {
                bundle = bundle.mapHeaders(patch::apply);
            }
        }
        ComplianceEvaluation after = checks.evaluator().evaluate(bundle, frameworks, inputs.options());
        List<RemediationResult.ScoreChange> scores = new ArrayList<>();
        for (FrameworkResult framework : before.frameworks()) {
            scores.add(new RemediationResult.ScoreChange(framework.framework().wireName(), framework.score(),
                    after.framework(framework.framework()).map(FrameworkResult::score).orElse(framework.score())));
        }
        List<String> headers = bundle.evidence().map(ResponseEvidence::headers).map(RedactedHeaders::redact)
                .map(h -> h.fields().stream().map(f -> f.name() + ": " + f.value()).toList()).orElse(List.of());
        return new RemediationResult.Combined(headers, scores,
                before.observatory().map(ObservatoryReport::score).orElse(0),
                after.observatory().map(ObservatoryReport::score).orElse(0),
                outcome.accepted().map(a -> rows(a.rows())).orElse(List.of()), outcome.problems());
    }

    private RemediationResult.Draft save(TenantScope scope, long tenantId, List<TenantSecurityPolicy.Draft> rows,
            List<RemediationSuggestion> accepted, Actor actor) {
        List<Long> ids = new ArrayList<>();
        for (TenantSecurityPolicy.Draft row : rows) {
            ids.add(policies.insert(scope, row, actor).id());
        }
        Set<String> controls = new LinkedHashSet<>();
        accepted.forEach(s -> {
            controls.addAll(s.controlsFixed());
            controls.addAll(s.controlsImproved());
            controls.addAll(s.controlsCompleted());
        });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("policy_ids", ids);
        details.put(ComplianceAudit.CONTROLS, List.copyOf(controls));
        details.put("suggestions", accepted.stream().map(RemediationSuggestion::target).toList());
        audit.append(scope, new AuditLogEntry.Draft(Optional.of(tenantId), actor, ComplianceAudit.DRAFT_ACTION,
                PolicyRepository.AUDIT_TARGET, ids.get(0).toString(), details));
        return new RemediationResult.Draft(ids, false, "inactive until a tenant admin activates "
                + (ids.size() == 1 ? "policy " + ids.get(0) : "policies " + ids) + "; activation turns a draft into a "
                + "headers policy that header enforcement applies");
    }

    private static RemediationResult.Manual manual(ManualAction action) {
        return new RemediationResult.Manual(action.checkId(), action.fix(), action.controls(), action.reason());
    }
}
