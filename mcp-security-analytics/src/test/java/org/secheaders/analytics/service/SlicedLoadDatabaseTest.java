package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.analytics.service.AnomalyService.AnomalyReport;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

/**
 * {@link AnomalyService} on a real database finds exactly what the old full load
 * ({@link FullHistoryLoad}, with the queries the service used to issue) finds: seeded random reports
 * over ten days with a daily peak, sparse groups, a spike, a group first seen in the days between the
 * weekly and the daily slices, one first seen in the window, reports without a blocked URI, and a
 * tenant whose data starts inside the history; judged at several instants and scanned over periods.
 */
class SlicedLoadDatabaseTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant BEGIN = Instant.parse("2026-02-02T00:00:00Z");
    static final int DAY = 1440;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void detectAndScanFindWhatTheFullLoadFinds(DbKind kind) {
        Database db = DATABASES.get(kind);
        Random random = new Random(20261206L + kind.ordinal());
        Tenant early = TestTenants.create(db);
        Tenant late = TestTenants.create(db);
        List<SecurityViolation.Draft> reports = new ArrayList<>();
        plant(random, early.id(), 0, reports);
        // Starts on day 6 at a random second: inside every history judged below.
        plant(random, late.id(), 6 * DAY + 497, reports);
        for (int from = 0; from < reports.size(); from += 2000) {
            db.violations().insertBatch(TenantScope.platform(), reports.subList(from, Math.min(reports.size(), from + 2000)));
        }
        AnomalyService service = new AnomalyService(db.violations(), new TenantCatalog(db.tenants()),
                Clock.fixed(minute(10 * DAY), ZoneOffset.UTC));

        int findings = 0;
        for (Tenant tenant : List.of(early, late)) {
            TenantScope scope = TenantScope.tenant(tenant.id());
            Map<Long, Tenant> visible = Map.of(tenant.id(), tenant);
            for (Instant asOf : List.of(minute(9 * DAY + 12 * 60 + 20), minute(9 * DAY + 10 * 60 + 40),
                    minute(7 * DAY + 15 * 60 + 10), minute(6 * DAY + 12 * 60), minute(10 * DAY))) {
                for (Duration window : List.of(Duration.ofMinutes(60), Duration.ofMinutes(1410))) {
                    for (Duration history : List.of(AnomalyService.DEFAULT_HISTORY, Duration.ofHours(30))) {
                        AnomalyReport report = service.detect(scope, Optional.of(asOf), window, history,
                                SecuritySeverity.LOW);
                        TimeRange evaluated = TimeRange.ending(asOf, window);
                        AnomalyService.Loaded full = FullHistoryLoad.load(db.violations(), scope, visible,
                                evaluated.start().minus(history), asOf);
                        AnomalyService.Findings expected = full.judge(evaluated);
                        String context = tenant.slug() + " at " + asOf + ", " + window + " after " + history;
                        assertEquals(expected.anomalies(), report.anomalies(), context);
                        assertEquals(expected.firstSightings(), report.firstSightings(), context);
                        assertEquals(new AnomalyService.Evaluation(evaluated, full.historyStart(), full.tenantCount(),
                                full.seriesCount()), report.evaluated(), context);
                        findings += expected.anomalies().size() + expected.firstSightings().size();
                    }
                }
            }
            for (TimeRange period : List.of(new TimeRange(minute(8 * DAY), minute(9 * DAY + 13 * 60)),
                    new TimeRange(minute(6 * DAY + 30), minute(10 * DAY)))) {
                AnomalyService.Findings found = service.scan(scope, period, AnomalyService.DEFAULT_HISTORY);
                AnomalyService.Loaded full = FullHistoryLoad.load(db.violations(), scope, visible,
                        period.start().minus(AnomalyService.DEFAULT_HISTORY), period.end());
                List<AnomalyService.AnomalyFinding> anomalies = new ArrayList<>();
                List<AnomalyService.FirstSightingFinding> sightings = new ArrayList<>();
                for (TimeRange window : period.split(AnomalyService.SCAN_STEP)) {
                    anomalies.addAll(full.judge(window).anomalies());
                    sightings.addAll(full.judge(window).firstSightings());
                }
                assertEquals(anomalies, found.anomalies(), tenant.slug() + " over " + period);
                assertEquals(sightings, found.firstSightings(), tenant.slug() + " over " + period);
                findings += anomalies.size() + sightings.size();
            }
        }
        assertFalse(findings == 0, "the data must give something to compare");
    }

    /** Reports of one tenant from minute {@code start} to day 10. */
    static void plant(Random random, long tenant, int start, List<SecurityViolation.Draft> reports) {
        for (int m = start; m < 10 * DAY; m++) {
            int minuteOfDay = m % DAY;
            // Background: sparse images, inline styles and reports without a blocked URI.
            if (random.nextDouble() < 0.03) {
                reports.add(report(tenant, "img-src", Optional.of("https://img.example/a.png"), m, random));
            }
            if (random.nextDouble() < 0.01) {
                reports.add(report(tenant, "style-src-elem", Optional.of("inline"), m, random));
            }
            if (random.nextDouble() < 0.005) {
                reports.add(report(tenant, "frame-ancestors", Optional.empty(), m, random));
            }
            // A daily peak of the ad tracker from 10:00 to 10:30.
            if (minuteOfDay >= 600 && minuteOfDay < 630) {
                for (int i = 2 + random.nextInt(3); i > 0; i--) {
                    reports.add(report(tenant, "script-src-elem", Optional.of("https://ads.example/t.js"), m, random));
                }
            }
            // A spike on day 7 from 15:00 for 6 minutes.
            if (m >= 7 * DAY + 900 && m < 7 * DAY + 906) {
                for (int i = 0; i < 25; i++) {
                    reports.add(report(tenant, "img-src", Optional.of("https://img.example/a.png"), m, random));
                }
            }
            // First seen on day 4 (between the weekly and the daily slices of day 9), sparse after.
            if (m >= 4 * DAY + 200 && random.nextDouble() < 0.02) {
                reports.add(report(tenant, "connect-src", Optional.of("https://api.partner.example/v1"), m, random));
            }
            // First seen on day 9 at 12:05, inside the windows judged.
            if (m >= 9 * DAY + 725 && m < 9 * DAY + 740) {
                for (int i = 0; i < 6; i++) {
                    reports.add(report(tenant, "script-src-elem", Optional.of("https://evil.example/x.js"), m, random));
                }
            }
        }
    }

    static SecurityViolation.Draft report(long tenant, String directive, Optional<String> blocked, int minute,
            Random random) {
        return new SecurityViolation.Draft(tenant, ViolationType.CSP, directive, blocked, "https://shop.example/",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                SecuritySeverity.LOW, ThreatClassification.UNKNOWN, Optional.empty(), Map.of(),
                minute(minute).plusMillis(random.nextInt(60_000)));
    }

    static Instant minute(int index) {
        return BEGIN.plus(Duration.ofMinutes(index));
    }
}
