package org.secheaders.platform.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.secheaders.domain.compliance.schedule.ScheduledTarget;
import org.secheaders.domain.compliance.schedule.WebhookSettings;
import org.secheaders.domain.scan.PrivateAddresses;

/**
 * Scheduled compliance checks and their notifications (docs/COMPLIANCE_SCHEDULING.md).
 *
 * @param schedulerEnabled  whether the compliance-checker server runs due checks itself
 * @param schedulerInterval time between two scheduler ticks (not the check cadence, which is per framework)
 * @param webhook           where non-compliance events are posted; empty keeps them pending in the database
 * @param privateAddresses  whether live scans may reach addresses off the public internet (docs/SCANNING.md, "Safety")
 */
public record ComplianceSettings(boolean schedulerEnabled, Duration schedulerInterval, ScheduledTarget target,
                                 Optional<WebhookSettings> webhook, PrivateAddresses privateAddresses) {

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
    public static final Duration MAX_INTERVAL = Duration.ofDays(1);

    public ComplianceSettings {
        Objects.requireNonNull(schedulerInterval, "schedulerInterval");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(privateAddresses, "privateAddresses");
    }
}
