package org.secheaders.compliance.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.compliance.testing.ComplianceTestServer.ANALYST;
import static org.secheaders.compliance.testing.ComplianceTestServer.OFFICER;
import static org.secheaders.compliance.testing.ComplianceTestServer.SERVER;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.secheaders.compliance.testing.ComplianceScenario;
import org.secheaders.domain.compliance.run.ComplianceAudit;
import org.secheaders.domain.repo.AuditQuery;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;

class CheckSoc2ControlsToolTest {

    private static final String TOOL = "check_soc2_controls";

    @Test
    void judgesTheDemoTenantsHistoryOfChangesAndChecks() {
        ComplianceScenario scenario = ComplianceScenario.shared();
        SERVER.success(OFFICER, TOOL, Map.of("tenant", ComplianceScenario.GLOBEX));
        Map<?, ?> result = SERVER.success(OFFICER, TOOL, Map.of("tenant", ComplianceScenario.GLOBEX));

        assertEquals("soc2", result.get("framework"));
        Map<String, String> outcomes = ((List<?>) result.get("controls")).stream().map(Map.class::cast)
                .collect(Collectors.toMap(c -> (String) c.get("control_id"), c -> (String) c.get("outcome")));
        assertEquals(Set.of("SOC2-CC6.1", "SOC2-CC6.6", "SOC2-CC6.7", "SOC2-CC6.8", "SOC2-CC7.1", "SOC2-CC7.2",
                "SOC2-CC7.3", "SOC2-CC7.4", "SOC2-CC8.1"), outcomes.keySet());
        // The demo's policy history and the earlier checks are evidence, so the period criteria are decided.
        assertNotEquals("not_evaluated", outcomes.get("SOC2-CC8.1"), outcomes::toString);
        assertNotEquals("not_evaluated", outcomes.get("SOC2-CC7.1"), outcomes::toString);
        long globex = scenario.tenant(ComplianceScenario.GLOBEX).id();
        var runs = scenario.database().auditLog().query(TenantScope.tenant(globex),
                AuditQuery.all().withAction(ComplianceAudit.RUN_ACTION), PageRequest.first(10)).items();
        assertTrue(runs.size() >= 2);
        assertEquals("compliance-officer", runs.get(0).actorRole().wireName().replace('_', '-'));
    }

    @Test
    void badInputAndDenial() {
        assertTrue(SERVER.failure(OFFICER, TOOL, Map.of("tenant", "acme-shop", "headers", "")).contains("headers"));
        assertTrue(SERVER.failure(OFFICER, TOOL, Map.of("tenant", "no-such-tenant")).contains("tenant"));
        assertEquals("access denied: role security_analyst may only read compliance",
                SERVER.failure(ANALYST, TOOL, Map.of("tenant", ComplianceScenario.GLOBEX)));
    }
}
