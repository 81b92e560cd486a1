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

class DetectAnomaliesToolTest {

    private static final String TOOL = "detect_anomalies";

    @Test
    void findsThePlantedSpikesAndTheFirstSightingAcrossTenants() {
        Map<?, ?> result = SERVER.success(ANALYST, TOOL, Map.of());

        assertEquals("all tenants", result.get("scope"));
        List<?> anomalies = (List<?>) result.get("anomalies");
        Map<?, ?> images = anomalies.stream().map(Map.class::cast)
                .filter(a -> AnalyticsScenario.IMAGE_HOST.equals(a.get("blocked"))).findFirst().orElseThrow();
        assertEquals("spike", images.get("kind"));
        assertEquals(AnalyticsScenario.IMAGE_SPIKE_START.toString(), images.get("window_start"));
        assertEquals(60.0, images.get("observed"));
        assertEquals("acme", images.get("tenant"));
        assertTrue(((String) images.get("explanation")).startsWith("60/min vs expected"), images.get("explanation")::toString);
        List<?> sightings = (List<?>) result.get("first_sightings");
        assertEquals(List.of(AnalyticsScenario.PARTNER_HOST),
                sightings.stream().map(s -> ((Map<?, ?>) s).get("blocked")).toList());
        Map<?, ?> evaluated = (Map<?, ?>) result.get("evaluated");
        assertEquals("2026-03-10T11:00:00Z", ((Map<?, ?>) evaluated.get("window")).get("start"));
    }

    @Test
    void anEarlierQuietWindowHasNothing() {
        Map<?, ?> result = SERVER.success(ANALYST, TOOL, Map.of("tenant", "acme", "as_of", "2026-03-10T10:00:00Z",
                "window_minutes", 30, "history_hours", 24));

        assertEquals(List.of(), result.get("anomalies"));
        assertEquals(List.of(), result.get("first_sightings"));
    }

    @Test
    void badInputIsAToolErrorNamingTheArgument() {
        assertTrue(SERVER.failure(ANALYST, TOOL, Map.of("window_minutes", 2000)).contains("window_minutes"));
        assertTrue(SERVER.failure(ANALYST, TOOL, Map.of("history_hours", 2)).contains("history_hours"));
        assertEquals("argument 'as_of' must be an ISO-8601 instant (2026-01-31T12:00:00Z) or date (2026-01-31), got 'noon'",
                SERVER.failure(ANALYST, TOOL, Map.of("as_of", "noon")));
        assertTrue(SERVER.failure(ANALYST, TOOL, Map.of("min_severity", "urgent")).contains("min_severity"));
    }

    @Test
    void aTenantAdminJudgesItsOwnTenantOnly() {
        AnalyticsScenario scenario = AnalyticsScenario.shared();
        Map<?, ?> own = SERVER.success(ACME_ADMIN, TOOL, Map.of("tenant_id", scenario.acme().id(), "min_severity", "medium"));

        assertTrue(((List<?>) own.get("anomalies")).stream().allMatch(a -> "acme".equals(((Map<?, ?>) a).get("tenant"))));
        assertEquals("access denied: role tenant_admin may only access violations of tenant " + scenario.acme().id()
                + ", not tenant " + scenario.globex().id(), SERVER.failure(ACME_ADMIN, TOOL, Map.of("tenant", "globex")));
    }
}
