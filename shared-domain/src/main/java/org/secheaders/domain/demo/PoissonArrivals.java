package org.secheaders.domain.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Random arrival moments with a rate that may change from minute to minute (a Poisson process). */
final class PoissonArrivals {
    private PoissonArrivals() {
    }

    /**
     * Arrivals in {@code [from, to)}, in time order.
     *
     * @param perMinute expected arrivals in the minute starting at the given instant
     */
    static List<Instant> between(Instant from, Instant to, ToDoubleFunction<Instant> perMinute,
                                 SplittableRandom random) {
        List<Instant> arrivals = new ArrayList<>();
        for (Instant minute = from; minute.isBefore(to); minute = minute.plus(Duration.ofMinutes(1))) {
            int count = Randoms.poisson(random, perMinute.applyAsDouble(minute));
            long millis = Math.min(60_000, Duration.between(minute, to).toMillis());
            List<Instant> inMinute = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                inMinute.add(minute.plusMillis(random.nextLong(millis)));
            }
            inMinute.sort(null);
            arrivals.addAll(inMinute);
        }
        return arrivals;
    }
}
