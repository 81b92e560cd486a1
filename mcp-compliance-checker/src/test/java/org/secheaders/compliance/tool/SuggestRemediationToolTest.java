package org.secheaders.compliance.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.compliance.testing.ComplianceTestServer.ACME_ADMIN;
import static org.secheaders.compliance.testing.ComplianceTestServer.ADMIN;
import static org.secheaders.compliance.testing.ComplianceTestServer.ANALYST;
import static org.secheaders.compliance.testing.ComplianceTestServer.OFFICER;
import static org.secheaders.compliance.testing.ComplianceTestServer.SERVER;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.secheaders.compliance.testing.ComplianceScenario;
import org.secheaders.domain.compliance.run.CheckRequest;
import org.secheaders.domain.compliance.run.ComplianceAudit;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.compliance.run.ComplianceTarget;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.repo.AuditQuery;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.scan.TargetPolicy;

class SuggestRemediationToolTest {

    private static final String TOOL = "suggest_remediation";
    private static final Actor PLATFORM_ADMIN = Actor.of("pat", Role.ADMIN);

    /**
     * A tenant whose rows loosen the baseline with the platform's grants: Referrer-Policy unsafe-url
     * (overridable header) and 'unsafe-eval' in script-src (a granted weakening).
     */
    private static Tenant weakenedTenant(String slug) {
        ComplianceScenario scenario = ComplianceScenario.shared();
        Database db = scenario.database();
        Tenant tenant = scenario.createTenant(slug, Map.of());
        TenantScope scope = TenantScope.tenant(tenant.id());
        Instant from = Instant.now().minusSeconds(3600);
        TenantSecurityPolicy referrer = db.policies().insert(scope, new TenantSecurityPolicy.Draft(tenant.id(), "referrer",
                PolicyType.HEADERS, new PolicyConfig(null, null, Map.of("Referrer-Policy", "unsafe-url"), null, null),
                PolicyInheritanceMode.OVERRIDE, new OverridePermissions(Set.of(), Set.of("referrer-policy"), Set.of()),
                from, Optional.empty()), PLATFORM_ADMIN);
        TenantSecurityPolicy eval = db.policies().insert(scope, new TenantSecurityPolicy.Draft(tenant.id(), "eval",
                PolicyType.HEADERS, new PolicyConfig(Map.of("script-src", List.of("'unsafe-eval'")), null, null, null, null),
                PolicyInheritanceMode.EXTEND, new OverridePermissions(Set.of(), Set.of(), Set.of("script-src:'unsafe-eval'")),
                from, Optional.empty()), PLATFORM_ADMIN);
        db.policies().activate(scope, referrer.id(), PLATFORM_ADMIN);
        db.policies().activate(scope, eval.id(), PLATFORM_ADMIN);
        return tenant;
    }

    @Test
    void validatedChangesComeAsPolicyRowsAndRefusedOnesWithTheEnginesReason() {
        Tenant tenant = weakenedTenant("remedy-" + System.nanoTime() % 100000);
        Map<?, ?> result = SERVER.success(OFFICER, TOOL, Map.of("tenant", tenant.slug(), "frameworks", List.of("owasp", "gdpr")));

        assertEquals(List.of("owasp", "gdpr"), result.get("frameworks"));
        List<Map<?, ?>> suggestions = ((List<?>) result.get("suggestions")).stream().<Map<?, ?>>map(s -> (Map<?, ?>) s).toList();
        Map<?, ?> referrer = suggestions.stream().filter(s -> "Referrer-Policy".equals(s.get("target"))).findFirst()
                .orElseThrow(() -> new AssertionError(result));
        Map<?, ?> row = (Map<?, ?>) ((List<?>) referrer.get("policy")).get(0);
        assertEquals("extend", row.get("inheritance_mode"));
        assertTrue(((Map<?, ?>) ((Map<?, ?>) row.get("policy_config")).get("headers")).containsKey("Referrer-Policy"), row::toString);
        assertFalse(((List<?>) referrer.get("controls_fixed")).isEmpty());
        assertTrue(((List<?>) referrer.get("validation")).stream().anyMatch(d -> d.toString().startsWith("tightened")),
                referrer::toString);
        for (int i = 0; i < suggestions.size(); i++) {
            assertEquals(i + 1, suggestions.get(i).get("rank"));
        }
        // Removing 'unsafe-eval' replaces the locked script-src, which this tenant holds no override permission for.
        Map<?, ?> eval = ((List<?>) result.get("rejected")).stream().map(r -> (Map<?, ?>) r)
                .filter(r -> "policy_engine".equals(r.get("stage"))
                        && r.get("reasons").toString().contains("override permission")).findFirst()
                .orElseThrow(() -> new AssertionError(result.get("rejected")));
        assertTrue(eval.get("reasons").toString().contains("script-src"), eval::toString);
        assertFalse(result.containsKey("draft"));
    }

    @Test
    void aSavedDraftIsInactiveAuditedAndAppliesOnceActivated() {
        ComplianceScenario scenario = ComplianceScenario.shared();
        Database db = scenario.database();
        Tenant tenant = weakenedTenant("draft-" + System.nanoTime() % 100000);
        TenantScope scope = TenantScope.tenant(tenant.id());
        ComplianceCheckService checks = ComplianceCheckService.create(db, scenario.clock(), TargetPolicy.publicAddressesOnly());
        CheckRequest gdpr = new CheckRequest(tenant.id(), Set.of(ComplianceFramework.GDPR), new ComplianceTarget.Configured(),
                PLATFORM_ADMIN);
        int scoreBefore = checks.check(gdpr).evaluation().framework(ComplianceFramework.GDPR).orElseThrow().score();

        Map<?, ?> result = SERVER.success(ADMIN, TOOL, Map.of("tenant_id", tenant.id(), "frameworks", List.of("gdpr"),
                "save_as_draft", true));

        Map<?, ?> draft = (Map<?, ?>) result.get("draft");
        assertEquals(false, draft.get("active"));
        List<?> ids = (List<?>) draft.get("policy_ids");
        assertFalse(ids.isEmpty());
        for (Object id : ids) {
            TenantSecurityPolicy row = db.policies().findById(scope, ((Number) id).longValue()).orElseThrow();
            assertEquals(PolicyType.DRAFT, row.policyType());
            assertFalse(row.active());
        }
        assertEquals(scoreBefore, checks.check(gdpr).evaluation().framework(ComplianceFramework.GDPR).orElseThrow().score(),
                "an inactive draft changes nothing");
        var entries = db.auditLog().query(scope, AuditQuery.all().withAction(ComplianceAudit.DRAFT_ACTION),
                PageRequest.first(5)).items();
        assertEquals(1, entries.size());
        assertFalse(((List<?>) entries.get(0).details().get(ComplianceAudit.CONTROLS)).isEmpty());

        for (Object id : ids) {
            TenantSecurityPolicy activated = db.policies().activate(scope, ((Number) id).longValue(),
                    Actor.of("tess", Role.TENANT_ADMIN)).orElseThrow();
            assertEquals(PolicyType.HEADERS, activated.policyType());
        }
        int scoreAfter = checks.check(gdpr).evaluation().framework(ComplianceFramework.GDPR).orElseThrow().score();
        assertTrue(scoreAfter > scoreBefore, scoreBefore + " -> " + scoreAfter);
    }

    @Test
    void aDemoTenantGetsSuggestionsForEveryFramework() {
        Map<?, ?> result = SERVER.success(ACME_ADMIN, TOOL, Map.of("tenant", ComplianceScenario.ACME));
        assertEquals(List.of("owasp", "soc2", "gdpr", "iso27001", "nist"), result.get("frameworks"));
        assertEquals(5, ((List<?>) result.get("before")).size());
        for (Object s : (List<?>) result.get("suggestions")) {
            Map<?, ?> suggestion = (Map<?, ?>) s;
            assertFalse(((List<?>) suggestion.get("policy")).isEmpty() && ((List<?>) suggestion.get("application")).isEmpty(),
                    suggestion::toString);
        }
    }

    @Test
    void badInputAndDenials() {
        assertTrue(SERVER.failure(OFFICER, TOOL, Map.of("tenant", ComplianceScenario.ACME, "frameworks", List.of("pci")))
                .contains("frameworks"));
        assertTrue(SERVER.failure(OFFICER, TOOL, Map.of("tenant", ComplianceScenario.ACME, "save_as_draft", "yes"))
                .contains("save_as_draft"));
        String denied = SERVER.failure(OFFICER, TOOL, Map.of("tenant", ComplianceScenario.ACME, "save_as_draft", true));
        assertTrue(denied.startsWith("access denied: role compliance_officer may only read tenant_policies"), denied);
        assertEquals("access denied: role security_analyst may only read compliance",
                SERVER.failure(ANALYST, TOOL, Map.of("tenant", ComplianceScenario.ACME)));
    }
}
