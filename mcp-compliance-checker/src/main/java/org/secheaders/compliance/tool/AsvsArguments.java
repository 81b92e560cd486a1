package org.secheaders.compliance.tool;

import java.util.Optional;
import java.util.OptionalInt;
import org.secheaders.domain.compliance.AsvsVersion;
import org.secheaders.domain.compliance.run.OptionOverrides;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolInputException;

/** {@code asvs_version} and {@code asvs_level}: the OWASP options a call may set instead of the tenant's. */
final class AsvsArguments {

    static final String VERSION = "asvs_version";
    static final String LEVEL = "asvs_level";

    private AsvsArguments() {
    }

    /** The two schema properties, each followed by a comma. */
    static String schema() {
        return """
                "asvs_version": {"type": "string", "enum": ["4.0.3", "5.0"], "description": "ASVS edition; default the tenant's setting, else 5.0."},
                    "asvs_level": {"type": "integer", "minimum": 1, "maximum": 3, "description": "ASVS level; controls above it are not_applicable. Default the tenant's setting, else 2."},
                    """;
    }

    static OptionOverrides parse(ToolArguments arguments) {
        Optional<AsvsVersion> version = arguments.optionalString(VERSION).map(label -> {
            try {
                return AsvsVersion.fromLabel(label);
            } catch (IllegalArgumentException e) {
                throw new ToolInputException(VERSION, "must be 4.0.3 or 5.0, got '" + label + "'");
            }
        });
        Optional<Long> level = arguments.optionalLong(LEVEL);
        if (level.isPresent() && (level.get() < 1 || level.get() > 3)) {
            throw new ToolInputException(LEVEL, "must be 1, 2 or 3, got " + level.get());
        }
        return OptionOverrides.asvs(version, level.map(l -> OptionalInt.of(l.intValue())).orElse(OptionalInt.empty()));
    }
}
