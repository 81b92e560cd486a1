package org.secheaders.domain.validation;

import java.util.Optional;

/**
 * One weakness or mistake in a policy.
 *
 * @param directive the directive it is about (for a missing directive: the one to add)
 * @param value     the offending source or token, when the finding is about one
 * @param message   what is wrong, for a human
 * @param fix       what to change
 */
public record CspFinding(
        FindingType type,
        FindingSeverity severity,
        String directive,
        Optional<String> value,
        String message,
        String fix) {

    static CspFinding onDirective(
            FindingType type, FindingSeverity severity, String directive, String message, String fix) {
        return new CspFinding(type, severity, directive, Optional.empty(), message, fix);
    }

    static CspFinding onValue(
            FindingType type, FindingSeverity severity, String directive, String value, String message, String fix) {
        return new CspFinding(type, severity, directive, Optional.of(value), message, fix);
    }
}
