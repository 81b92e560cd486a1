package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiPredicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.secheaders.domain.repo.GroupSeen;
import org.secheaders.domain.repo.GroupedBucketCount;
import org.secheaders.domain.repo.GroupedValues;
import org.secheaders.domain.repo.ViolationGrouping;

/**
 * The sliced load ({@link ReadPlan}, {@link AnomalyService.Loaded#of}) finds exactly what the full load
 * ({@link FullHistoryLoad}) finds, on random synthetic worlds of up to 17 days of per-minute counts:
 * daily and weekly cycles, weekly peaks, spikes and silences, sparse series, tenants whose data starts
 * inside the history and groups first seen on any day. The queries are answered from the world as the
 * database would answer them; the repository's SQL is covered by {@link SlicedLoadDatabaseTest}.
 */
class SlicedLoadProperties {
    private static final Instant BEGIN = Instant.parse("2026-01-05T00:00:00Z");
    private static final int DAY = 1440;
    private static final int MINUTES = 17 * DAY;
    private static final Instant END = minute(MINUTES);
    private static final String[] DIRECTIVES = {"script-src-elem", "img-src", "style-src"};
    private static final String[] BLOCKED = {"cdn.example", "img.example", "inline", "evil.example"};

    @Property(tries = 120)
    void detectFindsTheSameAsTheFullLoad(@ForAll long seed) {
        Random random = new Random(seed);
        World world = World.random(random);
        Duration window = Duration.ofMinutes(random.nextBoolean() ? 60 : 5 + random.nextInt(1406));
        Duration history = Duration.ofHours(24 + random.nextInt(14 * 24 - 24 + 1));
        int aim = random.nextInt(3);
        Instant peak = world.peaks.isEmpty() ? null : world.peaks.get(random.nextInt(world.peaks.size()));
        Instant first = world.firsts.get(random.nextInt(world.firsts.size()));
        Instant end = aim == 0 && peak != null
                // Just after a weekly peak, where the weekly band decides...
                ? peak.plus(Duration.ofMinutes(20 + random.nextInt(60)))
                // ...or after a group's first reports.
                : aim == 1 ? first.plus(Duration.ofMinutes(1 + random.nextInt(60)))
                : minute(DAY + random.nextInt(MINUTES - DAY + 1));
        end = end.isAfter(END) ? END : end;
        boolean weeklyPeak = aim == 0 && peak != null && !peak.isBefore(minute(7 * DAY));
        TimeRange evaluated = TimeRange.ending(end, window);

        Comparison compared = compare(world, evaluated.start().minus(history), List.of(evaluated));

        Statistics.label("rate anomalies").collect(compared.rateAnomalies > 0);
        Statistics.label("first sightings").collect(compared.firstSightings > 0);
        Statistics.label("judged at a weekly peak with a week before it").collect(weeklyPeak);
        Statistics.label("rate anomalies").coverage(check -> check.check(true).percentage(p -> p >= 8));
        Statistics.label("first sightings").coverage(check -> check.check(true).percentage(p -> p >= 8));
        Statistics.label("judged at a weekly peak with a week before it").coverage(check -> check.check(true)
                .percentage(p -> p >= 4));
    }

    @Property(tries = 25)
    void scanFindsTheSameAsTheFullLoad(@ForAll long seed) {
        Random random = new Random(seed);
        World world = World.random(random);
        int length = 60 + random.nextInt(14 * DAY - 60 + 1);
        int start = DAY + random.nextInt(MINUTES - DAY - length + 1);
        TimeRange period = new TimeRange(minute(start), minute(start + length));
        Duration history = random.nextBoolean() ? AnomalyService.DEFAULT_HISTORY
                : Duration.ofHours(24 + random.nextInt(14 * 24 - 24 + 1));

        Comparison compared = compare(world, period.start().minus(history), period.split(AnomalyService.SCAN_STEP));

        Statistics.label("rate anomalies").collect(compared.rateAnomalies > 0);
        Statistics.label("rate anomalies").coverage(check -> check.check(true).percentage(p -> p >= 40));
    }

    private record Comparison(int rateAnomalies, int firstSightings) {
    }

    private static Comparison compare(World world, Instant historyStart, List<TimeRange> windows) {
        Instant end = windows.get(windows.size() - 1).end();
        ReadPlan plan = ReadPlan.of(historyStart, windows, AnomalyService::config);
        List<GroupedBucketCount> sliced = new ArrayList<>();
        plan.slices().forEach(slice -> sliced.addAll(world.rows(slice.start(), slice.end())));
        AnomalyService.Loaded loaded = AnomalyService.Loaded.of(Map.of(), plan, world.seenBefore(plan.recentStart()),
                sliced);
        AnomalyService.Loaded full = FullHistoryLoad.of(Map.of(), historyStart, end, world.rows(historyStart, end),
                world.seenBefore(historyStart).stream().map(GroupSeen::key).toList());

        assertEquals(full.historyStart(), loaded.historyStart());
        assertEquals(full.tenantCount(), loaded.tenantCount(), "tenants with data in the history");
        assertEquals(full.seriesCount(), loaded.seriesCount(), "series with data in the history");
        int rates = 0;
        int sightings = 0;
        for (TimeRange window : windows) {
            AnomalyService.Findings expected = full.judge(window);
            assertEquals(expected, loaded.judge(window), () -> "window " + window + ", history from " + historyStart
                    + ", slices " + plan.slices());
            rates += expected.anomalies().size();
            sightings += expected.firstSightings().size();
        }
        return new Comparison(rates, sightings);
    }

    private static Instant minute(int index) {
        return BEGIN.plus(Duration.ofMinutes(index));
    }

    /** Per-minute counts of each (tenant, directive, blocked) group from {@link #BEGIN}. */
    private record World(List<GroupedValues> keys, List<long[]> counts, List<Instant> peaks, List<Instant> firsts) {

        static World random(Random random) {
            List<GroupedValues> keys = new ArrayList<>();
            List<long[]> counts = new ArrayList<>();
            List<Instant> peaks = new ArrayList<>();
            List<Instant> firsts = new ArrayList<>();
            int tenants = 1 + random.nextInt(3);
            for (int tenant = 1; tenant <= tenants; tenant++) {
                // Half the tenants start somewhere in the data, possibly inside the history or the window.
                int tenantStart = random.nextBoolean() ? 0 : random.nextInt(MINUTES);
                int groups = 1 + random.nextInt(4);
                for (int g = 0; g < groups; g++) {
                    GroupedValues key = new GroupedValues(Map.of(ViolationGrouping.TENANT, Long.toString(tenant),
                            ViolationGrouping.DIRECTIVE, DIRECTIVES[g % DIRECTIVES.length],
                            ViolationGrouping.BLOCKED_RESOURCE, BLOCKED[random.nextInt(BLOCKED.length)]));
                    if (keys.contains(key)) {
                        continue;
                    }
                    // Some groups are first seen later, on any day (the gap days between the slices included).
                    int start = Math.max(tenantStart, random.nextInt(3) == 0 ? random.nextInt(MINUTES) : 0);
                    keys.add(key);
                    counts.add(shape(random, start, peaks));
                    firsts.add(minute(start));
                }
            }
            return new World(keys, counts, peaks, firsts);
        }

        private static long[] shape(Random random, int start, List<Instant> peaks) {
            long[] counts = new long[MINUTES];
            int kind = random.nextInt(4);
            double level = 5 + random.nextInt(40);
            double daily = random.nextDouble() * 0.8;
            double weekend = 0.3 + random.nextDouble() * 0.7;
            double sparse = 0.001 + random.nextDouble() * 0.05;
            int peakDay = random.nextInt(7);
            int peakMinute = random.nextInt(DAY - 60);
            for (int m = start; m < MINUTES; m++) {
                int day = m / DAY;
                int minuteOfDay = m % DAY;
                counts[m] = switch (kind) {
                    // Sparse: a report now and then, the Poisson path.
                    case 0 -> random.nextDouble() < sparse ? 1 + random.nextInt(2) : 0;
                    // Busy with a daily cycle and quieter weekends, the MAD path with seasonal bands.
                    case 1 -> Math.max(0, Math.round(level * (1 + daily * Math.sin(2 * Math.PI * minuteOfDay / DAY))
                            * (day % 7 >= 5 ? weekend : 1) + random.nextGaussian() * Math.sqrt(level)));
                    // Moderate with a 40-minute peak at the same time one day a week.
                    case 2 -> {
                        boolean peak = day % 7 == peakDay && minuteOfDay >= peakMinute && minuteOfDay < peakMinute + 40;
                        yield Math.max(0, Math.round((peak ? 12 * level : level) + random.nextGaussian() * 2));
                    }
                    // Flat busy series.
                    default -> Math.max(0, Math.round(level + random.nextGaussian() * 3));
                };
            }
            if (kind == 2) {
                for (int week = 0; week * 7 * DAY < MINUTES; week++) {
                    peaks.add(minute(week * 7 * DAY + peakDay * DAY + peakMinute));
                }
            }
            for (int spikes = random.nextInt(4); spikes > 0; spikes--) {
                int at = start + random.nextInt(Math.max(1, MINUTES - start));
                int size = 20 + random.nextInt(200);
                for (int m = at; m < Math.min(MINUTES, at + 3 + random.nextInt(20)); m++) {
                    counts[m] += size;
                }
            }
            if (random.nextInt(5) == 0) {
                int at = start + random.nextInt(Math.max(1, MINUTES - start));
                for (int m = at; m < Math.min(MINUTES, at + 10 + random.nextInt(60)); m++) {
                    counts[m] = 0;
                }
            }
            return counts;
        }

        /** As {@code countByBucket} over {@code [from, to)} by minute and group answers. */
        List<GroupedBucketCount> rows(Instant from, Instant to) {
            List<GroupedBucketCount> rows = new ArrayList<>();
            forEachMinute(from, to, (group, m) -> {
                rows.add(new GroupedBucketCount(keys.get(group), minute(m), counts.get(group)[m]));
                return true;
            });
            return rows;
        }

        /**
         * As {@code groupsSeen} before {@code end} answers; receipt times inside a minute are later than
         * its start (first at :59, last at :01), as the database's are.
         */
        List<GroupSeen> seenBefore(Instant end) {
            List<GroupSeen> seen = new ArrayList<>();
            for (int group = 0; group < keys.size(); group++) {
                int first = -1;
                int last = -1;
                for (int m = 0; m < MINUTES && minute(m).isBefore(end); m++) {
                    if (counts.get(group)[m] > 0) {
                        first = first < 0 ? m : first;
                        last = m;
                    }
                }
                if (first >= 0) {
                    seen.add(new GroupSeen(keys.get(group), minute(first).plusSeconds(59), minute(last).plusSeconds(1)));
                }
            }
            return seen;
        }

        private void forEachMinute(Instant from, Instant to, BiPredicate<Integer, Integer> action) {
            int low = (int) Math.max(0, Duration.between(BEGIN, from).toMinutes());
            int high = (int) Math.min(MINUTES, Duration.between(BEGIN, to).toMinutes());
            for (int group = 0; group < keys.size(); group++) {
                for (int m = low; m < high; m++) {
                    if (counts.get(group)[m] > 0) {
                        action.test(group, m);
                    }
                }
            }
        }
    }
}
