package org.secheaders.analytics.service;

import org.secheaders.domain.repo.GroupedValues;
import org.secheaders.domain.repo.ViolationGrouping;

/** How results name what a group of violations blocked. */
final class Blocked {

    /** Rows without a blocked URI (structured reports that gave none). */
    static final String NOTHING = "(none)";

    private Blocked() {
    }

    /** The blocked host, or the blocked value when it has no host ({@code inline}, {@code data:}). */
    static String of(GroupedValues key) {
        return key.get(ViolationGrouping.BLOCKED_RESOURCE).orElse(NOTHING);
    }
}
