package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.service.EffectivePolicyService.EffectivePolicy;
import org.secheaders.analytics.service.EffectivePolicyService.Header;
import org.secheaders.analytics.testing.AnalyticsScenario;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.policy.HeaderSet;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.repo.TenantScope;

class EffectivePolicyServiceTest {

    private final AnalyticsScenario scenario = AnalyticsScenario.shared();
    private final Database db = scenario.database();
    private final EffectivePolicyService service = new EffectivePolicyService(PlatformPolicy.defaults(), db.policies(),
            db.policyVersions(), scenario.clock());
    private final TenantScope acme = TenantScope.tenant(scenario.acme().id());

    @Test
    void resolvesTheTenantsRowsOverThePlatformBaseline() {
        EffectivePolicy policy = service.resolve(acme, scenario.acme());

        assertEquals("acme", policy.tenant());
        assertEquals(AnalyticsScenario.NOW, policy.resolvedAt());
        assertEquals(db.policyVersions().current(acme, scenario.acme().id()), policy.policyVersion());
        assertEquals(List.of("acme main"), policy.policies().stream().map(EffectivePolicyService.PolicyRow::name).toList());
        assertTrue(policy.policies().get(0).appliesNow());
        String csp = policy.headers().stream().filter(h -> h.name().equals(HeaderSet.CONTENT_SECURITY_POLICY))
                .map(Header::value).findFirst().orElseThrow();
        assertTrue(csp.contains("script-src"), csp);
        assertFalse(csp.contains(AnalyticsScenario.PARTNER_HOST), "alice removed it: " + csp);
        assertFalse(policy.resolutions().isEmpty());
    }

    @Test
    void allowedHostsAreTheHostSourcesOfTheEffectiveCsp() {
        TenantScope initech = TenantScope.tenant(scenario.initech().id());
        TenantSecurityPolicy row = db.policies().insert(initech, new TenantSecurityPolicy.Draft(scenario.initech().id(),
                "assets", PolicyType.CSP, new PolicyConfig(Map.of("script-src", List.of("'self'",
                        "https://cdn.initech-assets.example/js/", "*.initech-static.example")), Map.of(), Map.of(),
                        List.of(), Map.of()), PolicyInheritanceMode.EXTEND, OverridePermissions.none(),
                AnalyticsScenario.NOW.minus(Duration.ofDays(1)), Optional.empty()), Actor.of("bob", Role.TENANT_ADMIN));
        db.policies().activate(initech, row.id(), Actor.of("bob", Role.TENANT_ADMIN));

        assertTrue(service.allowedHosts(initech, scenario.initech())
                .containsAll(List.of("cdn.initech-assets.example", "*.initech-static.example")));
        assertFalse(service.allowedHosts(acme, scenario.acme()).contains(AnalyticsScenario.PARTNER_HOST));
    }
}
