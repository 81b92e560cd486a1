package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.secheaders.domain.csp.CspFallback;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;

/**
 * The CSP sources a policy write added to, or took away from, what one policy row contributes to its
 * tenant's policy, enforced and report-only apart. Policy writes record it in their audit entry
 * ({@link #auditDetails()}), so that a rise in violations can later be traced to the change that
 * removed the source being blocked.
 *
 * <p>A row contributes while it is active, not a draft and not {@code inherit} (its effective window
 * is left out: it is a schedule, not a change); an enforced-only ({@code csp}) row contributes no
 * report-only sources and a report-only row no enforced ones, as in {@link PolicyResolver}.
 */
public record CspSourceChange(SourceDelta enforced, SourceDelta reportOnly) {
    public static final String ENFORCED_ADDED = "csp_sources_added";
    public static final String ENFORCED_REMOVED = "csp_sources_removed";
    public static final String REPORT_ONLY_ADDED = "csp_report_only_sources_added";
    public static final String REPORT_ONLY_REMOVED = "csp_report_only_sources_removed";

    private static final Pattern SCHEME_SOURCE = Pattern.compile("[a-z][a-z0-9+.-]*:");
    private static final Pattern SCHEME_PREFIX = Pattern.compile("^[a-z][a-z0-9+.-]*://");

    /**
     * Sources per directive that a change added and removed.
     *
     * @param added   directive → sources now contributed that were not before
     * @param removed directive → sources contributed before that are not any more
     */
    public record SourceDelta(Map<String, List<String>> added, Map<String, List<String>> removed) {
        public SourceDelta {
            added = Map.copyOf(added);
            removed = Map.copyOf(removed);
        }

        static SourceDelta between(Map<String, List<String>> before, Map<String, List<String>> after) {
            return new SourceDelta(missingFrom(before, after), missingFrom(after, before));
        }

        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }

        /** Sources of {@code from} (per directive) that {@code other} lacks, directives in name order. */
        private static Map<String, List<String>> missingFrom(Map<String, List<String>> other, Map<String, List<String>> from) {
            Map<String, List<String>> missing = new TreeMap<>();
            from.forEach((directive, sources) -> {
                List<String> kept = other.getOrDefault(directive, List.of());
                List<String> gone = sources.stream().filter(source -> !kept.contains(source)).distinct().toList();
                if (!gone.isEmpty()) {
                    missing.put(directive, gone);
                }
            });
            return missing;
        }
    }

    /** A removed source that used to allow a blocked resource. */
    public record RemovedSource(String directive, String source, boolean reportOnly) {
    }

    /** What a write changed; {@code before} is empty for a new row. */
    public static CspSourceChange between(Optional<TenantSecurityPolicy> before, TenantSecurityPolicy after) {
        return new CspSourceChange(
                SourceDelta.between(before.map(CspSourceChange::enforcedOf).orElse(Map.of()), enforcedOf(after)),
                SourceDelta.between(before.map(CspSourceChange::reportOnlyOf).orElse(Map.of()), reportOnlyOf(after)));
    }

    /** Reads what {@link #auditDetails()} wrote; entries without these keys changed no sources. */
    public static CspSourceChange fromAuditDetails(Map<String, Object> details) {
        return new CspSourceChange(
                new SourceDelta(sources(details.get(ENFORCED_ADDED)), sources(details.get(ENFORCED_REMOVED))),
                new SourceDelta(sources(details.get(REPORT_ONLY_ADDED)), sources(details.get(REPORT_ONLY_REMOVED))));
    }

    public boolean isEmpty() {
        return enforced.isEmpty() && reportOnly.isEmpty();
    }

    /** The audit detail entries for the non-empty parts of this change. */
    public Map<String, Object> auditDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        putIfAny(details, ENFORCED_ADDED, enforced.added());
        putIfAny(details, ENFORCED_REMOVED, enforced.removed());
        putIfAny(details, REPORT_ONLY_ADDED, reportOnly.added());
        putIfAny(details, REPORT_ONLY_REMOVED, reportOnly.removed());
        return details;
    }

    /**
     * The removed sources that allowed {@code blocked} for {@code directive} or a directive it falls
     * back to, nearest directive first, enforced before report-only.
     *
     * @param blocked what violations of the directive blocked: a host, a scheme such as {@code data:},
     *                or a keyword ({@code inline}, {@code eval}, {@code wasm-eval})
     */
    public List<RemovedSource> removedFor(String directive, String blocked) {
        String resource = blocked.toLowerCase(Locale.ROOT);
        List<RemovedSource> found = new ArrayList<>();
        for (String governing : CspFallback.chain(directive)) {
            collect(found, enforced.removed(), governing, resource, false);
            collect(found, reportOnly.removed(), governing, resource, true);
        }
        return found;
    }

    private static void collect(List<RemovedSource> found, Map<String, List<String>> removed, String directive,
            String blocked, boolean reportOnly) {
        removed.getOrDefault(directive, List.of()).stream()
                .filter(source -> allows(source, blocked))
                .forEach(source -> found.add(new RemovedSource(directive, source, reportOnly)));
    }

    /**
     * Whether a CSP source expression admits what a violation blocked (lower-case): a keyword by its
     * {@code 'unsafe-…'} source, a scheme by its scheme source, a host by host sources whatever their
     * scheme.
     */
    static boolean allows(String source, String blocked) {
        String text = source.toLowerCase(Locale.ROOT);
        switch (blocked) {
            case "inline":
                return text.equals("'unsafe-inline'");
            case "eval":
                return text.equals("'unsafe-eval'");
            case "wasm-eval":
                return text.equals("'wasm-unsafe-eval'") || text.equals("'unsafe-eval'");
            default:
                break;
        }
        if (SCHEME_SOURCE.matcher(blocked).matches()) {
            return text.equals(blocked);
        }
        if (text.startsWith("'")) {
            return false; // other keywords, nonces and hashes name no host
        }
        if (text.equals("*")) {
            return true;
        }
        if (SCHEME_SOURCE.matcher(text).matches()) {
            return text.equals("https:") || text.equals("http:") || text.equals("wss:") || text.equals("ws:");
        }
        String hostPart = SCHEME_PREFIX.matcher(text).replaceFirst("");
        int slash = hostPart.indexOf('/');
        hostPart = slash < 0 ? hostPart : hostPart.substring(0, slash);
        int colon = hostPart.indexOf(':');
        hostPart = colon < 0 ? hostPart : hostPart.substring(0, colon);
        return hostPart.startsWith("*.") ? blocked.endsWith(hostPart.substring(1)) : hostPart.equals(blocked);
    }

    private static boolean contributes(TenantSecurityPolicy row) {
        return row.active() && row.policyType() != PolicyType.DRAFT
                && row.inheritanceMode() != PolicyInheritanceMode.INHERIT;
    }

    private static Map<String, List<String>> enforcedOf(TenantSecurityPolicy row) {
        return contributes(row) && row.policyType() != PolicyType.CSP_REPORT_ONLY ? row.policyConfig().csp() : Map.of();
    }

    private static Map<String, List<String>> reportOnlyOf(TenantSecurityPolicy row) {
        return contributes(row) && row.policyType() != PolicyType.CSP ? row.policyConfig().cspReportOnly() : Map.of();
    }

    private static void putIfAny(Map<String, Object> details, String key, Map<String, List<String>> sources) {
        if (!sources.isEmpty()) {
            details.put(key, new TreeMap<>(sources));
        }
    }

    private static Map<String, List<String>> sources(Object value) {
        Map<String, List<String>> sources = new TreeMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((directive, list) -> {
                if (directive instanceof String name && list instanceof List<?> items) {
                    sources.put(name, items.stream().filter(String.class::isInstance).map(String.class::cast).toList());
                }
            });
        }
        return sources;
    }
}
