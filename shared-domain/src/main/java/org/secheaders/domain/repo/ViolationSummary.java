package org.secheaders.domain.repo;

import java.time.Instant;

/**
 * One group of violations: how many, when first and last received, and its lowest and highest id
 * (the oldest and newest rows, to show as samples).
 */
public record ViolationSummary(
        GroupedValues key, long count, Instant firstSeen, Instant lastSeen, long lowestId, long highestId) {
}
