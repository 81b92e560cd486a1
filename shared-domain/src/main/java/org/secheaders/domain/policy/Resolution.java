package org.secheaders.domain.policy;

import java.util.Optional;

/**
 * One decision taken while resolving a tenant's policy rows, for the tenant's audit trail and the
 * policy tools.
 *
 * @param policyId  the tenant policy row the decision is about
 * @param kind      what was decided
 * @param header    the header concerned; empty for decisions about the whole row
 * @param directive the CSP directive, Permissions-Policy feature or reporting group concerned, if any
 * @param message   a sentence naming the values involved
 */
public record Resolution(long policyId, Kind kind, Optional<String> header, Optional<String> directive, String message) {

    public enum Kind {
        /** The setting took effect. */
        APPLIED,
        /** A setting on a locked directive or header took effect because it is at least as strict as the platform's. */
        TIGHTENED,
        /** The setting would weaken a locked directive or header and the row holds no grant for it. */
        REFUSED_WEAKENING,
        /** The mode does not allow the setting (an override without permission, an append that would replace). */
        REFUSED_NOT_PERMITTED,
        /** The value is not valid (unknown directive or header, bad token or value); it is never emitted. */
        REFUSED_INVALID,
        /** A later row replaced what an earlier row set; the later row wins. */
        CONFLICT_RESOLVED,
        /** The row is active but now is outside its effective window. */
        IGNORED_OUTSIDE_WINDOW,
        /** The row is inactive or a draft. */
        IGNORED_INACTIVE,
        /** The row's inheritance mode or type does not use this part of it. */
        IGNORED_NOT_APPLICABLE
    }
}
