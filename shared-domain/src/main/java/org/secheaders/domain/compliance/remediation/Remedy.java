package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Set;

/**
 * Knows how to fix some atomic checks with header changes. Stateless; proposes, never decides:
 * the planner validates every candidate by applying it and evaluating again.
 */
interface Remedy {

    /** The atomic checks this remedy can fix. */
    Set<String> addresses();

    /** Proposals for what fails among {@link #addresses()}; empty when nothing to do or no header change helps. */
    List<Proposal> propose(RemedyInput input);
}
