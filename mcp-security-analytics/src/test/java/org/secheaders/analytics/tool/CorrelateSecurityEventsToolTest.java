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

class CorrelateSecurityEventsToolTest {

    private static final String TOOL = "correlate_security_events";

    @Test
    void theTopClusterNamesThePolicyChangeBeforeIt() {
        AnalyticsScenario scenario = AnalyticsScenario.shared();
        Map<?, ?> result = SERVER.success(ANALYST, TOOL, Map.of("start_date", "2026-03-10T10:00:00Z", "max_clusters", 3));

        List<?> clusters = (List<?>) result.get("clusters");
        assertEquals(3, clusters.size());
        Map<?, ?> top = (Map<?, ?>) clusters.get(0);
        assertEquals("sustained rise of script-src-elem → cdn.partner.example began 3 minutes after policy change #"
                + scenario.policyChangeId() + " by alice (removed script-src https://cdn.partner.example)", top.get("likely_cause"));
        Map<?, ?> related = (Map<?, ?>) ((List<?>) top.get("policy_changes")).get(0);
        Map<?, ?> change = (Map<?, ?>) related.get("change");
        assertEquals("alice", change.get("actor"));
        assertEquals(List.of("script-src https://cdn.partner.example"), change.get("removed_sources"));
        assertEquals(AnalyticsScenario.TIMING_JUMP_AT.toString(),
                ((Map<?, ?>) ((List<?>) top.get("timing_regressions")).get(0)).get("started_at"));
        assertEquals(6, result.get("clusters_found"), "five of acme, one of globex");
    }

    @Test
    void badInputIsAToolErrorNamingTheArgument() {
        assertTrue(SERVER.failure(ANALYST, TOOL, Map.of("max_clusters", 0)).contains("max_clusters"));
        assertEquals("argument 'start_date' must be at most 7 days before end_date, got 31 days",
                SERVER.failure(ANALYST, TOOL, Map.of("start_date", "2026-02-01", "end_date", "2026-03-04")));
        assertTrue(SERVER.failure(ANALYST, TOOL, Map.of("change_lookback_minutes", 100000)).contains("change_lookback_minutes"));
    }

    @Test
    void aTenantAdminCorrelatesItsOwnTenantOnly() {
        AnalyticsScenario scenario = AnalyticsScenario.shared();
        Map<?, ?> own = SERVER.success(ACME_ADMIN, TOOL, Map.of("tenant", "acme", "start_date", "2026-03-10T10:00:00Z"));

        assertEquals(5, own.get("clusters_found"));
        assertEquals("access denied: role tenant_admin may only access violations of tenant " + scenario.acme().id()
                + ", not tenant " + scenario.globex().id(), SERVER.failure(ACME_ADMIN, TOOL, Map.of("tenant", "globex")));
    }
}
