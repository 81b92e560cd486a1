package org.secheaders.compliance.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.compliance.testing.ComplianceTestServer.ACME_ADMIN;
import static org.secheaders.compliance.testing.ComplianceTestServer.ANALYST;
import static org.secheaders.compliance.testing.ComplianceTestServer.OFFICER;
import static org.secheaders.compliance.testing.ComplianceTestServer.SERVER;

import io.modelcontextprotocol.spec.McpError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secheaders.compliance.testing.ComplianceScenario;
import org.secheaders.platform.PlatformJson;

class TenantComplianceResourceTest {

    @Test
    void showsTheLatestStoredResultsByFramework() throws Exception {
        SERVER.success(OFFICER, "verify_gdpr_headers", Map.of("tenant", ComplianceScenario.INITECH));

        String body = SERVER.read(ANALYST, "secheaders://tenants/" + ComplianceScenario.INITECH + "/compliance").text();

        Map<?, ?> results = PlatformJson.mapper().readValue(body, Map.class);
        assertEquals(ComplianceScenario.INITECH, results.get("tenant"));
        Map<?, ?> gdpr = ((List<?>) results.get("frameworks")).stream().map(Map.class::cast)
                .filter(f -> "gdpr".equals(f.get("framework"))).findFirst().orElseThrow();
        assertEquals(9, ((List<?>) gdpr.get("controls")).size());
        assertTrue(gdpr.containsKey("status") && gdpr.containsKey("next_check_at"), gdpr::toString);
        Map<?, ?> control = (Map<?, ?>) ((List<?>) gdpr.get("controls")).get(0);
        assertTrue(((Map<?, ?>) control.get("evidence")).containsKey("citation"), control::toString);
    }

    @Test
    void aTenantAdminReadsOnlyItsOwnTenant() {
        McpError denied = assertThrows(McpError.class,
                () -> SERVER.read(ACME_ADMIN, "secheaders://tenants/" + ComplianceScenario.GLOBEX + "/compliance"));
        assertTrue(denied.getMessage().contains("access denied"), denied.getMessage());
    }
}
