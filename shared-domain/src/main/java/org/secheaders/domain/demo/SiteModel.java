package org.secheaders.domain.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.Role;

/** What a kind of site looks like to the report pipeline: its pages, its policy history and what that policy blocks. */
sealed interface SiteModel permits StrictShopSite, AllowlistNewsSite, ReportOnlyPortalSite {
    /** Platform admins create the first policy of every demo tenant. */
    Actor PLATFORM_ADMIN = Actor.of("ops@secheaders.example", Role.ADMIN);

    WeightedChoice<String> pages();

    /**
     * Everything on the site's pages that its policies may block. A source only turns into reports
     * while the policy in force blocks it (see {@link PolicyMatcher}).
     */
    List<ViolationSource> sources(DemoTenant tenant);

    PolicyHistory policyHistory(DemoTenant tenant, DemoScenario scenario);

    TrafficProfile traffic();

    /** Typical (median) time the header library needs for this site's headers. */
    double headerP50Millis();

    /** When a demo tenant's first policy revision is saved. */
    static Instant firstRevisionAt(DemoScenario scenario) {
        return scenario.tenantsCreatedAt().plus(Duration.ofMinutes(20));
    }

    static Actor tenantAdmin(DemoTenant tenant, String user) {
        return Actor.of(user + "@" + tenant.primaryDomain(), Role.TENANT_ADMIN);
    }
}
