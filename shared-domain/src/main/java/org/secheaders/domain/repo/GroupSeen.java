package org.secheaders.domain.repo;

import java.time.Instant;

/** One group of violations and when it was first and last received. */
public record GroupSeen(GroupedValues key, Instant firstSeen, Instant lastSeen) {
}
