package org.secheaders.domain.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the demo data covers. Validated when built; the defaults give the data set described in
 * {@code docs/DEMO_DATA.md}. The same scenario (seed included) always yields the same data.
 *
 * @param seed            seeds every random draw
 * @param tenantCount     how many tenants of {@link DemoTenant#CATALOGUE} to create, in catalogue order
 * @param days            length of the covered period, ending at {@code end}
 * @param totalViolations exactly how many violations the reports carry, planted patterns included
 * @param end             end of the covered period (exclusive), truncated to the minute; usually "now"
 */
public record DemoScenario(long seed, int tenantCount, int days, int totalViolations, Instant end) {
    public static final long DEFAULT_SEED = 20_260_417L;
    public static final int DEFAULT_TENANT_COUNT = 3;
    public static final int DEFAULT_DAYS = 14;
    public static final int DEFAULT_TOTAL_VIOLATIONS = 55_000;

    /** The first three catalogue tenants carry the planted patterns. */
    public static final int MIN_TENANT_COUNT = 3;
    /** A week and a day: the planted burst must have a same-slot comparison a week earlier. */
    public static final int MIN_DAYS = 8;
    public static final int MAX_DAYS = 90;
    /** Leaves room for a baseline several times the size of the planted patterns (about 5,000 violations). */
    public static final int MIN_TOTAL_VIOLATIONS = 10_000;
    public static final int MAX_TOTAL_VIOLATIONS = 5_000_000;

    static final String EXFILTRATION_HOST = "cdn-analytics-cache.xyz";
    private static final Duration ATTACK_START = Duration.ofHours(14).plusMinutes(5);
    private static final Duration ATTACK_LENGTH = Duration.ofMinutes(34);
    private static final Duration REGRESSION_CHANGE = Duration.ofHours(9).plusMinutes(31);
    /** Policy caches refresh before pages carry the new policy. */
    private static final Duration REGRESSION_PROPAGATION = Duration.ofMinutes(4);
    private static final Duration REGRESSION_ROLLBACK = Duration.ofHours(13).plusMinutes(44);
    private static final Duration ROLLOUT_FIX = Duration.ofHours(10).plusMinutes(15);

    public DemoScenario {
        int maxTenants = DemoTenant.CATALOGUE.size();
        requireRange("tenantCount", tenantCount, MIN_TENANT_COUNT, maxTenants);
        requireRange("days", days, MIN_DAYS, MAX_DAYS);
        requireRange("totalViolations", totalViolations, MIN_TOTAL_VIOLATIONS, MAX_TOTAL_VIOLATIONS);
        if (end == null) {
            throw new IllegalArgumentException("end is required");
        }
        end = end.truncatedTo(ChronoUnit.MINUTES);
    }

    /** The default scenario, ending at the clock's current minute. */
    public static DemoScenario defaults(Clock clock) {
        return new DemoScenario(DEFAULT_SEED, DEFAULT_TENANT_COUNT, DEFAULT_DAYS, DEFAULT_TOTAL_VIOLATIONS,
                clock.instant());
    }

    public DemoScenario withSeed(long value) {
        return new DemoScenario(value, tenantCount, days, totalViolations, end);
    }

    public DemoScenario withTenantCount(int value) {
        return new DemoScenario(seed, value, days, totalViolations, end);
    }

    public DemoScenario withDays(int value) {
        return new DemoScenario(seed, tenantCount, value, totalViolations, end);
    }

    public DemoScenario withTotalViolations(int value) {
        return new DemoScenario(seed, tenantCount, days, value, end);
    }

    /** Start of the covered period (inclusive). */
    public Instant start() {
        return end.minus(Duration.ofDays(days));
    }

    /** When the demo tenants and their first policies were created: a day before the first report. */
    public Instant tenantsCreatedAt() {
        return start().minus(Duration.ofDays(1));
    }

    public List<DemoTenant> tenants() {
        return DemoTenant.CATALOGUE.subList(0, tenantCount);
    }

    /** Yesterday (UTC) at 14:05, for 34 minutes, on the strict-CSP shop's checkout. */
    public PlantedPattern.AttackBurst attackBurst() {
        Instant start = dayStart(1).plus(ATTACK_START);
        return new PlantedPattern.AttackBurst(tenants().get(0).slug(), start, start.plus(ATTACK_LENGTH),
                EXFILTRATION_HOST, List.of("/checkout", "/checkout/payment"));
    }

    /** Four days before the end day, 09:31 to 13:44 UTC, on the allowlist news site. */
    public PlantedPattern.PolicyRegression policyRegression() {
        Instant changedAt = dayStart(4).plus(REGRESSION_CHANGE);
        return new PlantedPattern.PolicyRegression(tenants().get(1).slug(), changedAt,
                changedAt.plus(REGRESSION_PROPAGATION), dayStart(4).plus(REGRESSION_ROLLBACK),
                List.of("style-src-elem", "style-src-attr"));
    }

    /** Six days before the end day at 10:15 UTC, on the report-only portal. */
    public PlantedPattern.RolloutFix rolloutFix() {
        DemoTenant portal = tenants().get(2);
        return new PlantedPattern.RolloutFix(portal.slug(), dayStart(6).plus(ROLLOUT_FIX),
                ReportOnlyPortalSite.hostsAddedByRollout(portal));
    }

    public List<PlantedPattern> plantedPatterns() {
        return List.of(attackBurst(), policyRegression(), rolloutFix());
    }

    /** UTC midnight {@code daysBack} days before the end's date. */
    private Instant dayStart(int daysBack) {
        return end.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(daysBack));
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " " + value + " must be between " + min + " and " + max);
        }
    }
}
