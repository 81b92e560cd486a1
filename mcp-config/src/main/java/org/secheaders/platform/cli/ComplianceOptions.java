package org.secheaders.platform.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.secheaders.domain.model.ComplianceFramework;
import picocli.CommandLine.Option;

/** {@code --tenant} and {@code --framework}, shared by the compliance commands. */
final class ComplianceOptions {

    @Option(names = "--tenant", paramLabel = "SLUG", description = "only this tenant (default: every active tenant)")
    Optional<String> tenant;

    @Option(names = "--framework", paramLabel = "FRAMEWORK", split = ",",
            description = "only these frameworks: owasp, soc2, gdpr, iso27001, nist (repeatable or comma-separated; default: all)")
    List<ComplianceFramework> frameworks = List.of();

    Set<ComplianceFramework> frameworkSet() {
        return frameworks.isEmpty() ? EnumSet.allOf(ComplianceFramework.class) : EnumSet.copyOf(frameworks);
    }
}
