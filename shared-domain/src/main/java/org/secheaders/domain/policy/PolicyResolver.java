package org.secheaders.domain.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.Resolution.Kind;

/**
 * Resolves one tenant's policy rows against the platform policy into the effective {@link HeaderSet}.
 * The rules are described in {@code docs/POLICY_ENGINE.md}; in short:
 * <ol>
 *   <li>Only rows that {@link TenantSecurityPolicy#appliesAt(Instant) apply now} take part, ordered by
 *       effective-from then id; later rows win conflicts, and every conflict is reported.</li>
 *   <li>{@code INHERIT} rows keep the platform baseline; {@code EXTEND} rows append
 *       (secure_headers' "append"); {@code OVERRIDE} rows replace, where the platform permits it.</li>
 *   <li>Locked directives and headers are never weakened (see {@link Strictness}) unless the row
 *       holds the exact grant.</li>
 *   <li>The enforced policy is resolved first; the report-only trial then starts from it (or from the
 *       platform's own trial) and takes the rows' report-only settings, unchecked by locks because
 *       browsers do not enforce it.</li>
 *   <li>Within a row, {@code default-src} is applied first (so directives seeded from it see the row's
 *       own additions), then directives and headers in name order.</li>
 * </ol>
 * Stateless and thread-safe: each call works on its own copies, so resolutions of different tenants
 * never share anything but the immutable platform policy.
 */
public final class PolicyResolver {
    private static final Comparator<String> DIRECTIVE_ORDER =
            Comparator.comparing((String name) -> !name.equals("default-src")).thenComparing(Comparator.naturalOrder());

    /**
     * @param tenantPolicies all stored rows of one tenant, in any order and in any state
     * @throws IllegalArgumentException when the rows belong to more than one tenant
     */
    public ResolvedPolicy resolve(PlatformPolicy platform, List<TenantSecurityPolicy> tenantPolicies, Instant now) {
        Set<Long> tenants = new LinkedHashSet<>();
        tenantPolicies.forEach(row -> tenants.add(row.tenantId()));
        if (tenants.size() > 1) {
            throw new IllegalArgumentException("policies of tenants " + tenants + " cannot be resolved together");
        }
        List<TenantSecurityPolicy> rows = tenantPolicies.stream()
                .sorted(Comparator.comparing(TenantSecurityPolicy::effectiveFrom).thenComparingLong(TenantSecurityPolicy::id))
                .toList();
        ResolutionLog log = new ResolutionLog();
        List<TenantSecurityPolicy> applying = new ArrayList<>();
        for (TenantSecurityPolicy row : rows) {
            if (admit(row, now, log)) {
                applying.add(row);
            }
        }

        CspTarget enforced = CspTarget.enforced(platform, log);
        HeaderTarget headers = new HeaderTarget(platform, log);
        for (TenantSecurityPolicy row : applying) {
            PolicyConfig config = row.policyConfig();
            if (row.policyType() != PolicyType.CSP_REPORT_ONLY) {
                applyCsp(enforced, row, config.csp());
            }
            if (row.policyType() == PolicyType.HEADERS) {
                applyHeaders(headers, row, config);
            }
        }
        CspTarget reportOnly = CspTarget.reportOnly(platform, log, enforced);
        for (TenantSecurityPolicy row : applying) {
            if (row.policyType() != PolicyType.CSP) {
                applyCsp(reportOnly, row, row.policyConfig().cspReportOnly());
            }
        }

        HeaderSet baseline = platform.baseline();
        Set<String> nonceDirectives = new LinkedHashSet<>(enforced.nonceDirectives());
        nonceDirectives.addAll(reportOnly.nonceDirectives());
        HeaderSet effective = new HeaderSet(
                enforced.result(baseline.csp()),
                reportOnly.result(baseline.cspReportOnly()),
                nonceDirectives,
                headers.headers(),
                headers.removals());
        return new ResolvedPolicy(effective, log.entries());
    }

    /** Whether the row takes part; reports why not, and which of its parts its mode or type leaves unused. */
    private static boolean admit(TenantSecurityPolicy row, Instant now, ResolutionLog log) {
        if (!row.appliesAt(now)) {
            if (!row.active() || row.policyType() == PolicyType.DRAFT) {
                log.row(row, Kind.IGNORED_INACTIVE, row.active() ? "draft policies never apply until activated" : "inactive");
            } else {
                log.row(row, Kind.IGNORED_OUTSIDE_WINDOW, "effective from " + row.effectiveFrom()
                        + row.effectiveUntil().map(until -> " until " + until).orElse("") + ", not at " + now);
            }
            return false;
        }
        if (row.inheritanceMode() == PolicyInheritanceMode.INHERIT) {
            log.row(row, Kind.IGNORED_NOT_APPLICABLE, "inherit: the platform baseline applies unchanged; "
                    + "the policy's settings are not applied");
            return false;
        }
        List<String> unused = unusedParts(row);
        if (!unused.isEmpty()) {
            log.row(row, Kind.IGNORED_NOT_APPLICABLE, "a " + row.policyType().wireName() + " policy does not apply "
                    + String.join(", ", unused));
        }
        return true;
    }

    private static List<String> unusedParts(TenantSecurityPolicy row) {
        PolicyConfig config = row.policyConfig();
        List<String> unused = new ArrayList<>();
        if (row.policyType() == PolicyType.CSP_REPORT_ONLY && !config.csp().isEmpty()) {
            unused.add("csp");
        }
        if (row.policyType() == PolicyType.CSP && !config.cspReportOnly().isEmpty()) {
            unused.add("cspReportOnly");
        }
        if (row.policyType() != PolicyType.HEADERS) {
            if (!config.headers().isEmpty()) {
                unused.add("headers");
            }
            if (!config.removeHeaders().isEmpty()) {
                unused.add("removeHeaders");
            }
            if (!config.reportingEndpoints().isEmpty()) {
                unused.add("reportingEndpoints");
            }
        }
        return unused;
    }

    private static void applyCsp(CspTarget target, TenantSecurityPolicy row, Map<String, List<String>> directives) {
        Map<String, List<String>> ordered = new TreeMap<>(DIRECTIVE_ORDER);
        directives.forEach((name, tokens) -> ordered.put(name.trim().toLowerCase(Locale.ROOT), tokens));
        ordered.forEach((name, tokens) -> {
            CspIntake.Parsed parsed = CspIntake.directive(name, tokens);
            parsed.rejected().forEach(r -> target.refuseInvalid(row, name, r.reason()));
            parsed.directive().ifPresent(d -> {
                if (row.inheritanceMode() == PolicyInheritanceMode.OVERRIDE) {
                    target.replace(row, d);
                } else {
                    target.append(row, d);
                }
            });
        });
    }

    private static void applyHeaders(HeaderTarget target, TenantSecurityPolicy row, PolicyConfig config) {
        Map<String, String> ordered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ordered.putAll(config.headers());
        ordered.forEach((name, raw) -> HeaderKind.byName(name).ifPresentOrElse(
                kind -> set(target, row, kind.headerName(), () -> kind.parse(raw)),
                () -> target.refuseInvalid(row, name, "'" + name + "' is not a managed header (CSP goes in csp/cspReportOnly)")));
        if (!config.reportingEndpoints().isEmpty()) {
            set(target, row, HeaderKind.REPORTING_ENDPOINTS.headerName(),
                    () -> new ReportingEndpoints(config.reportingEndpoints()));
        }
        config.removeHeaders().forEach(name -> target.remove(row, name));
    }

    private static void set(HeaderTarget target, TenantSecurityPolicy row, String name,
            Supplier<SecurityHeader> parse) {
        SecurityHeader value;
        try {
            value = parse.get();
        } catch (IllegalArgumentException e) {
            target.refuseInvalid(row, name, e.getMessage());
            return;
        }
        target.set(row, value, row.inheritanceMode());
    }
}
