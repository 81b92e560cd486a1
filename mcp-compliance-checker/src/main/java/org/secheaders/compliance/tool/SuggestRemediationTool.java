package org.secheaders.compliance.tool;

import java.util.Optional;
import java.util.Set;
import org.secheaders.compliance.service.RemediationRequest;
import org.secheaders.compliance.service.RemediationService;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.platform.auth.AccessDecision;
import org.secheaders.platform.auth.AccessMatrix;
import org.secheaders.platform.auth.AccessPolicy;
import org.secheaders.platform.auth.Operation;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolException;
import org.secheaders.platform.tool.ToolHints;

/**
 * {@code suggest_remediation}: concrete header values and policy rows for a tenant's failing and
 * warning controls, validated by the compliance and policy engines; optionally saved as an
 * inactive draft policy.
 */
public final class SuggestRemediationTool implements ComplianceTool {

    static final String SAVE_AS_DRAFT = "save_as_draft";

    private final RemediationService remediation;
    /** Saving a draft writes tenant policies: the platform's own matrix decides who may, beyond calling this tool. */
    private final AccessPolicy access = new AccessPolicy(AccessMatrix.standard());

    public SuggestRemediationTool(RemediationService remediation) {
        this.remediation = remediation;
    }

    @Override
    public String name() {
        return "suggest_remediation";
    }

    @Override
    public String title() {
        return "Suggest remediation";
    }

    @Override
    public String description() {
        return "For a tenant's failing and warning controls of the chosen frameworks (default all: owasp, soc2, gdpr, "
                + "iso27001, nist), proposes concrete header values, ordered by impact (controls fixed, severity-weighted "
                + "gain, Observatory score change). Each change is re-evaluated (it must lower no control, check or grade) "
                + "and expressed as tenant policy rows that the policy engine resolves on the tenant's stored policies: a "
                + "change the engine refuses, would serve differently, or that would weaken the configuration is listed "
                + "under rejected with the reasons. Changes the platform cannot configure (cookies, caching) are listed "
                + "as application changes; what needs people (redirects, CORS, process) under manual. With "
                + "save_as_draft: true, saves the combined rows as an inactive draft policy (needs write access to "
                + "tenant policies) with an audit entry; a tenant admin activates it.";
    }

    @Override
    public String inputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    %s                    "frameworks": {"type": "array", "items": {"type": "string", "enum": ["owasp", "soc2", "gdpr", "iso27001", "nist"]}, "uniqueItems": true, "description": "Frameworks whose failing and warning controls to remediate; default all."},
                    "save_as_draft": {"type": "boolean", "description": "Save the validated policy rows as an inactive draft policy of the tenant. Default false."},
                    %s%s
                  },
                  "additionalProperties": false
                }
                """.formatted(TenantArguments.schema(), AsvsArguments.schema(), TargetArguments.schema());
    }

    @Override
    public String outputSchema() {
        return RemediationSchema.RESULT;
    }

    /** Saving a draft adds rows each time (not idempotent); nothing is removed or replaced. */
    @Override
    public ToolHints hints() {
        return ToolHints.writingTool(false, false).reachingOutside();
    }

    @Override
    public Object call(ToolContext context, ToolArguments arguments) {
        long tenantId = context.requireTenant();
        Set<ComplianceFramework> frameworks = FrameworkArguments.parse(arguments);
        RemediationRequest request = new RemediationRequest(tenantId, frameworks, TargetArguments.parse(arguments),
                AsvsArguments.parse(arguments));
        Optional<Actor> saveAs = Optional.empty();
        if (arguments.booleanOr(SAVE_AS_DRAFT, false)) {
            if (access.authorize(context.identity(), ResourceCategory.TENANT_POLICIES, Operation.WRITE,
                    context.tenantId()) instanceof AccessDecision.Denied denied) {
                throw new ToolException("access denied: " + denied.reason() + ", so save_as_draft is not allowed");
            }
            saveAs = Optional.of(Callers.actor(context));
        }
        try {
            return remediation.suggest(context.scope(), request, saveAs);
        } catch (IllegalArgumentException e) {
            throw CheckFailures.toolError(e);
        }
    }
}
