package org.secheaders.enforcement.source;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.enforcement.TenantKey;

/**
 * Where tenant policies come from: a static configuration or the database. Change detection
 * follows the database's policy_version design: every policy write gives the tenant a new version
 * from one increasing sequence, so a reader keeps a single watermark and asks what changed above it.
 *
 * <p>Only the header service's poller thread calls a source, never a request thread, so
 * implementations may block. Failures are signalled by throwing; the caller keeps serving the
 * last good policies and asks again with the same watermark.
 */
public interface PolicySource {

    /**
     * The tenants whose policies changed after {@code watermark}, with their current versions, and
     * the watermark to pass next. Watermark 0 lists every tenant that has policies.
     */
    PolicyChanges changesSince(long watermark);

    /**
     * The stored policy rows of each requested tenant (at least all active ones; resolution decides
     * which apply now). A tenant without rows, or one the platform has suspended, maps to an empty list.
     */
    Map<TenantKey, List<TenantSecurityPolicy>> policies(Set<TenantKey> tenants);
}
