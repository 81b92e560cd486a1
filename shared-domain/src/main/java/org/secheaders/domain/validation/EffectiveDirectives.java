package org.secheaders.domain.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.KnownDirective;

/** Which directive governs a resource type when the policy does not name it (the Evaluator's fallback rules). */
final class EffectiveDirectives {

    static final List<String> SCRIPT = List.of("script-src", "script-src-attr", "script-src-elem");
    /** Directives that, when too wide, let an attacker run script. */
    static final List<String> CAUSING_XSS =
            List.of("script-src", "script-src-attr", "script-src-elem", "object-src", "base-uri");

    private EffectiveDirectives() {
    }

    /**
     * The directive that applies to {@code directive}: itself when present, {@code script-src}
     * (or {@code style-src}) for their -attr/-elem variants, else {@code default-src} for fetch
     * directives. {@code default-src} is returned even when absent: then nothing restricts the type.
     */
    static String name(CspPolicy policy, String directive) {
        if (policy.has(directive)) {
            return directive;
        }
        if (directive.startsWith("script-src-") && policy.has("script-src")) {
            return "script-src";
        }
        if (directive.startsWith("style-src-") && policy.has("style-src")) {
            return "style-src";
        }
        boolean fetch = KnownDirective.fromName(directive).map(KnownDirective::isFetch).orElse(false);
        return fetch ? "default-src" : directive;
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
