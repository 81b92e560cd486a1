package org.secheaders.domain.policy;

import java.util.List;
import java.util.Map;

/**
 * What one tenant policy row sets (the {@code policy_config} JSON column). Every part is optional;
 * how it combines with the platform baseline is decided by the row's inheritance mode.
 *
 * @param csp                directive name → source tokens for the enforced policy
 * @param cspReportOnly      directive name → source tokens for a report-only policy (may coexist with the enforced one)
 * @param headers            other security header values by header name (e.g. {@code Referrer-Policy})
 * @param removeHeaders      extra response headers to strip (added to the platform's list)
 * @param reportingEndpoints Reporting-Endpoints group name → URL
 */
public record PolicyConfig(
        Map<String, List<String>> csp,
        Map<String, List<String>> cspReportOnly,
        Map<String, String> headers,
        List<String> removeHeaders,
        Map<String, String> reportingEndpoints) {

    public PolicyConfig {
        csp = csp == null ? Map.of() : Map.copyOf(csp);
        cspReportOnly = cspReportOnly == null ? Map.of() : Map.copyOf(cspReportOnly);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        removeHeaders = removeHeaders == null ? List.of() : List.copyOf(removeHeaders);
        reportingEndpoints = reportingEndpoints == null ? Map.of() : Map.copyOf(reportingEndpoints);
    }

    public static PolicyConfig empty() {
        return new PolicyConfig(null, null, null, null, null);
    }
}
