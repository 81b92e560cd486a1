package org.secheaders.domain.compliance.run;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.secheaders.domain.model.ComplianceFramework;

/** How often each framework is re-checked: a run sets {@code next_check_at = checked_at + period}. */
public record CheckCadence(Map<ComplianceFramework, Duration> periods) {

    /** Daily for every framework: SOC 2 CC7.1 expects detection within days, and a check of configured headers is cheap. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(1);
    /** Shorter periods would let the scheduler hammer a tenant's site with scans. */
    public static final Duration MIN_PERIOD = Duration.ofHours(1);

    public CheckCadence {
        EnumMap<ComplianceFramework, Duration> copy = new EnumMap<>(ComplianceFramework.class);
        for (ComplianceFramework framework : ComplianceFramework.values()) {
            Duration period = periods.get(framework);
            if (period == null) {
                throw new IllegalArgumentException("no check period for framework " + framework.wireName());
            }
            if (period.compareTo(MIN_PERIOD) < 0) {
                throw new IllegalArgumentException("check period of " + framework.wireName()
                        + " must be at least " + MIN_PERIOD.toHours() + " hour, was " + period);
            }
            copy.put(framework, period);
        }
        periods = Map.copyOf(copy);
    }

    public static CheckCadence daily() {
        EnumMap<ComplianceFramework, Duration> periods = new EnumMap<>(ComplianceFramework.class);
        for (ComplianceFramework framework : ComplianceFramework.values()) {
            periods.put(framework, DEFAULT_PERIOD);
        }
        return new CheckCadence(periods);
    }

    /** This cadence with some frameworks' periods replaced. */
    public CheckCadence with(Map<ComplianceFramework, Duration> replacements) {
        EnumMap<ComplianceFramework, Duration> merged = new EnumMap<>(periods);
        merged.putAll(replacements);
        return new CheckCadence(merged);
    }

    public Instant nextAfter(ComplianceFramework framework, Instant checkedAt) {
        return checkedAt.plus(periods.get(framework));
    }
}
