package org.secheaders.compliance.resource;

import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.ResourceJson;
import org.secheaders.platform.tool.ResourceNotFoundException;
import org.secheaders.platform.tool.ToolContext;

/**
 * What the {@code secheaders://tenants/{tenant}/compliance...} resources share: a JSON body about the
 * tenant in the {@code tenant} variable, read with compliance access.
 */
interface TenantComplianceTemplate extends McpResourceTemplate {

    String TENANT = "tenant";

    @Override
    default String mimeType() {
        return ResourceJson.MIME_TYPE;
    }

    @Override
    default Optional<String> tenantVariable() {
        return Optional.of(TENANT);
    }

    @Override
    default ResourceCategory category() {
        return ResourceCategory.COMPLIANCE;
    }

    /** The tenant the platform resolved from the URI for this authorized read; not found if it went away. */
    static Tenant tenant(ToolContext context, Map<String, String> variables, TenantRepository tenants) {
        return context.tenantId().flatMap(id -> tenants.findById(context.scope(), id))
                .orElseThrow(() -> new ResourceNotFoundException("no tenant '" + variables.get(TENANT) + "'"));
    }
}
