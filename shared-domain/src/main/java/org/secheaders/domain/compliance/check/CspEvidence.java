package org.secheaders.domain.compliance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspParseResult;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.KnownDirective;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.validation.CspFinding;
import org.secheaders.domain.validation.CspValidator;
import org.secheaders.domain.validation.FindingType;
import org.secheaders.domain.validation.MultiPolicyChecks;

/**
 * The Content Security Policies of a response, parsed and validated once per evaluation. Several
 * enforced policies all apply (a resource must pass each), so a weakness counts only when every
 * policy has it; that keeps "adding a policy" from ever lowering a result.
 */
public final class CspEvidence {

    public static final String HEADER = "Content-Security-Policy";
    public static final String REPORT_ONLY_HEADER = "Content-Security-Policy-Report-Only";
    /** CSP3 §6.1 and the directives' own specs: ignored when delivered in a meta element. */
    private static final Set<String> HEADER_ONLY = Set.of("frame-ancestors", "report-uri", "sandbox");
    private static final CspValidator VALIDATOR = CspValidator.standard();

    private final List<CspPolicy> headerPolicies;
    private final List<CspPolicy> enforced;
    private final List<CspPolicy> reportOnly;
    private final boolean unparsable;
    private final List<String> lines;
    private final List<List<CspFinding>> findingsPerPolicy;
    private final List<CspFinding> sharedWeaknesses;

    private CspEvidence(List<CspPolicy> headerPolicies, List<CspPolicy> metaPolicies, List<CspPolicy> reportOnly,
                        boolean unparsable, List<String> lines) {
        this.headerPolicies = List.copyOf(headerPolicies);
        List<CspPolicy> all = new ArrayList<>(headerPolicies);
        all.addAll(metaPolicies);
        this.enforced = List.copyOf(all);
        this.reportOnly = List.copyOf(reportOnly);
        this.unparsable = unparsable;
        this.lines = List.copyOf(lines);
        this.findingsPerPolicy = enforced.stream().map(VALIDATOR::validate).toList();
        this.sharedWeaknesses = MultiPolicyChecks.failures(enforced);
    }

    public static CspEvidence of(ResponseEvidence evidence) {
        ResponseHeaders headers = evidence.headers();
        List<String> values = headers.values(HEADER);
        List<CspPolicy> fromHeaders = parse(values);
        List<CspPolicy> fromMeta = parse(evidence.httpEquiv().values(HEADER)).stream()
                .map(CspEvidence::withoutHeaderOnly)
                .filter(p -> !p.directives().isEmpty())
                .toList();
        boolean unparsable = values.stream().anyMatch(v -> !v.isBlank()) && fromHeaders.isEmpty();
        return new CspEvidence(fromHeaders, fromMeta, parse(headers.values(REPORT_ONLY_HEADER)), unparsable,
                EvidenceLines.of(headers, HEADER, REPORT_ONLY_HEADER));
    }

    /** Policies from {@code Content-Security-Policy} headers (each value split on commas). */
    public List<CspPolicy> headerPolicies() {
        return headerPolicies;
    }

    /** Every enforced policy: header ones, then {@code <meta>} ones (without the directives ignored there). */
    public List<CspPolicy> enforced() {
        return enforced;
    }

    /** Policies from {@code Content-Security-Policy-Report-Only}: reported, never enforced. */
    public List<CspPolicy> reportOnly() {
        return reportOnly;
    }

    /** A CSP header was sent but yielded no directive. */
    public boolean unparsable() {
        return unparsable;
    }

    /** The raw CSP header lines. */
    public List<String> lines() {
        return lines;
    }

    public boolean hasEnforced() {
        return !enforced.isEmpty();
    }

    /** The enforced policies, serialized and joined as one would write them in a header. */
    public Optional<String> observed() {
        return hasEnforced()
                ? Optional.of(enforced.stream().map(CspPolicy::serialize).collect(Collectors.joining(", ")))
                : Optional.empty();
    }

    /** Weaknesses every enforced policy shares (the CSP validator's multi-policy rules). */
    public List<CspFinding> sharedWeaknesses() {
        return sharedWeaknesses;
    }

    /** The CSP validator's findings for each enforced policy, in order. */
    public List<List<CspFinding>> findingsPerPolicy() {
        return findingsPerPolicy;
    }

    /** Whether every enforced policy has such a finding (and there is at least one policy). */
    public boolean everyPolicyHas(Predicate<CspFinding> finding) {
        return !findingsPerPolicy.isEmpty() && findingsPerPolicy.stream().allMatch(f -> f.stream().anyMatch(finding));
    }

    /** Whether a finding of that type appears in the weaknesses every policy shares. */
    public boolean sharedWeakness(FindingType type, String directive) {
        return sharedWeaknesses.stream().anyMatch(f -> f.type() == type && f.directive().equals(directive));
    }

    /**
     * The directive that governs {@code directive} in {@code policy}: itself, else for
     * {@code script-src-elem}/{@code -attr} the {@code script-src}, else {@code default-src} for a
     * fetch directive; empty when nothing restricts it.
     */
    public static Optional<CspDirective> governing(CspPolicy policy, String directive) {
        Optional<CspDirective> own = policy.directive(directive);
        if (own.isPresent()) {
            return own;
        }
        if (directive.startsWith("script-src-")) {
            Optional<CspDirective> script = policy.directive("script-src");
            if (script.isPresent()) {
                return script;
            }
        }
        boolean fetch = KnownDirective.fromName(directive).map(KnownDirective::isFetch).orElse(false);
        return fetch ? policy.directive("default-src") : Optional.empty();
    }

    private static List<CspPolicy> parse(List<String> values) {
        return values.stream()
                .flatMap(value -> CspParser.parseHeader(value).stream())
                .map(CspParseResult::policy)
                .filter(p -> !p.directives().isEmpty())
                .toList();
    }

    private static CspPolicy withoutHeaderOnly(CspPolicy policy) {
        CspPolicy kept = policy;
        for (String name : HEADER_ONLY) {
            kept = kept.without(name);
        }
        return kept;
    }
}
