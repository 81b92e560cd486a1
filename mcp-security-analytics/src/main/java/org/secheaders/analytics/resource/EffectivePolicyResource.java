package org.secheaders.analytics.resource;

import java.util.Map;
import java.util.Optional;
import org.secheaders.analytics.service.EffectivePolicyService;
import org.secheaders.analytics.service.TenantCatalog;
import org.secheaders.domain.model.Tenant;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.ResourceNotFoundException;
import org.secheaders.platform.tool.ResourceJson;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://tenants/{tenant}/effective-policy}: the headers a tenant's responses get now, and why. */
public final class EffectivePolicyResource implements McpResourceTemplate {

    private final EffectivePolicyService policies;
    private final TenantCatalog tenants;

    public EffectivePolicyResource(EffectivePolicyService policies, TenantCatalog tenants) {
        this.policies = policies;
        this.tenants = tenants;
    }

    @Override
    public String uriTemplate() {
        return "secheaders://tenants/{tenant}/effective-policy";
    }

    @Override
    public String name() {
        return "effective-policy";
    }

    @Override
    public String title() {
        return "A tenant's effective security headers";
    }

    @Override
    public String description() {
        return "The platform baseline resolved with the tenant's policy rows: the headers served now (CSP without the "
                + "per-response nonce), the policy version, each row and whether it applies, and every resolution "
                + "decision (applied, tightened, refused, conflicts).";
    }

    @Override
    public String mimeType() {
        return ResourceJson.MIME_TYPE;
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.TENANT_POLICIES;
    }

    @Override
    public Optional<String> tenantVariable() {
        return Optional.of("tenant");
    }

    @Override
    public ResourceText read(ToolContext context, Map<String, String> variables) {
        Tenant tenant = context.tenantId().flatMap(id -> tenants.find(context.scope(), id))
                .orElseThrow(() -> new ResourceNotFoundException("no tenant '" + variables.get("tenant") + "'"));
        return new ResourceText(ResourceJson.write(policies.resolve(context.scope(), tenant)), ResourceJson.MIME_TYPE);
    }
}
