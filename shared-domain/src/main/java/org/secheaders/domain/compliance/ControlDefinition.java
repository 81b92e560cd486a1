package org.secheaders.domain.compliance;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.SecuritySeverity;

/**
 * One control of the catalogue: what it requires, which atomic checks answer it and how.
 *
 * @param id          unique across frameworks, e.g. {@code ASVS-3.4.1}, {@code SOC2-CC6.1}
 * @param severity    how much a failure of this control matters (drives the roll-up and the score weights)
 * @param asvs        for OWASP ASVS controls: the requirement in each edition that has it
 * @param citation    the primary references, e.g. {@code OWASP ASVS 5.0 V3.4.1; ASVS 4.0.3 V14.4.5}
 * @param rationale   why header evidence supports this control (for non-OWASP frameworks: our interpretation)
 * @param remediation what to change, in one or two sentences
 */
public record ControlDefinition(
        ComplianceFramework framework,
        String id,
        String name,
        SecuritySeverity severity,
        ControlRule rule,
        List<CheckRef> checks,
        Map<AsvsVersion, AsvsRequirement> asvs,
        ControlTags tags,
        String citation,
        String rationale,
        String remediation) {

    public ControlDefinition {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException(id + " references no atomic check");
        }
        asvs = Map.copyOf(asvs);
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(remediation, "remediation");
    }

    /**
     * Why the control does not apply under these options, if it does not: an ASVS control that the
     * chosen edition lacks, or whose level is above the target.
     */
    public Optional<String> outOfScope(EvaluationOptions options) {
        if (asvs.isEmpty()) {
            return Optional.empty();
        }
        AsvsRequirement requirement = asvs.get(options.asvsVersion());
        if (requirement == null) {
            return Optional.of("ASVS " + options.asvsVersion().label() + " has no counterpart of this requirement");
        }
        if (requirement.level() > options.asvsLevel()) {
            return Optional.of("ASVS " + options.asvsVersion().label() + " V" + requirement.id() + " is level "
                    + requirement.level() + ", above the target level " + options.asvsLevel());
        }
        return Optional.empty();
    }

    /** The requirement as the tenant's ASVS edition numbers it, e.g. {@code ASVS 4.0.3 V14.4.5 (L1)}; else the control id. */
    public String requirement(EvaluationOptions options) {
        return Optional.ofNullable(asvs.get(options.asvsVersion()))
                .map(r -> "ASVS " + options.asvsVersion().label() + " V" + r.id() + " (L" + r.level() + ")")
                .orElse(id);
    }
}
