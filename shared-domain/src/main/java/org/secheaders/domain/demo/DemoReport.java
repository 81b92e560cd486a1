package org.secheaders.domain.demo;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request a browser sent to the report collector, as the collector receives it.
 *
 * @param tenantSlug     whose endpoint it was sent to ({@code /r/<slug>/csp})
 * @param clientAddress  the sender's address as the collector sees it (documentation ranges only)
 * @param headers        request headers: Content-Type, User-Agent, Origin
 * @param body           the request body, exactly as sent
 * @param violationCount how many violations the body carries (a Reporting API batch may carry several)
 */
public record DemoReport(
        String tenantSlug,
        Instant receivedAt,
        ReportFormat format,
        String clientAddress,
        Map<String, String> headers,
        String body,
        int violationCount) {

    public DemoReport {
        Objects.requireNonNull(tenantSlug, "tenantSlug");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(clientAddress, "clientAddress");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body");
        if (violationCount < 1) {
            throw new IllegalArgumentException("a report carries at least one violation");
        }
    }

    public String userAgent() {
        return headers.get(ReportEncoder.USER_AGENT);
    }
}
