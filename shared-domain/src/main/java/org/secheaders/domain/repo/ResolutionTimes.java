package org.secheaders.domain.repo;

import java.time.Duration;
import java.util.Optional;

/**
 * Time from receipt to resolution of resolved violations, by nearest rank (the value at rank
 * ⌈p·n⌉ of the sorted durations); the percentiles are absent when nothing was resolved.
 */
public record ResolutionTimes(long resolved, Optional<Duration> median, Optional<Duration> p90) {

    private static final ResolutionTimes NONE = new ResolutionTimes(0, Optional.empty(), Optional.empty());

    public static ResolutionTimes none() {
        return NONE;
    }
}
