package org.secheaders.enforcement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;

/** Tenant policy rows for tests. */
public final class TestPolicies {
    private TestPolicies() {
    }

    /** An active, always-effective EXTEND row adding {@code sources} to {@code directive}. */
    public static TenantSecurityPolicy extend(String name, String directive, String... sources) {
        return row(name, new PolicyConfig(Map.of(directive, List.of(sources)), null, null, null, null),
                Instant.EPOCH, Optional.empty());
    }

    /** An EXTEND row setting one header value. */
    public static TenantSecurityPolicy header(String name, String header, String value) {
        return row(name, new PolicyConfig(null, null, Map.of(header, value), null, null), Instant.EPOCH, Optional.empty());
    }

    /** {@code row} effective only inside [{@code from}, {@code until}). */
    public static TenantSecurityPolicy window(TenantSecurityPolicy row, Instant from, Optional<Instant> until) {
        return row(row.policyName(), row.policyConfig(), from, until);
    }

    private static TenantSecurityPolicy row(String name, PolicyConfig config, Instant from, Optional<Instant> until) {
        return new TenantSecurityPolicy(Math.abs(name.hashCode()), 1, name, PolicyType.HEADERS, config,
                PolicyInheritanceMode.EXTEND, OverridePermissions.none(), true, from, until, Instant.EPOCH, Instant.EPOCH);
    }
}
