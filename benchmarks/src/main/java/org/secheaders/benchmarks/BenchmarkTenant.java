package org.secheaders.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.enforcement.TenantKey;

/** The tenant both benchmarks serve: the platform baseline extended with a few CDN hosts. */
final class BenchmarkTenant {
    static final TenantKey KEY = new TenantKey("acme");
    static final String HOST = "shop.acme.example";

    private BenchmarkTenant() {
    }

    static List<TenantSecurityPolicy> policies() {
        PolicyConfig cdnHosts = new PolicyConfig(Map.of(
                "img-src", List.of("https://cdn.acme.example", "https://images.acme-cdn.net"),
                "style-src", List.of("https://fonts.googleapis.com", "https://cdn.acme.example"),
                "font-src", List.of("https://fonts.gstatic.com"),
                "connect-src", List.of("https://api.acme.example", "https://telemetry.acme.example")),
                null, null, null, null);
        return List.of(new TenantSecurityPolicy(1, 1, "cdn-hosts", PolicyType.HEADERS, cdnHosts,
                PolicyInheritanceMode.EXTEND, OverridePermissions.none(), true, Instant.EPOCH, Optional.empty(),
                Instant.EPOCH, Instant.EPOCH));
    }
}
