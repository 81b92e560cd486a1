package org.secheaders.domain.repo;

import java.time.Instant;

/** How many rows fall into the time bucket starting at {@code bucketStart} (UTC). */
public record BucketCount(Instant bucketStart, long count) {
}
