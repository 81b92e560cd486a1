package org.secheaders.domain.compliance.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Whether something was done within its service level: in time, late (up to twice the time), or very late. */
enum Sla {
    MET, LATE, VERY_LATE;

    /** Measures from {@code start} to {@code done}, or to {@code asOf} while not done yet. */
    static Sla measure(Instant start, Optional<Instant> done, Instant asOf, Duration allowed) {
        Duration elapsed = Duration.between(start, done.orElse(asOf));
        if (elapsed.compareTo(allowed) <= 0) {
            return MET;
        }
        return elapsed.compareTo(allowed.multipliedBy(2)) <= 0 ? LATE : VERY_LATE;
    }
}
