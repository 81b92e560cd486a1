package org.secheaders.platform.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.repo.TenantScope;

/**
 * Two demo tenants with the kind of policies real tenants write, stored through the repositories:
 * a shop that extends the baseline for its payment provider and trials Trusted Types in
 * report-only mode, and a news site with platform-granted overrides for partner framing plus
 * changes the platform refuses (weakening HSTS, inline scripts), so the resolution shows both.
 * Seeding is idempotent: a tenant whose slug exists is left as it is.
 */
public final class DemoData {

    /** A policy row to store and activate. */
    record DemoPolicy(String name, PolicyType type, PolicyInheritanceMode mode, String configJson,
            OverridePermissions permissions) {
    }

    record DemoTenant(Tenant.Draft draft, List<DemoPolicy> policies) {
    }

    static final List<DemoTenant> TENANTS = List.of(
            new DemoTenant(new Tenant.Draft("acme-shop", "Acme Shop", "shop.acme.example", Map.of("plan", "business")),
                    List.of(
                            new DemoPolicy("storefront", PolicyType.HEADERS, PolicyInheritanceMode.EXTEND, """
                                    {"csp": {"img-src": ["https://cdn.acme.example"],
                                             "connect-src": ["https://api.stripe.com"],
                                             "frame-src": ["https://js.stripe.com", "https://hooks.stripe.com"]},
                                     "headers": {"Permissions-Policy": "payment=(self \\"https://js.stripe.com\\")"},
                                     "reportingEndpoints": {"acme-soc": "https://soc.acme.example/reports"}}""",
                                    OverridePermissions.none()),
                            new DemoPolicy("trusted-types-trial", PolicyType.CSP_REPORT_ONLY, PolicyInheritanceMode.EXTEND,
                                    """
                                    {"cspReportOnly": {"require-trusted-types-for": ["'script'"],
                                                       "trusted-types": ["default", "dompurify"]}}""",
                                    OverridePermissions.none()))),
            new DemoTenant(new Tenant.Draft("globex-news", "Globex News", "news.globex.example", Map.of("plan", "enterprise")),
                    List.of(
                            new DemoPolicy("newsroom", PolicyType.HEADERS, PolicyInheritanceMode.OVERRIDE, """
                                    {"csp": {"frame-ancestors": ["'self'", "https://partners.globex.example"],
                                             "img-src": ["'self'", "https://images.globex.example", "data:"]},
                                     "headers": {"X-Frame-Options": "SAMEORIGIN",
                                                 "Strict-Transport-Security": "max-age=86400"},
                                     "removeHeaders": ["X-Drupal-Cache"]}""",
                                    new OverridePermissions(
                                            Set.of("frame-ancestors"),
                                            Set.of("x-frame-options", "strict-transport-security"),
                                            Set.of("frame-ancestors:'self'",
                                                    "frame-ancestors:https://partners.globex.example",
                                                    "x-frame-options:sameorigin"))),
                            new DemoPolicy("ad-partner-scripts", PolicyType.CSP, PolicyInheritanceMode.EXTEND, """
                                    {"csp": {"script-src": ["'unsafe-inline'", "https://ads.adpartner.example"]}}""",
                                    OverridePermissions.none()))));

    private final Database database;
    private final Actor actor;

    public DemoData(Database database, Actor actor) {
        this.database = database;
        this.actor = actor;
    }

    /** What seeding did per tenant. */
    public record Seeded(Tenant tenant, boolean created) {
    }

    /**
     * Creates the demo tenants that do not exist yet, each with its policies stored and activated.
     *
     * @param progress one line per step, for the person waiting
     */
    public List<Seeded> seed(Consumer<String> progress) {
        List<Seeded> seeded = new ArrayList<>();
        int step = 0;
        for (DemoTenant demo : TENANTS) {
            step++;
            String prefix = "[" + step + "/" + TENANTS.size() + "] tenant " + demo.draft().slug();
            Optional<Tenant> existing = database.tenants().findBySlug(TenantScope.platform(), demo.draft().slug());
            if (existing.isPresent()) {
                progress.accept(prefix + ": already present, left unchanged");
                seeded.add(new Seeded(existing.get(), false));
                continue;
            }
            Tenant tenant = database.tenants().create(TenantScope.platform(), demo.draft());
            for (DemoPolicy policy : demo.policies()) {
                store(tenant, policy);
            }
            progress.accept(prefix + ": created with " + demo.policies().size() + " active policies");
            seeded.add(new Seeded(tenant, true));
        }
        return List.copyOf(seeded);
    }

    private void store(Tenant tenant, DemoPolicy policy) {
        TenantScope scope = TenantScope.tenant(tenant.id());
        Instant now = database.clock().instant();
        TenantSecurityPolicy row = database.policies().insert(scope, new TenantSecurityPolicy.Draft(tenant.id(),
                policy.name(), policy.type(), PolicyConfig.fromJson(policy.configJson()), policy.mode(),
                policy.permissions(), now, Optional.empty()), actor);
        database.policies().activate(scope, row.id(), actor);
    }
}
