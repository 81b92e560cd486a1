package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

import org.secheaders.domain.csp.CspPolicy;

/**
 * Checks over several policies enforced together (several CSP headers, or one header with commas),
 * with Lighthouse's rules ({@code lighthouse_checks.ts}): a resource must pass every policy, so a
 * weakness counts only when every policy has it, while a missing fallback counts when any has it.
 */
public final class MultiPolicyChecks {

    private static final CspCheck MISSING_SCRIPT_SRC = new MissingScriptSrcCheck();
    private static final CspCheck MISSING_OBJECT_SRC = new MissingObjectSrcCheck();
    private static final CspCheck STRICT_DYNAMIC = new StrictDynamicCheck();
    private static final CspCheck UNSAFE_INLINE = new ScriptUnsafeInlineCheck();
    private static final CspCheck WILDCARD = new WildcardCheck();
    private static final CspCheck PLAIN_URL_SCHEMES = new PlainUrlSchemesCheck();
    private static final CspCheck UNSAFE_INLINE_FALLBACK = new UnsafeInlineFallbackCheck();
    private static final CspCheck ALLOWLIST_FALLBACK = new AllowlistFallbackCheck();
    private static final List<CspCheck> SYNTAX = List.of(new NonceLengthCheck(), new UnknownDirectiveCheck(),
            new DeprecatedDirectiveCheck(), new MissingSemicolonCheck(), new InvalidKeywordCheck());

    private MultiPolicyChecks() {
    }

    /** Weaknesses that survive all policies: missing script-src/object-src/base-uri, allowlists, unsafe-inline, wildcards, plain schemes. */
    public static List<CspFinding> failures(List<CspPolicy> policies) {
        List<CspPolicy> effective = policies.stream().map(p -> EffectivePolicy.of(p).policy()).toList();
        // Script checks only apply to policies that restrict scripts at all.
        List<CspPolicy> effectiveWithScript = effective.stream()
                .filter(p -> p.has(EffectiveDirectives.name(p, "script-src")))
                .toList();
        return Stream.of(
                        inEvery(policies, MISSING_SCRIPT_SRC),
                        inEvery(policies, MISSING_OBJECT_SRC),
                        MissingBaseUriCheck.forPolicies(policies),
                        inEvery(effectiveWithScript, STRICT_DYNAMIC),
                        inEvery(effectiveWithScript, UNSAFE_INLINE),
                        inEvery(effective, WILDCARD),
                        inEvery(effective, PLAIN_URL_SCHEMES))
                .flatMap(List::stream)
                .toList();
    }

    /** Missing backward-compatibility fallbacks in any policy. */
    public static List<CspFinding> warnings(List<CspPolicy> policies) {
        return Stream.concat(inAny(policies, UNSAFE_INLINE_FALLBACK).stream(),
                inAny(policies, ALLOWLIST_FALLBACK).stream()).toList();
    }

    /** Syntax problems, short nonces and deprecated directives, per policy in the given order. */
    public static List<List<CspFinding>> syntaxErrors(List<CspPolicy> policies) {
        return policies.stream()
                .map(p -> SYNTAX.stream().flatMap(c -> c.check(p).stream()).toList())
                .toList();
    }

    private static List<CspFinding> inEvery(List<CspPolicy> policies, CspCheck check) {
        if (policies.isEmpty()) {
            return List.of();
        }
        List<List<CspFinding>> perPolicy = policies.stream().map(check::check).toList();
        List<CspFinding> common = new ArrayList<>(perPolicy.get(0));
        perPolicy.subList(1, perPolicy.size()).forEach(common::retainAll);
        return common;
    }

    private static List<CspFinding> inAny(List<CspPolicy> policies, CspCheck check) {
        LinkedHashSet<CspFinding> union = new LinkedHashSet<>();
        policies.forEach(p -> union.addAll(check.check(p)));
        return List.copyOf(union);
    }
}
