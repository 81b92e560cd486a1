package org.secheaders.domain.compliance;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.secheaders.domain.model.SecuritySeverity;

/**
 * The tenant's promised operating rhythm, against which the history checks measure it.
 *
 * @param scanCadence       longest allowed gap between scans
 * @param triage            time to acknowledge a new failed finding
 * @param remediation       time to fix a failed finding, by severity
 * @param verifyChangeWithin time within which a configuration change must be followed by a scan
 */
public record ServiceLevels(Duration scanCadence, Duration triage, Map<SecuritySeverity, Duration> remediation,
                            Duration verifyChangeWithin) {

    public ServiceLevels {
        requirePositive(scanCadence, "scanCadence");
        requirePositive(triage, "triage");
        requirePositive(verifyChangeWithin, "verifyChangeWithin");
        EnumMap<SecuritySeverity, Duration> copy = new EnumMap<>(SecuritySeverity.class);
        for (SecuritySeverity severity : SecuritySeverity.values()) {
            Duration sla = remediation.get(severity);
            if (sla == null) {
                throw new IllegalArgumentException("remediation has no time for severity " + severity.wireName());
            }
            copy.put(severity, requirePositive(sla, "remediation." + severity.wireName()));
        }
        remediation = Map.copyOf(copy);
    }

    /** Weekly scans, two days to triage, 7/30/90/180 days to fix critical/high/medium/low, a scan within a day of a change. */
    public static ServiceLevels defaults() {
        return new ServiceLevels(Duration.ofDays(7), Duration.ofDays(2),
                Map.of(SecuritySeverity.CRITICAL, Duration.ofDays(7), SecuritySeverity.HIGH, Duration.ofDays(30),
                        SecuritySeverity.MEDIUM, Duration.ofDays(90), SecuritySeverity.LOW, Duration.ofDays(180)),
                Duration.ofDays(1));
    }

    public Duration remediationFor(SecuritySeverity severity) {
        return remediation.get(severity);
    }

    private static Duration requirePositive(Duration duration, String field) {
        Objects.requireNonNull(duration, field);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + duration);
        }
        return duration;
    }
}
