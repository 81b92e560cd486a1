package org.secheaders.domain.demo;

import java.time.Instant;
import java.util.Optional;

/**
 * The generator's record of one violation inside a {@link DemoReport}: what the report says, plus
 * the ground truth the report does not carry ({@link #cause()}, the unstripped {@link #resource()}).
 *
 * @param pageLoadedAt when the page that raised it was loaded: its policy is the one in force then
 * @param occurredAt   when the browser raised it, a few seconds into the page's life
 * @param receivedAt   when the collector received the report carrying it (stored as {@code created_at})
 * @param directive    the effective directive (CSP3 name, even when an old browser reported the governing one)
 * @param resource     what was blocked, before the browser stripped it for the report
 * @param blockedUri   blocked-uri / blockedURL as reported
 * @param sample       the reported sample (at most 40 characters of code)
 * @param disposition  {@code enforce} or {@code report}
 */
public record DemoViolation(
        String tenantSlug,
        Instant pageLoadedAt,
        Instant occurredAt,
        Instant receivedAt,
        ViolationCause cause,
        BrowserFamily browserFamily,
        String clientAddress,
        String documentUrl,
        String directive,
        String resource,
        String blockedUri,
        Optional<String> sample,
        String disposition) {
}
