package org.secheaders.domain.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.secheaders.domain.csp.CspFallback;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;

/** Which directive governs a resource type when the policy does not name it (the Evaluator's fallback rules). */
final class EffectiveDirectives {

    static final List<String> SCRIPT = List.of("script-src", "script-src-attr", "script-src-elem");
    /** Directives that, when too wide, let an attacker run script. */
    static final List<String> CAUSING_XSS =
            List.of("script-src", "script-src-attr", "script-src-elem", "object-src", "base-uri");

    private EffectiveDirectives() {
    }

    /**
     * The directive that applies to {@code directive}: the first present of its CSP3 fallback list
     * ({@link CspFallback#chain}) as the Evaluator shortens it, else the list's last entry, so
     * {@code default-src} is returned for fetch directives even when absent: then nothing restricts
     * the type.
     */
    static String name(CspPolicy policy, String directive) {
        List<String> chain = evaluatorChain(directive);
        return chain.stream().filter(policy::has).findFirst().orElse(chain.get(chain.size() - 1));
    }

    /**
     * The Evaluator falls back from a directive only to the one its name extends ({@code script-src}
     * for {@code script-src-elem}) and to {@code default-src}: it skips CSP3's {@code child-src} hops
     * (worker-src, frame-src) and worker-src's {@code script-src}.
     */
    private static List<String> evaluatorChain(String directive) {
        return CspFallback.chain(directive).stream()
                .filter(d -> d.equals(directive) || d.equals("default-src") || directive.startsWith(d + "-"))
                .toList();
    }

    /** The distinct effective directives of {@code directives}, in order. */
    static Set<String> names(CspPolicy policy, List<String> directives) {
        Set<String> names = new LinkedHashSet<>();
        directives.forEach(d -> names.add(name(policy, d)));
        return names;
    }

    /** The serialized sources of the directive that governs {@code directive}. */
    static List<String> values(CspPolicy policy, String directive) {
        return SourceValues.serialized(policy.sources(name(policy, directive)));
    }

    static boolean hasNonce(CspPolicy policy, String directive) {
        return values(policy, directive).stream().anyMatch(SourceValues::isStrictNonce);
    }

    static boolean hasHash(CspPolicy policy, String directive) {
        return values(policy, directive).stream().anyMatch(SourceValues::isStrictHash);
    }

    static boolean hasStrictDynamic(CspPolicy policy, String directive) {
        return values(policy, directive).contains(CspKeyword.STRICT_DYNAMIC.token());
    }
}
