package org.secheaders.domain.demo;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's policy row after the seeder replayed its history: the row id and the tenant's policy
 * version from each revision on (what header metrics are tagged with).
 */
record ReplayedPolicy(long policyId, List<Instant> revisionTimes, List<Long> versions) {
    ReplayedPolicy {
        revisionTimes = List.copyOf(revisionTimes);
        versions = List.copyOf(versions);
        if (revisionTimes.size() != versions.size()) {
            throw new IllegalArgumentException("one version per revision");
        }
    }

    /** The policy version in force at {@code moment}. */
    long versionAt(Instant moment) {
        int index = 0;
        while (index + 1 < revisionTimes.size() && !revisionTimes.get(index + 1).isAfter(moment)) {
            index++;
        }
        return versions.get(index);
    }
}
