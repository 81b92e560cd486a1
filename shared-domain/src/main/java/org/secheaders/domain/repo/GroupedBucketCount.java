package org.secheaders.domain.repo;

import java.time.Instant;

/** How many of one group's violations fall into the time bucket starting at {@code bucketStart} (UTC). */
public record GroupedBucketCount(GroupedValues key, Instant bucketStart, long count) {
}
