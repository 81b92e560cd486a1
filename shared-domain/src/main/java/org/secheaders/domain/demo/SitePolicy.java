package org.secheaders.domain.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.secheaders.domain.policy.PolicyConfig;

/**
 * A demo tenant's Content Security Policy as its pages send it: directives in header order (the
 * order browsers echo in {@code original-policy}), enforced or report-only.
 *
 * @param directives      directive name → source tokens, in header order
 * @param nonceDirectives directives that get the per-response {@code 'nonce-…'} from the header library;
 *                        the stored policy never contains a nonce
 * @param reportOnly      sent as {@code Content-Security-Policy-Report-Only}: violations are reported, not blocked
 */
record SitePolicy(Map<String, List<String>> directives, Set<String> nonceDirectives, boolean reportOnly) {
    static final String ENDPOINT_GROUP = "csp-endpoint";
    private static final String COLLECTOR = "https://reports.secheaders.example/r/";

    /** Where a fetch directive falls back to when the policy lacks it (CSP3 §6.8.3, abridged). */
    private static final Map<String, List<String>> FALLBACKS = Map.of(
            "script-src-elem", List.of("script-src", "default-src"),
            "script-src-attr", List.of("script-src", "default-src"),
            "style-src-elem", List.of("style-src", "default-src"),
            "style-src-attr", List.of("style-src", "default-src"),
            "frame-src", List.of("child-src", "default-src"));

    SitePolicy {
        directives = Collections.unmodifiableMap(new LinkedHashMap<>(directives));
        nonceDirectives = Set.copyOf(nonceDirectives);
    }

    /** The same policy with one directive replaced (kept in place) or appended. */
    SitePolicy with(String directive, List<String> tokens) {
        Map<String, List<String>> copy = new LinkedHashMap<>(directives);
        copy.put(directive, List.copyOf(tokens));
        return new SitePolicy(copy, nonceDirectives, reportOnly);
    }

    List<String> tokens(String directive) {
        return directives.getOrDefault(directive, List.of());
    }

    /** The header value for one response, with the reporting directives for {@code tenantSlug}. */
    String headerValue(String tenantSlug, Optional<String> nonce) {
        String policy = directives.entrySet().stream()
                .map(entry -> serialize(entry.getKey(), entry.getValue(), nonce))
                .collect(Collectors.joining("; "));
        return policy + "; report-uri " + endpointUrl(tenantSlug) + "; report-to " + ENDPOINT_GROUP;
    }

    /** The directive that governs {@code effectiveDirective}: itself, or the one it falls back to. */
    Optional<String> governing(String effectiveDirective) {
        return Stream.concat(Stream.of(effectiveDirective), fallbacks(effectiveDirective).stream())
                .filter(directives::containsKey)
                .findFirst();
    }

    /**
     * The directive and value that govern {@code effectiveDirective}, as a pre-CSP3 Firefox names them
     * in {@code violated-directive}.
     */
    String governingDirectiveText(String effectiveDirective, Optional<String> nonce) {
        return governing(effectiveDirective)
                .map(name -> serialize(name, directives.get(name), nonce))
                .orElse(effectiveDirective);
    }

    /** The stored form: the directives go to the enforced or the report-only part. */
    PolicyConfig toConfig(String tenantSlug) {
        Map<String, List<String>> withReporting = new LinkedHashMap<>(directives);
        withReporting.put("report-uri", List.of(endpointUrl(tenantSlug)));
        withReporting.put("report-to", List.of(ENDPOINT_GROUP));
        return new PolicyConfig(
                reportOnly ? Map.of() : withReporting,
                reportOnly ? withReporting : Map.of(),
                Map.of(),
                List.of(),
                Map.of(ENDPOINT_GROUP, endpointUrl(tenantSlug)));
    }

    private static List<String> fallbacks(String directive) {
        List<String> specific = FALLBACKS.get(directive);
        if (specific != null) {
            return specific;
        }
        // Other fetch directives fall back to default-src; navigation and document directives do not.
        return directive.endsWith("-src") ? List.of("default-src") : List.of();
    }

    static String endpointUrl(String tenantSlug) {
        return COLLECTOR + tenantSlug + "/csp";
    }

    private String serialize(String name, List<String> tokens, Optional<String> nonce) {
        StringBuilder out = new StringBuilder(name);
        if (nonceDirectives.contains(name)) {
            nonce.ifPresent(value -> out.append(" 'nonce-").append(value).append('\''));
        }
        tokens.forEach(token -> out.append(' ').append(token));
        return out.toString();
    }
}
