package org.secheaders.compliance.tool;

/** The tenant arguments every compliance tool declares; the platform resolves and authorizes them before a handler runs. */
final class TenantArguments {

    private TenantArguments() {
    }

    /** The schema properties {@code tenant} (slug) and {@code tenant_id}, followed by a comma; one of them is required. */
    static String schema() {
        return """
                "tenant": {"type": "string", "pattern": "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", "description": "Slug of the tenant (or tenant_id; one is required). Callers bound to a tenant must name their own."},
                    "tenant_id": {"type": "integer", "minimum": 1, "description": "The tenant's numeric id, instead of tenant."},
                    """;
    }
}
