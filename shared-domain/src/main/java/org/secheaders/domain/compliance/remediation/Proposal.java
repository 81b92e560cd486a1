package org.secheaders.domain.compliance.remediation;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a remedy offers for one target (a header, a cookie): candidates in order of preference.
 * The planner takes the first that survives validation; the later ones are repairs of the earlier
 * (e.g. the same script-src change plus the base-uri it makes necessary).
 *
 * @param addresses the atomic checks it is meant to fix, sorted
 */
record Proposal(String target, List<String> addresses, List<Candidate> candidates) {
    Proposal(String target, Collection<String> addresses, List<Candidate> candidates) {
        this(target, List.copyOf(addresses), candidates);
    }

    Proposal {
        Objects.requireNonNull(target, "target");
        addresses = addresses.stream().distinct().sorted().toList();
        candidates = List.copyOf(candidates);
    }
}
