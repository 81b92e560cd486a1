package org.secheaders.domain.model;

import java.time.Instant;

/**
 * A tenant's policy version: it changes in the same transaction as every policy write. Versions
 * come from one platform-wide sequence, so they grow per tenant and a poller needs only one
 * watermark: everything with a version above it changed since the last poll.
 */
public record PolicyVersion(long tenantId, long version, Instant updatedAt) {
}
