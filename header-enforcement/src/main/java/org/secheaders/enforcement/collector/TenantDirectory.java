package org.secheaders.enforcement.collector;

import java.util.Optional;
import org.secheaders.domain.report.ReportTenant;

/**
 * Turns the tenant named by a request into the pipeline's view of it (id, noise rules, classification
 * context). {@link DatabaseTenantDirectory} reads the tenants table; a server with richer tenant
 * knowledge (policy hosts, threat lists) supplies its own.
 */
public interface TenantDirectory {

    /** The tenant that may send reports under {@code slug}: empty if unknown or not active (answer 404). */
    Optional<ReportTenant> bySlug(String slug);

    /** The tenant of an accepted report, whatever its status now; empty only if it no longer exists. */
    Optional<ReportTenant> byId(long tenantId);
}
