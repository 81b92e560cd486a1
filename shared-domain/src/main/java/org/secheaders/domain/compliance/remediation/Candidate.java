package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Objects;

/** One way to fix something: patches applied together, and why they are proposed. */
record Candidate(List<HeaderPatch> patches, String rationale) {
    Candidate {
        patches = List.copyOf(patches);
        Objects.requireNonNull(rationale, "rationale");
        if (patches.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one patch");
        }
    }

    static Candidate of(HeaderPatch patch, String rationale) {
        return new Candidate(List.of(patch), rationale);
    }
}
