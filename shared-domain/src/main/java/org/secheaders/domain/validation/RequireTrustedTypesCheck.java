package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspPolicy;

/** No {@code require-trusted-types-for 'script'}: DOM XSS sinks such as innerHTML accept plain strings. */
final class RequireTrustedTypesCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        boolean required = SourceValues.serialized(policy.sources("require-trusted-types-for")).stream()
                .anyMatch(v -> v.equalsIgnoreCase("'script'"));
        if (required) {
            return List.of();
        }
        return List.of(CspFinding.onDirective(FindingType.REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS, FindingSeverity.INFO,
                "require-trusted-types-for",
                "Trusted Types are not required, so DOM XSS sinks such as innerHTML accept any string.",
                "Add require-trusted-types-for 'script' (try it in a report-only policy first)."));
    }
}
