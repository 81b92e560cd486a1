package org.secheaders.domain.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {
    private static final Instant NOW = Instant.parse("2026-04-20T08:17:30Z");
    private static final DemoScenario DEFAULTS = DemoScenario.defaults(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void defaultsEndAtTheClocksMinute() {
        assertEquals(Instant.parse("2026-04-20T08:17:00Z"), DEFAULTS.end());
        assertEquals(Instant.parse("2026-04-06T08:17:00Z"), DEFAULTS.start());
        assertEquals(List.of("acme-shop", "globex-news", "initech-portal"),
                DEFAULTS.tenants().stream().map(DemoTenant::slug).toList());
        assertTrue(DEFAULTS.totalViolations() >= 50_000);
    }

    @Test
    void placesThePlantedPatternsRelativeToTheEndDay() {
        assertEquals(Instant.parse("2026-04-19T14:05:00Z"), DEFAULTS.attackBurst().start());
        assertEquals(Instant.parse("2026-04-19T14:39:00Z"), DEFAULTS.attackBurst().end());
        assertEquals(Instant.parse("2026-04-16T09:31:00Z"), DEFAULTS.policyRegression().changedAt());
        assertEquals(Instant.parse("2026-04-16T09:35:00Z"), DEFAULTS.policyRegression().start());
        assertEquals(Instant.parse("2026-04-14T10:15:00Z"), DEFAULTS.rolloutFix().start());
    }

    @Test
    void plantedPatternsLieInsideThePeriodWhateverTheTimeOfDay() {
        for (String time : List.of("00:00:00", "08:17:30", "23:59:59")) {
            DemoScenario scenario = DEFAULTS.withDays(DemoScenario.MIN_DAYS)
                    .withTotalViolations(DemoScenario.MIN_TOTAL_VIOLATIONS);
            scenario = new DemoScenario(scenario.seed(), scenario.tenantCount(), scenario.days(),
                    scenario.totalViolations(), Instant.parse("2026-04-20T" + time + "Z"));
            for (PlantedPattern pattern : scenario.plantedPatterns()) {
                assertTrue(pattern.start().isAfter(scenario.start()) && pattern.start().isBefore(scenario.end()),
                        pattern.description() + " at end " + scenario.end());
            }
            assertTrue(scenario.attackBurst().end().isBefore(scenario.end()));
            assertTrue(scenario.policyRegression().rolledBackAt().isBefore(scenario.end()));
        }
    }

    @Test
    void rejectsValuesOutsideTheirRange() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withTenantCount(2));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withTenantCount(DemoTenant.CATALOGUE.size() + 1));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withDays(DemoScenario.MIN_DAYS - 1));
        assertThrows(IllegalArgumentException.class,
                () -> DEFAULTS.withTotalViolations(DemoScenario.MIN_TOTAL_VIOLATIONS - 1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withDays(400));
        assertEquals("days 400 must be between 8 and 90", error.getMessage());
    }
}
