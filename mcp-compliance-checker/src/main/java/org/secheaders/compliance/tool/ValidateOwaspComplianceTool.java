package org.secheaders.compliance.tool;

import java.util.Optional;
import java.util.OptionalInt;
import org.secheaders.domain.compliance.AsvsVersion;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.compliance.run.OptionOverrides;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolInputException;

/** {@code validate_owasp_compliance}: OWASP ASVS (4.0.3 or 5.0, level 1–3), Top 10 and OSHP, with the Observatory grade. */
public final class ValidateOwaspComplianceTool extends FrameworkCheckTool {

    static final String ASVS_VERSION = "asvs_version";
    static final String ASVS_LEVEL = "asvs_level";

    public ValidateOwaspComplianceTool(ComplianceCheckService checks) {
        super(checks, ComplianceFramework.OWASP);
    }

    @Override
    public String name() {
        return "validate_owasp_compliance";
    }

    @Override
    public String title() {
        return "Validate OWASP compliance";
    }

    @Override
    public String description() {
        return "Checks a tenant's security headers against OWASP ASVS (edition 4.0.3 or 5.0 at level 1-3, default the "
                + "tenant's setting, else 5.0 level 2), tagged with OWASP Top 10 2021/2025 and CWE, plus the OWASP Secure "
                + "Headers Project. Judges the tenant's configured headers, or a live URL (url), or pasted headers "
                + "(headers). Returns per-control results with evidence (header lines, cookie values redacted; rule; "
                + "citation), status, score, counts, top failures with fixes, drift for a URL, the MDN Observatory grade, "
                + "score and per-test results, and where the Observatory and the CSP validator disagree. Stores the "
                + "results as the tenant's latest (secheaders://tenants/{tenant}/compliance) and schedules the next check.";
    }

    @Override
    String extraProperties() {
        return """
                "asvs_version": {"type": "string", "enum": ["4.0.3", "5.0"], "description": "ASVS edition; default the tenant's setting, else 5.0."},
                    "asvs_level": {"type": "integer", "minimum": 1, "maximum": 3, "description": "ASVS level; controls above it are not_applicable. Default the tenant's setting, else 2."},
                    """;
    }

    @Override
    OptionOverrides overrides(ToolArguments arguments) {
        Optional<AsvsVersion> version = arguments.optionalString(ASVS_VERSION).map(label -> {
            try {
                return AsvsVersion.fromLabel(label);
            } catch (IllegalArgumentException e) {
                throw new ToolInputException(ASVS_VERSION, "must be 4.0.3 or 5.0, got '" + label + "'");
            }
        });
        Optional<Long> level = arguments.optionalLong(ASVS_LEVEL);
        if (level.isPresent() && (level.get() < 1 || level.get() > 3)) {
            throw new ToolInputException(ASVS_LEVEL, "must be 1, 2 or 3, got " + level.get());
        }
        return OptionOverrides.asvs(version, level.map(l -> OptionalInt.of(l.intValue())).orElse(OptionalInt.empty()));
    }

    @Override
    boolean withGrades() {
        return true;
    }
}
