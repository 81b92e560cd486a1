package org.secheaders.enforcement.source;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.enforcement.TenantKey;

/**
 * Where tenant policies come from: a static configuration or the database. Only the header
 * service's poller thread calls it, never a request thread, so implementations may block.
 * Failures are signalled by throwing; the caller keeps serving the last good policies.
 */
public interface PolicySource {

    /**
     * The current policy version of every known tenant. A tenant's version changes whenever any
     * of its policy rows changes; a tenant missing from the map is unknown (gets the platform baseline).
     */
    Map<TenantKey, Long> versions();

    /**
     * All stored policy rows of each requested tenant, active or not; resolution decides which
     * apply. A tenant that disappeared since {@link #versions()} maps to an empty list.
     */
    Map<TenantKey, List<TenantSecurityPolicy>> policies(Set<TenantKey> tenants);
}
