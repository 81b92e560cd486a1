package org.secheaders.compliance.tool;

import java.util.Set;
import org.secheaders.compliance.service.CheckReport;
import org.secheaders.domain.compliance.run.CheckRequest;
import org.secheaders.domain.compliance.run.CheckRun;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.compliance.run.OptionOverrides;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolHints;

/**
 * What the three framework check tools share: a tenant and a target in, one recorded check run of
 * one framework out (stored rows, schedule, audit entry), as a {@link CheckReport}.
 */
abstract class FrameworkCheckTool implements ComplianceTool {

    private final ComplianceCheckService checks;
    private final ComplianceFramework framework;

    FrameworkCheckTool(ComplianceCheckService checks, ComplianceFramework framework) {
        this.checks = checks;
        this.framework = framework;
    }

    /** Extra input properties (JSON members, each followed by a comma), none by default. */
    String extraProperties() {
        return "";
    }

    /** This tool's evaluation options from its extra arguments; the tenant's own by default. */
    OptionOverrides overrides(ToolArguments arguments) {
        return OptionOverrides.none();
    }

    /** Whether the result carries the Observatory grade and the disagreements. */
    boolean withGrades() {
        return false;
    }

    @Override
    public String inputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    %s%s%s
                  },
                  "additionalProperties": false
                }
                """.formatted(TenantArguments.schema(), extraProperties(), TargetArguments.schema());
    }

    @Override
    public String outputSchema() {
        return OutputSchemas.CHECK_REPORT;
    }

    /** Writes rows and an audit entry, replacing the previous results of the same controls: idempotent, not destructive. */
    @Override
    public ToolHints hints() {
        return ToolHints.writingTool(false, true).reachingOutside();
    }

    @Override
    public Object call(ToolContext context, ToolArguments arguments) {
        long tenantId = context.requireTenant();
        CheckRequest request = new CheckRequest(tenantId, Set.of(framework), TargetArguments.parse(arguments),
                Callers.actor(context), overrides(arguments));
        CheckRun run;
        try {
            run = checks.check(context.scope(), request);
        } catch (IllegalArgumentException e) {
            // The tenant's stored settings are malformed, it went away meanwhile, or the URL is refused: the caller can act on that.
            throw CheckFailures.toolError(e);
        }
        return CheckReport.of(run, framework, withGrades());
    }
}
