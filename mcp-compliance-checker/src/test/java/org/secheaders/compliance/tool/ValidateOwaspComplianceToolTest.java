package org.secheaders.compliance.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.compliance.testing.ComplianceTestServer.ACME_ADMIN;
import static org.secheaders.compliance.testing.ComplianceTestServer.ANALYST;
import static org.secheaders.compliance.testing.ComplianceTestServer.OFFICER;
import static org.secheaders.compliance.testing.ComplianceTestServer.SERVER;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secheaders.compliance.testing.ComplianceScenario;
import org.secheaders.domain.compliance.run.HeaderSite;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.repo.TenantScope;

class ValidateOwaspComplianceToolTest {

    private static final String TOOL = "validate_owasp_compliance";

    @Test
    void checksADemoTenantsConfigurationWithGradeDisagreementsAndStoredRows() {
        ComplianceScenario scenario = ComplianceScenario.shared();
        Map<?, ?> result = SERVER.success(OFFICER, TOOL, Map.of("tenant", ComplianceScenario.ACME, "asvs_version", "4.0.3",
                "asvs_level", 3));

        assertEquals(ComplianceScenario.ACME, result.get("tenant"));
        assertEquals("owasp", result.get("framework"));
        assertEquals(Map.of("version", "4.0.3", "level", 3), result.get("asvs"));
        assertEquals("configured", ((Map<?, ?>) result.get("target")).get("source"));
        List<?> controls = (List<?>) result.get("controls");
        assertEquals(20, controls.size());
        Map<?, ?> counts = (Map<?, ?>) result.get("counts");
        assertEquals(20, counts.values().stream().mapToInt(v -> ((Number) v).intValue()).sum());
        Map<?, ?> observatory = (Map<?, ?>) result.get("observatory");
        assertTrue(List.of("A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F")
                .contains(observatory.get("grade")), observatory::toString);
        assertFalse(((List<?>) observatory.get("tests")).isEmpty());
        assertTrue(result.get("disagreements") instanceof List<?>);
        for (Object failure : (List<?>) result.get("top_failures")) {
            assertFalse(((String) ((Map<?, ?>) failure).get("fix")).isBlank());
        }
        long tenantId = scenario.tenant(ComplianceScenario.ACME).id();
        assertEquals(20, scenario.database().complianceChecks()
                .findByFramework(TenantScope.tenant(tenantId), ComplianceFramework.OWASP).size());
    }

    @Test
    void pastedHeadersAreJudgedWithTheirCookieValuesRedacted() {
        Map<?, ?> result = SERVER.success(OFFICER, TOOL, Map.of("tenant", ComplianceScenario.GLOBEX, "headers", """
                HTTP/1.1 200 OK
                Strict-Transport-Security: max-age=100
                Set-Cookie: session=top-secret; Path=/
                X-Content-Type-Options: nosniff
                """));

        Map<?, ?> target = (Map<?, ?>) result.get("target");
        assertEquals("supplied", target.get("source"));
        assertTrue(((List<?>) target.get("header_lines")).contains("Set-Cookie: session=[redacted]; Path=/"), target::toString);
        assertFalse(result.toString().contains("top-secret"));
        assertEquals("non_compliant", result.get("status"));
        Map<?, ?> hsts = ((List<?>) result.get("controls")).stream().map(Map.class::cast)
                .filter(c -> c.get("control_id").equals("ASVS-3.4.1")).findFirst().orElseThrow();
        assertEquals("fail", hsts.get("outcome"));
        assertTrue(((String) hsts.get("citation")).contains("ASVS"));
    }

    @Test
    void aUrlIsScannedLiveWithRedirectCookiesAndDrift() throws Exception {
        try (HeaderSite site = HeaderSite.start()) {
            site.page("/app", List.of(new HeaderField("X-Frame-Options", "DENY"),
                    new HeaderField("Server", "Jetty/12.0.1")));
            Map<?, ?> result = SERVER.success(OFFICER, TOOL, Map.of("tenant", ComplianceScenario.INITECH,
                    "url", site.url("/old")));

            Map<?, ?> target = (Map<?, ?>) result.get("target");
            assertEquals("observed", target.get("source"));
            assertEquals(List.of("301 " + site.url("/old"), "200 " + site.url("/app")), target.get("redirect_chain"));
            assertFalse(result.toString().contains(HeaderSite.SESSION_SECRET));
            List<?> drift = (List<?>) result.get("drift");
            assertTrue(drift.stream().map(Map.class::cast).anyMatch(d -> "Content-Security-Policy".equalsIgnoreCase(
                    (String) d.get("header")) && "missing".equals(d.get("kind")) && Boolean.TRUE.equals(d.get("critical"))),
                    drift::toString);
        }
    }

    @Test
    void anUnreachableUrlGivesNotEvaluatedResults() {
        Map<?, ?> result = SERVER.success(OFFICER, TOOL, Map.of("tenant", ComplianceScenario.INITECH, "url", "http://127.0.0.1:1/"));
        assertEquals("pending", result.get("status"));
        assertTrue(((String) ((Map<?, ?>) result.get("target")).get("not_evaluated")).startsWith("unreachable"));
    }

    @Test
    void badInputIsAToolErrorNamingTheArgument() {
        assertTrue(SERVER.failure(OFFICER, TOOL, Map.of("tenant", "acme-shop", "asvs_level", 5)).contains("asvs_level"));
        assertTrue(SERVER.failure(OFFICER, TOOL, Map.of("tenant", "acme-shop", "asvs_version", "3.0")).contains("asvs_version"));
        assertTrue(SERVER.failure(OFFICER, TOOL, Map.of("tenant", "acme-shop", "url", "ftp://example.com/")).contains("url"));
        String line = SERVER.failure(OFFICER, TOOL, Map.of("tenant", "acme-shop", "headers", "X-Frame-Options DENY"));
        assertTrue(line.contains("headers") && line.contains("line 1"), line);
        assertTrue(SERVER.failure(OFFICER, TOOL, Map.of("tenant", "acme-shop", "url", "https://example.com/",
                "headers", "X-Frame-Options: DENY")).contains("headers"));
        assertTrue(SERVER.failure(OFFICER, TOOL, Map.of()).contains("tenant_id"));
    }

    @Test
    void readersAndOtherTenantsAdminsAreDenied() {
        assertEquals("access denied: role security_analyst may only read compliance",
                SERVER.failure(ANALYST, TOOL, Map.of("tenant", ComplianceScenario.ACME)));
        long acme = ComplianceScenario.shared().tenant(ComplianceScenario.ACME).id();
        long globex = ComplianceScenario.shared().tenant(ComplianceScenario.GLOBEX).id();
        assertEquals("access denied: role tenant_admin may only access compliance of tenant " + acme + ", not tenant "
                + globex, SERVER.failure(ACME_ADMIN, TOOL, Map.of("tenant", ComplianceScenario.GLOBEX)));
        assertEquals(ComplianceScenario.ACME, SERVER.success(ACME_ADMIN, TOOL, Map.of("tenant_id", acme)).get("tenant"));
    }
}
