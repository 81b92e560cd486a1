package org.secheaders.domain.compliance.remediation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.ComplianceEvaluator;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.TopFailure;
import org.secheaders.domain.compliance.check.CookieLine;
import org.secheaders.domain.compliance.check.CspEvidence;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.validation.CspFinding;
import org.secheaders.domain.validation.FindingSeverity;

/**
 * Proposes header changes for failing and warning controls and keeps only those that prove
 * themselves: each candidate is applied to the evidence, the evidence is evaluated again (controls,
 * atomic checks, Observatory grade, CSP validator), and a candidate that lowers anything, adds a
 * HIGH or syntax finding to the CSP, or fixes none of its targets is rejected; the remedy's next
 * candidate (its repair) is tried instead. Suggestions are ordered by priority: the change's own
 * severity-weighted control gain plus what the whole plan loses without it, then Observatory gain.
 */
public final class RemediationPlanner {
    private static final Set<FindingSeverity> WEAKENING = Set.of(FindingSeverity.HIGH, FindingSeverity.SYNTAX);

    private final ComplianceEvaluator evaluator;
    private final List<Remedy> remedies = List.of(
            new HstsRemedy(),
            new CspBaselineRemedy(),
            new ScriptSrcRemedy(),
            DirectiveRemedy.fixed("csp.object_src_none", "object-src", "'none'",
                    "object-src 'none' switches plugins off; no current site needs them."),
            DirectiveRemedy.fixed("csp.base_uri", "base-uri", "'self'",
                    "base-uri 'self' stops an injected <base> from redirecting relative URLs."),
            DirectiveRemedy.fixed("csp.form_action", "form-action", "'self'",
                    "form-action 'self' stops injected forms from posting data elsewhere."),
            DirectiveRemedy.frameAncestors(),
            new ReportingRemedy(),
            new FixedValueRemedy("xcto.nosniff", "X-Content-Type-Options", "nosniff",
                    "Browsers stop guessing content types, so uploads cannot run as script."),
            new FixedValueRemedy("referrer.privacy", "Referrer-Policy", "strict-origin-when-cross-origin",
                    "Paths and queries stay on the site; other sites see the origin at most."),
            new PermissionsPolicyRemedy(),
            new FixedValueRemedy("coop.same_origin", "Cross-Origin-Opener-Policy", "same-origin",
                    "Cross-origin windows lose their reference to the page."),
            new FixedValueRemedy("coep.require_corp", "Cross-Origin-Embedder-Policy", "require-corp",
                    "Only resources that opt in can be embedded; check third-party images and scripts send CORP or CORS first."),
            new FixedValueRemedy("corp.same_origin", "Cross-Origin-Resource-Policy", "same-origin",
                    "Other sites can no longer embed the response."),
            new CookieRemedy(),
            new LeakRemedy(),
            new DeprecatedRemedy(),
            new ContentTypeRemedy(),
            new FixedValueRemedy("cache.no_store_sensitive", "Cache-Control", "no-store",
                    "Sensitive responses are not kept in browser or shared caches."),
            new FixedValueRemedy("clear_site_data.on_logout", "Clear-Site-Data", "\"cache\",\"cookies\",\"storage\"",
                    "Logout removes the session's cookies and stored data from the browser."));

    public RemediationPlanner(ComplianceEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /** Every atomic check some remedy can fix with a header change. */
    public Set<String> remediableChecks() {
        Set<String> checks = new TreeSet<>();
        remedies.forEach(r -> checks.addAll(r.addresses()));
        return checks;
    }

    public RemediationPlan plan(EvidenceBundle bundle, Set<ComplianceFramework> frameworks, EvaluationOptions options) {
        ComplianceEvaluation before = evaluator.evaluate(bundle, frameworks, options);
        Set<String> failing = before.topFailures().stream().map(TopFailure::checkId)
                .collect(Collectors.toCollection(TreeSet::new));
        List<RemediationSuggestion> accepted = new ArrayList<>();
        List<RejectedSuggestion> rejected = new ArrayList<>();
        Optional<ResponseEvidence> evidence = bundle.evidence();
        if (evidence.isPresent()) {
            ResponseHeaders headers = evidence.get().headers();
            RemedyInput input = new RemedyInput(headers, CspEvidence.of(evidence.get()), CookieLine.all(headers),
                    failing, options, evaluator.oshp());
            for (Remedy remedy : remedies) {
                for (Proposal proposal : remedy.propose(input)) {
                    Trial trial = new Trial(bundle, before, frameworks, options);
                    trial.run(proposal).ifPresentOrElse(accepted::add, () -> rejected.add(new RejectedSuggestion(
                            proposal.target(), proposal.addresses(), trial.rejections)));
                }
            }
        }
        ComplianceEvaluation combined = evaluator.evaluate(RemediationPlan.applyAll(bundle, accepted), frameworks,
                options);
        List<RemediationSuggestion> ordered = new ArrayList<>(withJointEffects(bundle, frameworks, options, accepted, combined));
        ordered.sort(Comparator.comparingInt(RemediationSuggestion::priority).reversed()
                .thenComparing(Comparator.comparingInt(RemediationSuggestion::observatoryDelta).reversed())
                .thenComparing(RemediationSuggestion::target));
        EvaluationDiff total = EvaluationDiff.between(before, combined);
        return new RemediationPlan(before, ordered, manual(before, ordered, rejected), rejected,
                new CombinedOutcome(redactedLines(RemediationPlan.applyAll(bundle, ordered)), total.scores(),
                        total.observatoryBefore(), total.observatoryAfter()));
    }

    /** Leave-one-out against the whole plan: what each change completes that no other change does. */
    private List<RemediationSuggestion> withJointEffects(EvidenceBundle bundle, Set<ComplianceFramework> frameworks,
                                                         EvaluationOptions options, List<RemediationSuggestion> accepted,
                                                         ComplianceEvaluation combined) {
        List<RemediationSuggestion> result = new ArrayList<>();
        for (RemediationSuggestion suggestion : accepted) {
            List<RemediationSuggestion> others = accepted.stream().filter(s -> s != suggestion).toList();
            ComplianceEvaluation without = evaluator.evaluate(RemediationPlan.applyAll(bundle, others), frameworks, options);
            EvaluationDiff lost = EvaluationDiff.between(without, combined);
            result.add(suggestion.withJointEffect(lost.controlsFixed(), Math.max(lost.impact(), 0)));
        }
        return result;
    }

    /** Top failures no accepted suggestion improves, in the same order. */
    private List<ManualAction> manual(ComplianceEvaluation before, List<RemediationSuggestion> accepted,
                                      List<RejectedSuggestion> rejected) {
        Set<String> improved = accepted.stream().flatMap(s -> s.checksImproved().stream()).collect(Collectors.toSet());
        List<ManualAction> manual = new ArrayList<>();
        for (TopFailure failure : before.topFailures()) {
            if (improved.contains(failure.checkId())) {
                continue;
            }
            String reason = rejected.stream().filter(r -> r.addresses().contains(failure.checkId())).findFirst()
                    .map(r -> "the proposed change to " + r.target() + " was rejected: " + String.join("; ", r.reasons()))
                    .orElse(remediableChecks().contains(failure.checkId())
                            ? "no header change applies to this response"
                            : "needs a change outside the response headers (server behaviour, code or process)");
            manual.add(new ManualAction(failure.checkId(), failure.remediation(), failure.controls(), reason));
        }
        return manual;
    }

    private static List<String> redactedLines(EvidenceBundle bundle) {
        return bundle.evidence().map(e -> e.headers().fields().stream().map(RemediationPlanner::redacted).toList())
                .orElse(List.of());
    }

    private static String redacted(HeaderField field) {
        return field.name() + ": " + (field.name().equalsIgnoreCase("Set-Cookie")
                ? CookieLine.parse(field.value()).map(CookieLine::redacted).orElse("<redacted>")
                : field.value());
    }

    /** One proposal tried candidate by candidate against the original evidence. */
    private final class Trial {
        private final EvidenceBundle bundle;
        private final ComplianceEvaluation before;
        private final Set<ComplianceFramework> frameworks;
        private final EvaluationOptions options;
        private final List<String> rejections = new ArrayList<>();

        Trial(EvidenceBundle bundle, ComplianceEvaluation before, Set<ComplianceFramework> frameworks,
              EvaluationOptions options) {
            this.bundle = bundle;
            this.before = before;
            this.frameworks = frameworks;
            this.options = options;
        }

        Optional<RemediationSuggestion> run(Proposal proposal) {
            for (Candidate candidate : proposal.candidates()) {
                EvidenceBundle patched = bundle;
                for (HeaderPatch patch : candidate.patches()) {
                    patched = patched.mapHeaders(patch::apply);
                }
                ComplianceEvaluation after = evaluator.evaluate(patched, frameworks, options);
                EvaluationDiff diff = EvaluationDiff.between(before, after);
                List<String> problems = problems(proposal, diff, patched);
                if (problems.isEmpty()) {
                    return Optional.of(new RemediationSuggestion(proposal.target(), candidate.patches(),
                            changes(candidate, patched), proposal.addresses(), diff.checksImproved(),
                            diff.controlsFixed(), diff.controlsImproved(), diff.impact(), List.of(), 0, diff.observatoryBefore(),
                            diff.observatoryAfter(), diff.scores(), candidate.rationale(), List.copyOf(rejections)));
                }
                rejections.add(describe(candidate) + ": " + String.join("; ", problems));
            }
            return Optional.empty();
        }

        private List<String> problems(Proposal proposal, EvaluationDiff diff, EvidenceBundle patched) {
            List<String> problems = new ArrayList<>();
            diff.controlsLowered().forEach(c -> problems.add("lowers control " + c));
            diff.checksLowered().forEach(c -> problems.add("lowers check " + c));
            if (diff.observatoryAfter() < diff.observatoryBefore()) {
                problems.add("lowers the Observatory score from " + diff.observatoryBefore() + " to "
                        + diff.observatoryAfter());
            }
            weakeningFindings(patched).forEach(f -> problems.add("adds CSP finding " + f));
            if (diff.checksImproved().stream().noneMatch(proposal.addresses()::contains)) {
                problems.add("improves none of " + String.join(", ", proposal.addresses()));
            }
            return problems;
        }

        /** HIGH and syntax findings in the patched policies that the original policies did not have. */
        private List<String> weakeningFindings(EvidenceBundle patched) {
            Set<String> known = weakening(bundle);
            return weakening(patched).stream().filter(f -> !known.contains(f)).toList();
        }

        private Set<String> weakening(EvidenceBundle evidence) {
            Set<String> findings = new LinkedHashSet<>();
            evidence.evidence().map(CspEvidence::of).ifPresent(csp -> csp.findingsPerPolicy().forEach(
                    list -> list.stream().filter(f -> WEAKENING.contains(f.severity())).map(Trial::key).forEach(findings::add)));
            return findings;
        }

        private static String key(CspFinding finding) {
            return finding.type().id() + " " + finding.type().name() + " on " + finding.directive()
                    + finding.value().map(v -> " " + v).orElse("");
        }

        private List<ValueChange> changes(Candidate candidate, EvidenceBundle patched) {
            ResponseHeaders old = bundle.evidence().orElseThrow().headers();
            ResponseHeaders now = patched.evidence().orElseThrow().headers();
            Map<String, ValueChange> changes = new LinkedHashMap<>();
            for (HeaderPatch patch : candidate.patches()) {
                changes.putIfAbsent(patch.target(), patch instanceof HeaderPatch.EditCookie cookie
                        ? new ValueChange(patch.target(), cookieLine(old, cookie.cookie()),
                                cookieLine(now, cookie.cookie()))
                        : new ValueChange(patch.target(), old.combined(patch.target()), now.combined(patch.target())));
            }
            return List.copyOf(changes.values());
        }

        private String describe(Candidate candidate) {
            return candidate.patches().stream().map(HeaderPatch::describe).collect(Collectors.joining(" + "));
        }
    }

    private static Optional<String> cookieLine(ResponseHeaders headers, String cookie) {
        List<String> lines = CookieLine.all(headers).stream().filter(c -> c.name().equals(cookie))
                .map(CookieLine::redacted).distinct().toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join(" | ", lines));
    }
}
