package org.secheaders.domain.csp;

import java.util.List;
import java.util.Optional;

/**
 * CSP3's directive fallback lists (§6.8.3 "get the effective directive for request"): which
 * directive governs a resource type when the policy does not name its own directive. The one table
 * of them: the policy engine follows it as is, the validator in the CSP Evaluator's shortened form.
 */
public final class CspFallback {
    private CspFallback() {
    }

    /** {@code directive} followed by the directives it falls back to, nearest first. */
    public static List<String> chain(String directive) {
        return switch (directive) {
            case "script-src-elem", "script-src-attr" -> List.of(directive, "script-src", "default-src");
            case "style-src-elem", "style-src-attr" -> List.of(directive, "style-src", "default-src");
            case "worker-src" -> List.of(directive, "child-src", "script-src", "default-src");
            case "frame-src" -> List.of(directive, "child-src", "default-src");
            case "fenced-frame-src" -> List.of(directive, "frame-src", "child-src", "default-src");
            case "default-src" -> List.of(directive);
            default -> KnownDirective.fromName(directive).map(KnownDirective::isFetch).orElse(false)
                    ? List.of(directive, "default-src")
                    : List.of(directive);
        };
    }

    /** The directive that governs {@code directive} in {@code policy}; empty when nothing restricts it. */
    public static Optional<CspDirective> effective(CspPolicy policy, String directive) {
        return chain(directive).stream().map(policy::directive).flatMap(Optional::stream).findFirst();
    }
}
