package org.secheaders.analytics.tool;

/** The tenant arguments every tool declares; the platform resolves and authorizes them before a handler runs. */
final class TenantArguments {

    private TenantArguments() {
    }

    /** The schema properties {@code tenant} (slug) and {@code tenant_id}. */
    static String schema(String purpose) {
        return """
                "tenant": {"type": "string", "pattern": "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", "description": "Slug of the tenant %1$s. Callers bound to a tenant must name their own."},
                "tenant_id": {"type": "integer", "minimum": 1, "description": "The tenant's numeric id, instead of tenant."}"""
                .formatted(purpose);
    }
}
