package org.secheaders.analytics.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.analytics.testing.AnalyticsTestServer.ACME_ADMIN;
import static org.secheaders.analytics.testing.AnalyticsTestServer.ANALYST;
import static org.secheaders.analytics.testing.AnalyticsTestServer.SERVER;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.testing.AnalyticsScenario;

class AnalyzeSecurityMetricsToolTest {

    private static final String TOOL = "analyze_security_metrics";
    private static final String START = AnalyticsScenario.BACKGROUND_START.toString();
    private static final String END = AnalyticsScenario.NOW.toString();

    @Test
    void analysesATenantsPeriodWithBreakdownsAndAPage() {
        Map<?, ?> result = SERVER.success(ANALYST, TOOL, Map.of("tenant", "acme", "start_date", START, "end_date", END,
                "group_by", List.of("directive", "hour"), "page", 3, "per_page", 25));

        assertEquals("acme", result.get("scope"));
        Map<?, ?> totals = (Map<?, ?>) result.get("totals");
        long total = ((Number) totals.get("violations")).longValue();
        assertEquals(360 * AnalyticsScenario.shared().acmeBackgroundPerMinute()
                + AnalyticsScenario.IMAGE_SPIKE_MINUTES * (AnalyticsScenario.IMAGE_SPIKE_PER_MINUTE - 2)
                + AnalyticsScenario.PARTNER_BURST_MINUTES * AnalyticsScenario.PARTNER_BURST_PER_MINUTE, total);
        assertEquals(10, totals.get("resolved"));
        List<?> breakdowns = (List<?>) result.get("breakdowns");
        assertEquals("directive", ((Map<?, ?>) breakdowns.get(0)).get("group_by"));
        assertEquals(6, ((List<?>) ((Map<?, ?>) breakdowns.get(1)).get("counts")).size());
        Map<?, ?> violations = (Map<?, ?>) result.get("violations");
        assertEquals(25, ((List<?>) violations.get("items")).size());
        assertEquals(Map.of("total", (int) total, "per_page", 25, "current_page", 3, "total_pages", (int) ((total + 24) / 25)),
                violations.get("pagination"));
        assertEquals(18000.0, ((Map<?, ?>) result.get("resolution_times")).get("median_seconds"));
    }

    @Test
    void perPageAboveOneHundredIsRefusedNamingIt() {
        String message = SERVER.failure(ANALYST, TOOL, Map.of("tenant", "acme", "per_page", 101));

        assertTrue(message.contains("per_page"), message);
    }

    @Test
    void unusableFiltersAreToolErrorsNamingTheArgument() {
        assertEquals("argument 'start_date' must be an ISO-8601 instant (2026-01-31T12:00:00Z) or date (2026-01-31), got 'yesterday'",
                SERVER.failure(ANALYST, TOOL, Map.of("start_date", "yesterday")));
        assertEquals("argument 'start_date' must be before end_date 2026-03-01T00:00:00Z, got 2026-03-02T00:00:00Z",
                SERVER.failure(ANALYST, TOOL, Map.of("start_date", "2026-03-02", "end_date", "2026-03-01")));
        assertEquals("argument 'group_by' hour needs a period of at most 14 days; use day",
                SERVER.failure(ANALYST, TOOL, Map.of("start_date", "2026-01-01", "end_date", "2026-03-01", "group_by", List.of("hour"))));
        assertTrue(SERVER.failure(ANALYST, TOOL, Map.of("severity", "catastrophic")).contains("severity"));
        assertTrue(SERVER.failure(ANALYST, TOOL, Map.of("violation_type", "sql_injection")).contains("violation_type"));
    }

    @Test
    void aTenantAdminSeesItsOwnTenantOnly() {
        AnalyticsScenario scenario = AnalyticsScenario.shared();
        Map<?, ?> own = SERVER.success(ACME_ADMIN, TOOL, Map.of("tenant", "acme", "start_date", START, "end_date", END));

        assertEquals("acme", own.get("scope"));
        assertEquals("access denied: role tenant_admin may only access violations of tenant " + scenario.acme().id()
                + ", not tenant " + scenario.globex().id(), SERVER.failure(ACME_ADMIN, TOOL, Map.of("tenant", "globex")));
        assertEquals("access denied: role tenant_admin may not access platform-wide violations; pass tenant_id "
                + scenario.acme().id(), SERVER.failure(ACME_ADMIN, TOOL, Map.of()));
    }
}
