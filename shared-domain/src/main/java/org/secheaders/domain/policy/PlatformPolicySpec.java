package org.secheaders.domain.policy;

import java.util.List;

/**
 * The JSON form of a {@link PlatformPolicy}: the baseline in the tenant {@link PolicyConfig} shape,
 * plus what only the platform decides.
 *
 * @param baseline            the default headers; {@code report-uri}/{@code report-to} are derived, not listed
 * @param nonceDirectives     directives that receive the per-response nonce
 * @param reportCollectorPath where CSP reports go ({@code report-uri} and the reporting group's URL)
 * @param reportGroup         the Reporting-Endpoints group named by {@code report-to}
 * @param lockedDirectives    CSP directives tenants cannot weaken
 * @param lockedHeaders       headers tenants cannot weaken
 */
record PlatformPolicySpec(
        PolicyConfig baseline,
        List<String> nonceDirectives,
        String reportCollectorPath,
        String reportGroup,
        List<String> lockedDirectives,
        List<String> lockedHeaders) {

    PlatformPolicySpec {
        baseline = baseline == null ? PolicyConfig.empty() : baseline;
        nonceDirectives = Copies.list(nonceDirectives, "nonceDirectives");
        reportCollectorPath = reportCollectorPath == null ? PlatformPolicy.DEFAULT_REPORT_COLLECTOR_PATH : reportCollectorPath;
        reportGroup = reportGroup == null ? PlatformPolicy.DEFAULT_REPORT_GROUP : reportGroup;
        lockedDirectives = Copies.list(lockedDirectives, "lockedDirectives");
        lockedHeaders = Copies.list(lockedHeaders, "lockedHeaders");
    }
}
