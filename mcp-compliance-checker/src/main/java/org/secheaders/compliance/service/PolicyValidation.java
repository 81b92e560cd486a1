package org.secheaders.compliance.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.ComplianceEvaluator;
import org.secheaders.domain.compliance.ControlResult;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.HistoryEvidence;
import org.secheaders.domain.compliance.run.ConfiguredHeaders;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ObservatoryReport;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.HeaderKind;
import org.secheaders.domain.policy.HeaderSet;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.policy.PolicyResolver;
import org.secheaders.domain.policy.Resolution;
import org.secheaders.domain.policy.ResolvedPolicy;

/**
 * Tries policy rows on a tenant's stored rows with the policy engine, the way header enforcement
 * would resolve them, and accepts them only if the engine refuses nothing, serves exactly the
 * proposed headers, and the result lowers no control or Observatory score of the configuration.
 */
final class PolicyValidation {

    /** Ids for rows that are only being tried; stored rows have positive ids. */
    private static final long EXTEND_ID = -1;
    private static final long OVERRIDE_ID = -2;

    private final PlatformPolicy platform;
    private final PolicyResolver resolver = new PolicyResolver();
    private final ComplianceEvaluator evaluator;
    private final List<TenantSecurityPolicy> rows;
    private final long tenantId;
    private final Instant at;
    private final Set<ComplianceFramework> frameworks;
    private final EvaluationOptions options;
    private final Optional<HistoryEvidence> history;
    private final ResponseHeaders configured;
    private final ComplianceEvaluation configuredEvaluation;
    private final OverridePermissions granted;

    /** A patch the engine accepted, with its decisions. */
    record Accepted(List<TenantSecurityPolicy.Draft> rows, List<String> decisions) {
    }

    /** @param problems empty when accepted */
    record Outcome(Optional<Accepted> accepted, List<String> problems) {
    }

    PolicyValidation(PlatformPolicy platform, ComplianceEvaluator evaluator, List<TenantSecurityPolicy> rows,
            long tenantId, Instant at, Set<ComplianceFramework> frameworks, EvaluationOptions options,
            Optional<HistoryEvidence> history) {
        this.platform = platform;
        this.evaluator = evaluator;
        this.rows = List.copyOf(rows);
        this.tenantId = tenantId;
        this.at = at;
        this.frameworks = Set.copyOf(frameworks);
        this.options = options;
        this.history = history;
        this.configured = ConfiguredHeaders.render(resolver.resolve(platform, rows, at));
        this.configuredEvaluation = judge(configured);
        this.granted = grantsOf(rows);
    }

    /** What the tenant's rows serve now. */
    ResponseHeaders configured() {
        return configured;
    }

    Outcome validate(PolicyPatch patch, ResponseHeaders proposed) {
        List<String> problems = new ArrayList<>(patch.impossible());
        List<String> ungranted = patch.replaced().stream().filter(d -> !granted.permitsDirective(d)).toList();
        if (!ungranted.isEmpty()) {
            problems.add("removing sources from " + String.join(", ", ungranted) + " replaces the directive, which needs "
                    + "an override permission for it (overridePermissions.directives, granted by a platform admin); a "
                    + "policy row without one can only add sources");
        }
        if (!problems.isEmpty()) {
            return new Outcome(Optional.empty(), problems);
        }
        List<TenantSecurityPolicy.Draft> drafts = drafts(patch);
        List<TenantSecurityPolicy> tried = new ArrayList<>(rows);
        for (int i = 0; i < drafts.size(); i++) {
            tried.add(candidate(drafts.get(i), drafts.get(i).inheritanceMode() == PolicyInheritanceMode.OVERRIDE
                    ? OVERRIDE_ID : EXTEND_ID));
        }
        ResolvedPolicy resolved = resolver.resolve(platform, tried, at);
        List<String> decisions = new ArrayList<>();
        for (Resolution resolution : resolved.resolutions()) {
            if (resolution.policyId() != EXTEND_ID && resolution.policyId() != OVERRIDE_ID) {
                continue;
            }
            String what = resolution.header().or(resolution::directive).map(w -> w + ": ").orElse("");
            String line = resolution.kind().name().toLowerCase(Locale.ROOT) + " " + what + resolution.message();
            if (resolution.kind().name().startsWith("REFUSED")) {
                problems.add("the policy engine refused it: " + what + resolution.message());
            } else {
                decisions.add(line);
            }
        }
        ResponseHeaders served = ConfiguredHeaders.render(resolved);
        problems.addAll(differences(proposed, served));
        problems.addAll(lowered(judge(served)));
        return problems.isEmpty() ? new Outcome(Optional.of(new Accepted(drafts, decisions)), List.of())
                : new Outcome(Optional.empty(), problems);
    }

    private List<TenantSecurityPolicy.Draft> drafts(PolicyPatch patch) {
        List<TenantSecurityPolicy.Draft> drafts = new ArrayList<>();
        if (!patch.extend().equals(PolicyConfig.empty())) {
            drafts.add(new TenantSecurityPolicy.Draft(tenantId, "compliance remediation (extend)", PolicyType.DRAFT,
                    patch.extend(), PolicyInheritanceMode.EXTEND, OverridePermissions.none(), at, Optional.empty()));
        }
        if (!patch.override().equals(PolicyConfig.empty())) {
            // Only grants a platform admin already gave this tenant, and never a weakening.
            drafts.add(new TenantSecurityPolicy.Draft(tenantId, "compliance remediation (override)", PolicyType.DRAFT,
                    patch.override(), PolicyInheritanceMode.OVERRIDE,
                    new OverridePermissions(patch.replaced(), Set.of(), Set.of()), at, Optional.empty()));
        }
        return drafts;
    }

    /** The row as resolution sees it once a tenant admin activates the draft. */
    private TenantSecurityPolicy candidate(TenantSecurityPolicy.Draft draft, long id) {
        return new TenantSecurityPolicy(id, tenantId, draft.policyName(), PolicyType.HEADERS, draft.policyConfig(),
                draft.inheritanceMode(), draft.overridePermissions(), true, at, Optional.empty(), at, at);
    }

    private static OverridePermissions grantsOf(List<TenantSecurityPolicy> rows) {
        Set<String> directives = new TreeSet<>();
        rows.forEach(row -> directives.addAll(row.overridePermissions().directives()));
        return new OverridePermissions(directives, Set.of(), Set.of());
    }

    /** Where the engine would serve something else than proposed (CSP compared directive by directive, nonces aside). */
    private static List<String> differences(ResponseHeaders proposed, ResponseHeaders served) {
        List<String> problems = new ArrayList<>();
        for (String csp : List.of(HeaderSet.CONTENT_SECURITY_POLICY, HeaderSet.CONTENT_SECURITY_POLICY_REPORT_ONLY)) {
            Map<String, List<String>> want = PolicyPatch.directives(proposed.first(csp));
            Map<String, List<String>> got = PolicyPatch.directives(served.first(csp));
            if (!asSets(want).equals(asSets(got))) {
                problems.add("the policy engine would serve " + csp + ": " + served.first(csp).orElse("(none)")
                        + " instead of the proposed " + proposed.first(csp).orElse("(none)"));
            }
        }
        for (HeaderField field : proposed.fields()) {
            if (field.name().toLowerCase(Locale.ROOT).startsWith("content-security-policy")
                    || HeaderKind.byName(field.name()).isEmpty()) {
                continue;
            }
            Optional<String> got = served.first(field.name());
            if (got.map(v -> !normalized(v).equals(normalized(field.value()))).orElse(true)) {
                problems.add("the policy engine would serve " + field.name() + ": " + got.orElse("(nothing)")
                        + " instead of the proposed " + field.value());
            }
        }
        return problems;
    }

    private static Map<String, Set<String>> asSets(Map<String, List<String>> directives) {
        Map<String, Set<String>> sets = new TreeMap<>();
        directives.forEach((name, tokens) -> sets.put(name, new TreeSet<>(tokens)));
        return sets;
    }

    private static String normalized(String value) {
        return value.replaceAll("\\s*([;,=])\\s*", "$1").trim().toLowerCase(Locale.ROOT);
    }

    /** Controls, checks and the Observatory score that the served headers would lower against the configuration now. */
    private List<String> lowered(ComplianceEvaluation after) {
        List<String> problems = new ArrayList<>();
        for (ControlResult before : configuredEvaluation.controls()) {
            after.control(before.controlId()).filter(now -> before.scored() && now.scored()
                            && rank(now.result()) < rank(before.result()))
                    .ifPresent(now -> problems.add("it would lower " + before.controlId() + " from "
                            + before.outcome() + " to " + now.outcome()));
        }
        int scoreBefore = configuredEvaluation.observatory().map(ObservatoryReport::score).orElse(0);
        int scoreAfter = after.observatory().map(ObservatoryReport::score).orElse(0);
        if (scoreAfter < scoreBefore) {
            problems.add("it would lower the Observatory score from " + scoreBefore + " to " + scoreAfter);
        }
        return problems;
    }

    private static int rank(CheckResult result) {
        return switch (result) {
            case FAIL -> 0;
            case WARNING -> 1;
            case PASS, NOT_APPLICABLE -> 2;
        };
    }

    ComplianceEvaluation judge(ResponseHeaders headers) {
        EvidenceBundle bundle = EvidenceBundle.configured(headers);
        return evaluator.evaluate(history.map(bundle::withHistory).orElse(bundle), frameworks, options);
    }
}
