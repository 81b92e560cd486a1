package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.Resolution.Kind;
import org.secheaders.domain.policy.ResolutionLog.Target;

/** The non-CSP headers and the removal list under resolution. */
final class HeaderTarget {
    private final PlatformPolicy platform;
    private final ResolutionLog log;
    private final Map<HeaderKind, SecurityHeader> headers = new EnumMap<>(HeaderKind.class);
    /** Lower-case name → name as first given, so removals are case-insensitive but keep their spelling. */
    private final Map<String, String> removals = new LinkedHashMap<>();

    HeaderTarget(PlatformPolicy platform, ResolutionLog log) {
        this.platform = platform;
        this.log = log;
        headers.putAll(platform.baseline().headers());
        platform.baseline().headersToRemove().forEach(name -> removals.putIfAbsent(name.toLowerCase(Locale.ROOT), name));
    }

    Map<HeaderKind, SecurityHeader> headers() {
        return headers;
    }

    List<String> removals() {
        return new ArrayList<>(removals.values());
    }

    /**
     * Sets a header. OVERRIDE replaces the value, with permission. EXTEND adds a header the set lacks,
     * merges members into a dictionary header, and otherwise accepts only a value at least as strict
     * as the current one. Either way, a locked header is never weakened against the platform without a grant.
     */
    void set(TenantSecurityPolicy row, SecurityHeader value, PolicyInheritanceMode mode) {
        HeaderKind kind = value.kind();
        Target target = Target.header(kind.headerName());
        Optional<SecurityHeader> current = Optional.ofNullable(headers.get(kind));
        SecurityHeader candidate = value;
        boolean tightening = false;
        if (mode == PolicyInheritanceMode.OVERRIDE && !row.overridePermissions().permitsHeader(kind)) {
            log.add(row, Kind.REFUSED_NOT_PERMITTED, target, "overriding " + kind.headerName()
                    + " needs the platform's permission (overridePermissions.headers)");
            return;
        }
        if (mode == PolicyInheritanceMode.EXTEND && current.isPresent()) {
            if (current.get() instanceof DictionaryHeader dictionary) {
                candidate = dictionary.mergedWith((DictionaryHeader) value);
            } else if (value.weakerThan(current.get()).isEmpty()) {
                tightening = true;
            } else {
                List<Weakening> refused = refused(row, current, value);
                if (refused.isEmpty()) {
                    log.add(row, Kind.REFUSED_NOT_PERMITTED, target, "an append keeps " + kind.headerName() + " '"
                            + current.get().value() + "' unless '" + value.value()
                            + "' is at least as strict; replacing it needs an override with permission");
                } else {
                    log.refused(row, target, refused);
                }
                return;
            }
        }
        List<Weakening> refused = refused(row, current, candidate);
        if (!refused.isEmpty()) {
            log.refused(row, target, refused);
            return;
        }
        recordChange(row, target, current, candidate, value, mode);
        headers.put(kind, candidate);
        List<Weakening> granted = introduced(current, candidate);
        boolean tightened = tightening
                || (mode == PolicyInheritanceMode.OVERRIDE && granted.isEmpty() && platform.locks().locks(kind));
        log.add(row, tightened ? Kind.TIGHTENED : Kind.APPLIED, target, kind.headerName() + " is now '"
                + candidate.value() + "'" + ResolutionLog.grantsUsed(granted));
    }

    void refuseInvalid(TenantSecurityPolicy row, String header, String reason) {
        log.add(row, Kind.REFUSED_INVALID, Target.header(header), reason);
    }

    /** Adds a response header to strip; the managed security headers cannot be stripped. */
    void remove(TenantSecurityPolicy row, String name) {
        Target target = Target.header(name);
        if (!HeaderSet.isFieldName(name)) {
            log.add(row, Kind.REFUSED_INVALID, target, "'" + name + "' is not a header name");
        } else if (HeaderSet.isManaged(name)) {
            log.add(row, Kind.REFUSED_NOT_PERMITTED, target, name + " is a managed security header and cannot be "
                    + "removed; set its value instead");
        } else {
            removals.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            log.add(row, Kind.APPLIED, target, name + " is removed from responses");
        }
    }

    /** Conflicts are per member for a dictionary append, per header otherwise. */
    private void recordChange(TenantSecurityPolicy row, Target target, Optional<SecurityHeader> current,
            SecurityHeader candidate, SecurityHeader value, PolicyInheritanceMode mode) {
        if (mode == PolicyInheritanceMode.EXTEND && value instanceof DictionaryHeader addition) {
            Map<String, String> before = current.map(h -> ((DictionaryHeader) h).members()).orElse(Map.of());
            addition.members().forEach((member, memberValue) -> log.changed(row, Target.member(target.header(), member),
                    before.containsKey(member) && !before.get(member).equals(memberValue)));
        } else {
            log.changed(row, target, current.isPresent() && !current.get().equals(candidate));
        }
    }

    /** The weakenings against the platform this change introduces that the row holds no grant for. */
    private List<Weakening> refused(TenantSecurityPolicy row, Optional<SecurityHeader> current, SecurityHeader candidate) {
        return introduced(current, candidate).stream().filter(w -> !row.overridePermissions().grants(w)).toList();
    }

    private List<Weakening> introduced(Optional<SecurityHeader> current, SecurityHeader candidate) {
        Optional<SecurityHeader> reference = platform.baseline().header(candidate.kind());
        if (reference.isEmpty() || !platform.locks().locks(candidate.kind())) {
            return List.of();
        }
        SecurityHeader now = current.orElse(reference.get());
        return Strictness.introduced(
                Strictness.weakenings(reference.get(), candidate),
                Strictness.weakenings(reference.get(), now),
                Strictness.weakenings(now, candidate));
    }
}
