package org.secheaders.domain.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;

/** Builds tenant policy rows for resolver tests: tenant 1, active, effective since a day before {@link #NOW}. */
record PolicyRows(long id, long tenantId, PolicyType type, PolicyInheritanceMode mode, PolicyConfig config,
        OverridePermissions permissions, boolean active, Instant from, Optional<Instant> until) {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    static PolicyRows extend(long id, PolicyConfig config) {
        return new PolicyRows(id, 1, PolicyType.HEADERS, PolicyInheritanceMode.EXTEND, config,
                OverridePermissions.none(), true, NOW.minus(Duration.ofDays(1)), Optional.empty());
    }

    static PolicyRows override(long id, PolicyConfig config) {
        return extend(id, config).mode(PolicyInheritanceMode.OVERRIDE);
    }

    static PolicyConfig csp(String directive, String... tokens) {
        return new PolicyConfig(Map.of(directive, List.of(tokens)), null, null, null, null);
    }

    static PolicyConfig reportOnly(String directive, String... tokens) {
        return new PolicyConfig(null, Map.of(directive, List.of(tokens)), null, null, null);
    }

    static PolicyConfig header(String name, String value) {
        return new PolicyConfig(null, null, Map.of(name, value), null, null);
    }

    static OverridePermissions permits(Set<String> directives, Set<String> headers, String... weakenings) {
        return new OverridePermissions(directives, headers, Set.of(weakenings));
    }

    static OverridePermissions grants(String... weakenings) {
        return permits(Set.of(), Set.of(), weakenings);
    }

    PolicyRows mode(PolicyInheritanceMode mode) {
        return new PolicyRows(id, tenantId, type, mode, config, permissions, active, from, until);
    }

    PolicyRows type(PolicyType type) {
        return new PolicyRows(id, tenantId, type, mode, config, permissions, active, from, until);
    }

    PolicyRows permissions(OverridePermissions permissions) {
        return new PolicyRows(id, tenantId, type, mode, config, permissions, active, from, until);
    }

    PolicyRows tenant(long tenantId) {
        return new PolicyRows(id, tenantId, type, mode, config, permissions, active, from, until);
    }

    PolicyRows inactive() {
        return new PolicyRows(id, tenantId, type, mode, config, permissions, false, from, until);
    }

    PolicyRows window(Instant from, Optional<Instant> until) {
        return new PolicyRows(id, tenantId, type, mode, config, permissions, active, from, until);
    }

    TenantSecurityPolicy row() {
        return new TenantSecurityPolicy(id, tenantId, "policy-" + id, type, config, mode, permissions, active,
                from, until, from, from);
    }
}
