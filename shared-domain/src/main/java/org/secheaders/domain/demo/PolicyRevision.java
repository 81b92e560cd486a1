package org.secheaders.domain.demo;

import java.time.Instant;
import org.secheaders.domain.model.Actor;

/** One saved state of a tenant's policy row: from {@code at} on, pages carry {@code policy}. */
record PolicyRevision(Instant at, String policyName, SitePolicy policy, Actor actor) {
}
