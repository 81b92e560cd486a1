package org.secheaders.domain.report;

import java.util.List;
import java.util.Objects;

/**
 * A tenant's noise configuration, validated when built. Allow patterns win over deny patterns and over
 * the default list: a report whose blocked URI or source file matches an allow pattern is never noise.
 *
 * @param useDefaults whether the default noise list (and the built-in local-address and browser-bug
 *                    checks) applies
 */
public record NoiseRules(UriPatternSet allow, UriPatternSet deny, boolean useDefaults) {
    private static final NoiseRules DEFAULTS = new NoiseRules(UriPatternSet.empty(), UriPatternSet.empty(), true);

    public NoiseRules {
        Objects.requireNonNull(allow, "allow");
        Objects.requireNonNull(deny, "deny");
    }

    /** Only the default list. */
    public static NoiseRules defaults() {
        return DEFAULTS;
    }

    /** @throws IllegalArgumentException naming each invalid pattern, prefixed with the list it is in */
    public static NoiseRules of(List<String> allow, List<String> deny, boolean useDefaults) {
        return new NoiseRules(patterns("allow", allow), patterns("deny", deny), useDefaults);
    }

    private static UriPatternSet patterns(String list, List<String> patterns) {
        try {
            return UriPatternSet.of(patterns);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(list + " patterns: " + e.getMessage(), e);
        }
    }
}
