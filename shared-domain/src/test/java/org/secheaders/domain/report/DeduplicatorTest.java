package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.testing.SteppedClock;

class DeduplicatorTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
    private final SteppedClock clock = new SteppedClock(T0);
    private final Deduplicator deduplicator = new Deduplicator(clock);
    private final DedupeKey key = key(1, "https://evil.example/x.js");

    private static DedupeKey key(long tenant, String blocked) {
        CspViolationReport report = CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri("https://shop.example.com/").effectiveDirective("script-src-elem").blockedUri(blocked)
                .build();
        return DedupeKey.of(tenant, new ReportNormalizer().normalize(report, Optional.empty()));
    }

    @Test
    void theFirstReportOpensAWindowAndLaterOnesAreCounted() {
        Admission first = deduplicator.admit(key, 1, OptionalLong.of(1));
        clock.advance(Duration.ofSeconds(3));
        Admission second = deduplicator.admit(key, 2, OptionalLong.of(2));

        assertTrue(first.first());
        assertEquals(T0, first.windowStart());
        assertFalse(second.first());
        assertEquals(T0, second.windowStart());
        assertEquals(List.of(), deduplicator.drainClosed(), "the window is still open");
    }

    @Test
    void theWindowIncludesNineSecondsNineHundredNinetyNineAndEndsAtTen() {
        deduplicator.admit(key, 1, OptionalLong.empty());
        clock.advance(Duration.ofMillis(9_999));
        assertFalse(deduplicator.admit(key, 1, OptionalLong.empty()).first());

        clock.advance(Duration.ofMillis(1));
        Admission reopened = deduplicator.admit(key, 1, OptionalLong.empty());
        assertTrue(reopened.first());
        assertEquals(T0.plusSeconds(10), reopened.windowStart());
    }

    @Test
    void closingAWindowEmitsItsDuplicateCountAndDistinctClients() {
        deduplicator.admit(key, 1, OptionalLong.of(7));
        clock.advance(Duration.ofSeconds(1));
        deduplicator.admit(key, 3, OptionalLong.of(7));
        clock.advance(Duration.ofSeconds(1));
        deduplicator.admit(key, 1, OptionalLong.of(8));
        clock.advance(Duration.ofSeconds(8));

        List<DuplicateTally> tallies = deduplicator.drainClosed();

        assertEquals(List.of(new DuplicateTally(1, key.hex(), T0, T0.plusSeconds(2), 4, 2)), tallies);
        assertEquals(List.of(), deduplicator.drainClosed(), "a tally is returned once");
        assertEquals(0, deduplicator.openWindows());
    }

    @Test
    void aWindowWithoutDuplicatesClosesSilentlyBecauseTheFirstReportWasEmitted() {
        deduplicator.admit(key, 1, OptionalLong.empty());
        clock.advance(Duration.ofSeconds(10));

        assertEquals(List.of(), deduplicator.drainClosed());
        assertEquals(0, deduplicator.openWindows());
    }

    @Test
    void anExpiredWindowIsTalliedWhenTheSameKeyReopensIt() {
        deduplicator.admit(key, 1, OptionalLong.empty());
        deduplicator.admit(key, 1, OptionalLong.empty());
        clock.advance(Duration.ofSeconds(11));
        deduplicator.admit(key, 1, OptionalLong.empty());

        List<DuplicateTally> tallies = deduplicator.drainClosed();
        assertEquals(1, tallies.size());
        assertEquals(T0, tallies.get(0).windowStart());
        assertEquals(1, tallies.get(0).duplicates());
    }

    @Test
    void keysDifferByTenantAndByEveryKeyField() {
        assertNotEquals(key(1, "https://a.example/"), key(2, "https://a.example/"));
        assertNotEquals(key(1, "https://a.example/"), key(1, "https://b.example/"));
        assertEquals(key(1, "https://a.example/x?one"), key(1, "https://a.example/x?two"),
                "query strings are gone before keys are made");
        assertEquals(32, key.hex().length());
    }

    @Test
    void evictsTheOldestWindowBeyondTheCapAndStillTalliesIt() {
        Deduplicator small = new Deduplicator(clock, Duration.ofSeconds(10), 2);
        DedupeKey a = key(1, "https://a.example/");
        small.admit(a, 1, OptionalLong.empty());
        small.admit(a, 5, OptionalLong.empty());
        small.admit(key(1, "https://b.example/"), 1, OptionalLong.empty());
        small.admit(key(1, "https://c.example/"), 1, OptionalLong.empty());

        assertEquals(2, small.openWindows());
        List<DuplicateTally> tallies = small.drainClosed();
        assertEquals(1, tallies.size());
        assertEquals(a.hex(), tallies.get(0).dedupeKey());
        assertEquals(5, tallies.get(0).duplicates());
        assertTrue(small.admit(a, 1, OptionalLong.empty()).first(), "an evicted key opens a new window");
    }

    @Test
    void closeAllTalliesOpenWindows() {
        deduplicator.admit(key, 1, OptionalLong.empty());
        deduplicator.admit(key, 1, OptionalLong.empty());

        assertEquals(1, deduplicator.closeAll().get(0).duplicates());
        assertEquals(0, deduplicator.openWindows());
    }

    @Test
    void distinctClientsSaturate() {
        for (int client = 0; client < 40; client++) {
            deduplicator.admit(key, 1, OptionalLong.of(client));
        }
        deduplicator.admit(key, 1, OptionalLong.of(0));

        assertEquals(Deduplicator.MAX_TRACKED_CLIENTS, deduplicator.closeAll().get(0).distinctClients());
    }

    @Test
    void countsEveryReportExactlyOnceUnderConcurrency() throws Exception {
        int threads = 4;
        int perThread = 2_000;
        AtomicInteger firsts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        if (deduplicator.admit(key(1, "https://x.example/" + (i % 10)), 1, OptionalLong.empty()).first()) {
                            firsts.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long duplicates = deduplicator.closeAll().stream().mapToLong(DuplicateTally::duplicates).sum();

        assertEquals(10, firsts.get());
        assertEquals(threads * perThread - 10, duplicates);
    }

    @Test
    void validatesItsSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Deduplicator(clock, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new Deduplicator(clock, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> deduplicator.admit(key, 0, OptionalLong.empty()));
    }
}
