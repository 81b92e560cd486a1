package org.secheaders.domain.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-04-20T08:17:30Z");
    private static final DemoScenario SMALL = DemoScenario.defaults(Clock.fixed(NOW, ZoneOffset.UTC))
            .withTotalViolations(12_000);
    private static final DemoDataGenerator GENERATOR = new DemoDataGenerator();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DemoDataset small;

    @BeforeAll
    static void generate() {
        small = GENERATOR.generate(SMALL);
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedDifferentData() {
        assertEquals(small, GENERATOR.generate(SMALL));
        DemoDataset other = GENERATOR.generate(SMALL.withSeed(SMALL.seed() + 1));
        assertNotEquals(small.reports().get(0), other.reports().get(0));
        assertEquals(SMALL.totalViolations(), other.violations().size());
    }

    @Test
    void carriesExactlyTheRequestedNumberOfViolations() {
        assertEquals(12_000, small.violations().size());
        assertEquals(12_000, small.reports().stream().mapToInt(DemoReport::violationCount).sum());
    }

    @Test
    void theDefaultScenarioCarriesAtLeastFiftyThousandViolations() {
        DemoDataset full = GENERATOR.generate(DemoScenario.defaults(Clock.fixed(NOW, ZoneOffset.UTC)));
        assertEquals(DemoScenario.DEFAULT_TOTAL_VIOLATIONS, full.violations().size());
        assertTrue(full.violations().size() >= 50_000);
    }

    @Test
    void everyTenantReportsOnEveryDayOfThePeriod() {
        for (DemoTenant tenant : SMALL.tenants()) {
            List<DemoViolation> violations = small.violationsOf(tenant.slug());
            for (int day = 0; day < SMALL.days(); day++) {
                Instant from = SMALL.start().plus(Duration.ofDays(day));
                long count = count(violations, receivedIn(from, from.plus(Duration.ofDays(1))));
                assertTrue(count > 0, tenant.slug() + " has no reports on day " + day);
            }
            assertEquals(violations.size(), count(violations, receivedIn(SMALL.start(), SMALL.end())));
        }
    }

    @Test
    void followsADailyRhythm() {
        // The portal is an office tool: its busiest local hours carry far more reports than the night.
        List<DemoViolation> portal = small.violationsOf("initech-portal");
        Map<Integer, Long> byLocalHour = portal.stream().collect(Collectors.groupingBy(
                violation -> violation.occurredAt().atZone(DemoTenant.CATALOGUE.get(2).zone()).getHour(),
                Collectors.counting()));
        assertTrue(byLocalHour.getOrDefault(10, 0L) > 8 * byLocalHour.getOrDefault(3, 0L), byLocalHour.toString());
    }

    @Test
    void theAttackBurstStandsOutAgainstTheSameSlotOnEveryOtherDay() {
        PlantedPattern.AttackBurst burst = SMALL.attackBurst();
        List<DemoViolation> shop = small.violationsOf(burst.tenantSlug());
        // Batched deliveries arrive up to a minute after the burst ends.
        Duration length = Duration.between(burst.start(), burst.end()).plusMinutes(1);
        long inBurst = count(shop, receivedIn(burst.start(), burst.start().plus(length)));
        long busiestOtherDay = otherDaysSameSlot(burst.start(), length)
                .stream().mapToLong(from -> count(shop, receivedIn(from, from.plus(length)))).max().orElseThrow();

        assertTrue(inBurst >= 500, "burst carries " + inBurst);
        assertTrue(inBurst > 10 * Math.max(1, busiestOtherDay), inBurst + " vs " + busiestOtherDay);
        Set<String> clients = shop.stream().filter(violation -> violation.cause() == ViolationCause.ATTACK)
                .map(DemoViolation::clientAddress).collect(Collectors.toSet());
        assertTrue(clients.size() >= 100, clients.size() + " distinct clients");
    }

    @Test
    void theExfiltrationHostIsNeverSeenBeforeTheBurst() {
        PlantedPattern.AttackBurst burst = SMALL.attackBurst();
        List<DemoViolation> toHost = small.violationsOf(burst.tenantSlug()).stream()
                .filter(violation -> violation.resource().contains(burst.exfiltrationHost())).toList();
        assertFalse(toHost.isEmpty());
        assertTrue(toHost.stream().allMatch(violation -> !violation.occurredAt().isBefore(burst.start())
                && violation.occurredAt().isBefore(burst.end())));
        assertTrue(toHost.stream().allMatch(violation -> burst.paths().stream()
                .anyMatch(path -> violation.documentUrl().endsWith(path))));
        assertTrue(small.violationsOf(burst.tenantSlug()).stream().anyMatch(violation -> violation.sample()
                .filter(sample -> sample.contains("document.cookie")).isPresent()));
    }

    @Test
    void styleViolationsJumpMinutesAfterTheAuditedPolicyChange() {
        PlantedPattern.PolicyRegression regression = SMALL.policyRegression();
        Predicate<DemoViolation> style = violation -> regression.directives().contains(violation.directive());
        List<DemoViolation> styles = small.violationsOf(regression.tenantSlug()).stream().filter(style).toList();
        Duration length = Duration.between(regression.start(), regression.rolledBackAt());
        long inWindow = count(styles, loadedIn(regression.start(), regression.rolledBackAt()));
        long busiestOtherDay = otherDaysSameSlot(regression.start(), length).stream()
                .mapToLong(from -> count(styles, loadedIn(from, from.plus(length)))).max().orElseThrow();

        assertTrue(inWindow > 10 * Math.max(1, busiestOtherDay), inWindow + " vs " + busiestOtherDay);
        assertEquals(0, count(styles, loadedIn(regression.changedAt(), regression.start())));
        DemoTenant news = DemoTenant.CATALOGUE.get(1);
        PolicyHistory history = news.kind().model().policyHistory(news, SMALL);
        assertTrue(history.revisions().stream().anyMatch(revision -> revision.at().equals(regression.changedAt())));
    }

    @Test
    void theRolloutStepEndsReportsForThePortalsOwnHosts() {
        PlantedPattern.RolloutFix fix = SMALL.rolloutFix();
        List<DemoViolation> ownHosts = small.violationsOf(fix.tenantSlug()).stream()
                .filter(violation -> fix.hostsAllowed().contains(PolicyMatcher.host(violation.resource())))
                .toList();
        assertTrue(count(ownHosts, loadedIn(SMALL.start(), fix.start())) > 100);
        assertEquals(0, count(ownHosts, loadedIn(fix.start(), SMALL.end())));
    }

    @Test
    void browserExtensionNoiseIsASteadyShareOfEveryTenantsEverydayReports() {
        for (DemoTenant tenant : SMALL.tenants()) {
            List<DemoViolation> everyday = small.violationsOf(tenant.slug()).stream()
                    .filter(violation -> violation.cause() == ViolationCause.SITE
                            || violation.cause() == ViolationCause.EXTENSION)
                    .toList();
            for (int half = 0; half < 2; half++) {
                Instant from = SMALL.start().plus(Duration.ofDays(half * SMALL.days() / 2L));
                List<DemoViolation> inHalf = everyday.stream()
                        .filter(receivedIn(from, from.plus(Duration.ofDays(SMALL.days() / 2L)))).toList();
                double share = count(inHalf, violation -> violation.cause() == ViolationCause.EXTENSION)
                        / (double) inHalf.size();
                assertTrue(share > 0.12 && share < 0.40, tenant.slug() + " noise share " + share + " in half " + half);
            }
        }
        Set<String> blocked = small.violations().stream().filter(violation -> violation.cause() == ViolationCause.EXTENSION)
                .map(DemoViolation::blockedUri).collect(Collectors.toSet());
        assertTrue(blocked.containsAll(List.of("moz-extension", "safari-web-extension", "inline",
                "https://injections.adguard.com", "https://f-log-extension.grammarly.io")), blocked.toString());
    }

    @Test
    void everyViolationIsOneThePolicyInForceBlocks() {
        for (DemoTenant tenant : SMALL.tenants()) {
            PolicyHistory history = tenant.kind().model().policyHistory(tenant, SMALL);
            for (DemoViolation violation : small.violationsOf(tenant.slug())) {
                SitePolicy policy = history.policyAt(violation.pageLoadedAt());
                assertTrue(PolicyMatcher.blocks(policy, violation.directive(), violation.resource(), tenant.origin()),
                        violation.toString());
                assertEquals(policy.reportOnly() ? "report" : "enforce",
                        violation.disposition());
            }
        }
    }

    @Test
    void reportsAreWellFormedInBothWireFormats() throws Exception {
        Set<ReportFormat> formats = new HashSet<>();
        int withoutEffectiveDirective = 0;
        for (DemoReport report : small.reports()) {
            formats.add(report.format());
            assertEquals(report.format().contentType(), report.headers().get("Content-Type"));
            assertTrue(report.userAgent().startsWith("Mozilla/5.0"));
            JsonNode body = JSON.readTree(report.body());
            if (report.format() == ReportFormat.LEGACY_CSP_REPORT) {
                JsonNode cspReport = body.get("csp-report");
                assertTrue(cspReport.hasNonNull("document-uri") && cspReport.hasNonNull("violated-directive"));
                withoutEffectiveDirective += cspReport.has("effective-directive") ? 0 : 1;
                assertEquals(1, report.violationCount());
            } else {
                assertEquals(report.violationCount(), body.size());
                for (JsonNode item : body) {
                    assertEquals("csp-violation", item.get("type").asText());
                    assertTrue(item.get("body").hasNonNull("effectiveDirective"));
                    assertTrue(item.get("age").asLong() > 0);
                }
            }
        }
        assertEquals(Set.of(ReportFormat.values()), formats);
        assertTrue(withoutEffectiveDirective > 0, "no pre-CSP3 Firefox reports");
    }

    @Test
    void samplesAreCutToFortyCharactersOfCode() {
        assertTrue(small.violations().stream().flatMap(violation -> violation.sample().stream())
                .allMatch(sample -> sample.length() - (sample.indexOf('|') + 1) <= 40));
    }

    private static List<Instant> otherDaysSameSlot(Instant start, Duration length) {
        return IntStream.rangeClosed(-SMALL.days(), SMALL.days())
                .filter(days -> days != 0)
                .mapToObj(days -> start.plus(Duration.ofDays(days)))
                .filter(from -> !from.isBefore(SMALL.start()) && !from.plus(length).isAfter(SMALL.end()))
                .toList();
    }

    private static Predicate<DemoViolation> receivedIn(Instant from, Instant to) {
        return violation -> !violation.receivedAt().isBefore(from) && violation.receivedAt().isBefore(to);
    }

    /** Raised on pages loaded in {@code [from, to)}, i.e. under the policy in force then. */
    private static Predicate<DemoViolation> loadedIn(Instant from, Instant to) {
        return violation -> !violation.pageLoadedAt().isBefore(from) && violation.pageLoadedAt().isBefore(to);
    }

    private static long count(List<DemoViolation> violations, Predicate<DemoViolation> which) {
        return violations.stream().filter(which).count();
    }
}
