package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspFallback;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.SourceExpression;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.ResolutionLog.Target;
import org.secheaders.domain.policy.Resolution.Kind;

/**
 * One CSP header under resolution: the enforced policy, guarded by the platform's locks and override
 * permissions, or the report-only trial, which the browser never enforces and which therefore takes
 * any valid setting.
 */
final class CspTarget {
    private final String headerName;
    private final boolean enforced;
    private final PlatformPolicy platform;
    private final ResolutionLog log;
    private final Set<String> nonceDirectives;
    private CspPolicy policy;
    private boolean changed;

    private CspTarget(String headerName, boolean enforced, PlatformPolicy platform, ResolutionLog log,
            CspPolicy start, Set<String> nonceDirectives) {
        this.headerName = headerName;
        this.enforced = enforced;
        this.platform = platform;
        this.log = log;
        this.policy = start;
        this.nonceDirectives = new LinkedHashSet<>(nonceDirectives);
    }

    static CspTarget enforced(PlatformPolicy platform, ResolutionLog log) {
        HeaderSet baseline = platform.baseline();
        return new CspTarget(HeaderSet.CONTENT_SECURITY_POLICY, true, platform, log,
                baseline.csp().orElse(CspPolicy.empty()), baseline.nonceDirectives());
    }

    /** The report-only trial starts from the platform's own trial if it has one, else from the tenant's enforced policy. */
    static CspTarget reportOnly(PlatformPolicy platform, ResolutionLog log, CspTarget enforced) {
        return new CspTarget(HeaderSet.CONTENT_SECURITY_POLICY_REPORT_ONLY, false, platform, log,
                platform.baseline().cspReportOnly().orElse(enforced.policy), enforced.nonceDirectives);
    }

    /** The resulting policy, when there is one to send: the platform has one or a tenant row changed it. */
    Optional<CspPolicy> result(Optional<CspPolicy> platformPolicy) {
        return platformPolicy.isPresent() || changed ? Optional.of(policy) : Optional.empty();
    }

    Set<String> nonceDirectives() {
        return nonceDirectives;
    }

    void refuseInvalid(TenantSecurityPolicy row, String directive, String reason) {
        log.add(row, Kind.REFUSED_INVALID, Target.member(headerName, directive), reason);
    }

    /** EXTEND: secure_headers' append, seeding a missing directive from its CSP3 fallback first. */
    void append(TenantSecurityPolicy row, CspDirective additions) {
        String name = additions.name();
        Target target = Target.member(headerName, name);
        if (PlatformPolicy.isReportingDirective(name)) {
            log.add(row, Kind.REFUSED_NOT_PERMITTED, target, name + " points at the platform's report collector; "
                    + "an append cannot change it (add reporting endpoints instead, or override it with permission)");
            return;
        }
        List<SourceExpression> base = policy.directive(name).map(CspDirective::sources).orElseGet(() -> seed(name));
        List<SourceExpression> adding = new ArrayList<>();
        for (SourceExpression source : additions.sources()) {
            if (source.equals(Sources.NONE)) {
                log.add(row, Kind.REFUSED_INVALID, target, "'none' cannot be appended: an append only adds sources");
            } else if (!base.contains(source) && !adding.contains(source)) {
                adding.add(source);
            }
        }
        if (adding.isEmpty()) {
            log.add(row, Kind.APPLIED, target, name + " already allows everything appended; nothing changes");
            return;
        }
        Set<String> nonces = noncesWith(name);
        List<Weakening> granted = List.of();
        if (enforced) {
            List<Weakening> introduced = introduced(withDirective(name, Sources.union(base, adding)), nonces);
            List<Weakening> refused = refused(row, introduced);
            Set<String> refusedTokens = refused.stream().map(Weakening::token).collect(Collectors.toSet());
            adding.removeIf(s -> refusedTokens.contains(s.serialize()));
            log.refused(row, target, refused);
            List<Weakening> remaining = refused(row, introduced(withDirective(name, Sources.union(base, adding)), nonces));
            if (!remaining.isEmpty()) {
                // Dropping the refused sources changed how the others read; refuse the whole append.
                log.refused(row, target, remaining);
                return;
            }
            granted = introduced.stream().filter(w -> !refused.contains(w)).toList();
            if (adding.isEmpty()) {
                return;
            }
        }
        policy = withDirective(name, Sources.union(base, adding));
        nonceDirectives.addAll(nonces);
        changed = true;
        log.changed(row, target, false);
        log.add(row, Kind.APPLIED, target, "appended " + serialize(adding) + " to " + name + ResolutionLog.grantsUsed(granted));
    }

    /** OVERRIDE: replaces the directive; in the enforced policy only with permission, and never weakening a lock without a grant. */
    void replace(TenantSecurityPolicy row, CspDirective value) {
        String name = value.name();
        Target target = Target.member(headerName, name);
        if (enforced && !row.overridePermissions().permitsDirective(name)) {
            log.add(row, Kind.REFUSED_NOT_PERMITTED, target, "overriding " + name
                    + " needs the platform's permission (overridePermissions.directives)");
            return;
        }
        Set<String> nonces = noncesWith(name);
        CspPolicy candidate = policy.with(value);
        List<Weakening> introduced = enforced ? introduced(candidate, nonces) : List.of();
        List<Weakening> refused = refused(row, introduced);
        if (!refused.isEmpty()) {
            log.refused(row, target, refused);
            return;
        }
        log.changed(row, target, true);
        policy = candidate;
        nonceDirectives.addAll(nonces);
        changed = true;
        boolean tightened = enforced && introduced.isEmpty() && platform.locks().governs(name);
        log.add(row, tightened ? Kind.TIGHTENED : Kind.APPLIED, target,
                name + " is now '" + serialize(value.sources()) + "'" + ResolutionLog.grantsUsed(introduced));
    }

    /** The sources a missing directive starts from: those of the directive it falls back to. */
    private List<SourceExpression> seed(String name) {
        return CspFallback.effective(policy, name).map(CspDirective::sources).orElse(List.of());
    }

    /**
     * The nonce directives once {@code name} exists: a new directive inherits the nonce of the directive
     * it falls back to (so {@code script-src-elem} keeps nonced scripts running), except the
     * {@code -attr} directives, since attributes cannot carry a nonce.
     */
    private Set<String> noncesWith(String name) {
        Set<String> nonces = new LinkedHashSet<>(nonceDirectives);
        boolean inherits = !policy.has(name) && !name.endsWith("-attr")
                && CspFallback.effective(policy, name).filter(d -> nonceDirectives.contains(d.name())).isPresent();
        if (inherits) {
            nonces.add(name);
        }
        return nonces;
    }

    private CspPolicy withDirective(String name, List<SourceExpression> sources) {
        return policy.with(new CspDirective(name, sources));
    }

    private List<Weakening> introduced(CspPolicy candidate, Set<String> nonces) {
        CspPolicy reference = platform.baseline().csp().orElse(CspPolicy.empty());
        PolicyLocks locks = platform.locks();
        return Strictness.introduced(
                Strictness.weakenings(reference, candidate, nonces, locks),
                Strictness.weakenings(reference, policy, nonces, locks),
                Strictness.weakenings(policy, candidate, nonces, locks));
    }

    private static List<Weakening> refused(TenantSecurityPolicy row, List<Weakening> introduced) {
        return introduced.stream().filter(w -> !row.overridePermissions().grants(w)).toList();
    }

    private static String serialize(List<SourceExpression> sources) {
        return sources.stream().map(SourceExpression::serialize).collect(Collectors.joining(" "));
    }
}
